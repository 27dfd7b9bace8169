"""What the archive already holds of the records a file names: fetched a list at a time, a few
queries for the whole list rather than a few for each record, and kept for the rest of the import.

Records are found by what the format identifies them by (schema.REFERENCES): a festival, topic,
person or article by its slug, an edition by (festival, year), a session by "festival/year/slug".
A participant is found among its session's, a quote among its article's."""

from collections import defaultdict

from ...models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic
from ...search import suggest_people
from ...text import fold
from .convert import is_integer
from .schema import PANEL_REFERENCE

BY_SLUG = {"festivals": Festival, "topics": Topic, "people": Person, "articles": Article}
MAX_YEAR = 32767  # what an edition's year column holds: a year past it is in no stored edition
CHUNK = 500  # keys a query: well below what SQLite takes as parameters


def comparable(text):
    """A name or title as compared with another: accents, case and spacing aside."""
    return " ".join(fold(text).split())


def panel_key(panel):
    """How a file refers to a session, stored or not: "festival-slug/year/session-slug"."""
    return f"{panel.edition.festival.slug}/{panel.edition.year}/{panel.slug}"


class Stored:
    def __init__(self):
        self.found = defaultdict(dict)  # kind → key → record, or None when there is none
        self.participants = {}  # session id → {person slug: participation}
        self.quotes = {}  # article id → {position: quote}
        self.links = {}  # (article or session id, field) → ids of what it links to
        self.unique = {}  # (model, unique field) → value → id of the stored record holding it, or None
        self.titles = {}  # (festival slug, year) → comparable title → [stored sessions]
        self.topic_names = None  # comparable name in any language → [stored topics]
        self.spellings = {}  # comparable spelling of a name → [stored people]

    def get(self, kind, key):
        """The stored record of `kind` that `key` names, or None."""
        if key not in self.found[kind]:
            self.fetch(kind, [key])
        return self.found[kind][key]

    def fetch(self, kind, keys):
        """Fetch the records of `kind` named by `keys` that are not known yet."""
        wanted = [key for key in dict.fromkeys(keys) if key is not None and key not in self.found[kind]]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            for key in chunk:
                self.found[kind][key] = None
            for key, record in self.query(kind, chunk):
                if key in self.found[kind]:
                    self.found[kind][key] = record
        if kind == "panels":
            self.fetch_participants([panel for panel in self.found[kind].values() if panel])
        elif kind == "articles":
            self.fetch_quotes([article for article in self.found[kind].values() if article])

    @staticmethod
    def query(kind, keys):
        """(key, record) of the stored records among `keys`; may hold a few others."""
        if kind in BY_SLUG:
            return ((record.slug, record) for record in BY_SLUG[kind].objects.filter(slug__in=keys))
        if kind == "editions":
            keys = [(festival, year) for festival, year in keys if 0 <= year <= MAX_YEAR]
            editions = Edition.objects.select_related("festival").filter(
                festival__slug__in={festival for festival, _year in keys},
                year__in={year for _f, year in keys},
            )
            return (((edition.festival.slug, edition.year), edition) for edition in editions)
        slugs = {key.rsplit("/", 1)[-1] for key in keys}
        festivals = {key.split("/", 1)[0] for key in keys}
        panels = Panel.objects.select_related("edition__festival").filter(
            slug__in=slugs, edition__festival__slug__in=festivals
        )
        return ((panel_key(panel), panel) for panel in panels)

    def fetch_unique(self, model, field, values):
        """Which stored records of `model` hold each of `values` in the unique `field`."""
        owners = self.unique.setdefault((model, field), {})
        wanted = [value for value in dict.fromkeys(values) if value not in owners]
        for start in range(0, len(wanted), CHUNK):
            chunk = wanted[start : start + CHUNK]
            owners.update(dict.fromkeys(chunk))
            owners.update(model.objects.filter(**{f"{field}__in": chunk}).values_list(field, "pk"))

    def unique_owner(self, model, field, value):
        """The id of the stored record of `model` whose unique `field` is `value`, or None."""
        if value not in self.unique.get((model, field), {}):
            self.fetch_unique(model, field, [value])
        return self.unique[(model, field)][value]

    def fetch_participants(self, panels):
        panels = [panel for panel in panels if panel.pk not in self.participants]
        for panel in panels:
            self.participants[panel.pk] = {}
        for start in range(0, len(panels), CHUNK):
            chunk = [panel.pk for panel in panels[start : start + CHUNK]]
            for participation in Participation.objects.filter(panel__in=chunk).select_related("person"):
                self.participants[participation.panel_id][participation.person.slug] = participation
            self.fetch_links(Panel.topics.through, "panel_id", "topic_id", chunk)

    def fetch_quotes(self, articles):
        articles = [article for article in articles if article.pk not in self.quotes]
        for article in articles:
            self.quotes[article.pk] = {}
        for start in range(0, len(articles), CHUNK):
            chunk = [article.pk for article in articles[start : start + CHUNK]]
            quotes = Quote.objects.filter(article__in=chunk).select_related(
                "speaker", "panel__edition__festival"
            )
            for quote in quotes:
                self.quotes[quote.article_id][quote.position] = quote
            self.fetch_links(Article.panels.through, "article_id", "panel_id", chunk)

    def fetch_links(self, through, source, target, ids):
        for owner in ids:
            self.links[(owner, source)] = set()
        for owner, linked in through.objects.filter(**{f"{source}__in": ids}).values_list(source, target):
            self.links[(owner, source)].add(linked)

    def participant(self, panel, person_slug):
        """The stored participation of the person with `person_slug` at `panel`, or None."""
        if panel.pk is None:
            return None
        if panel.pk not in self.participants:
            self.fetch_participants([panel])
        return self.participants[panel.pk].get(person_slug)

    def on_stage(self, panel):
        """The slugs of the people stored as on the stage of `panel`."""
        if panel.pk is None:
            return set()
        if panel.pk not in self.participants:
            self.fetch_participants([panel])
        return set(self.participants[panel.pk])

    def highest_order(self, panel):
        if panel.pk is None:
            return 0
        self.on_stage(panel)
        return max((p.order for p in self.participants[panel.pk].values()), default=0)

    def titled(self, festival, year, wanted):
        """The stored sessions of the edition whose title compares as `wanted` (see comparable)."""
        if (festival, year) not in self.titles:
            if not 0 <= year <= MAX_YEAR:
                return []
            titles = defaultdict(list)
            edition = Panel.objects.select_related("edition__festival")
            for panel in edition.filter(edition__festival__slug=festival, edition__year=year):
                titles[comparable(panel.title)].append(
                    self.found["panels"].setdefault(panel_key(panel), panel)
                )
            self.titles[(festival, year)] = titles
        return self.titles[(festival, year)].get(wanted, [])

    def spelled(self, written, wanted):
        """The stored people with a spelling of their name that compares as `wanted`."""
        if wanted not in self.spellings:
            candidates = suggest_people(Person.objects.all(), written, limit=6) if wanted else []
            self.spellings[wanted] = [
                self.found["people"].setdefault(person.slug, person) or person
                for person in candidates
                if wanted in {comparable(spelling) for spelling in person.spellings}
            ]
        return self.spellings[wanted]

    def named_topics(self, wanted):
        """The stored topics with a name, in any language, that compares as `wanted`."""
        if self.topic_names is None:
            self.topic_names = defaultdict(list)
            for topic in Topic.objects.all():
                topic = self.found["topics"].setdefault(topic.slug, topic) or topic
                for name in {comparable(getattr(topic, field)) for field in Topic.name_fields} - {""}:
                    self.topic_names[name].append(topic)
        return self.topic_names.get(wanted, [])

    def panel(self, pk):
        """The stored session with id `pk`, as found by its reference."""
        for panel in self.found["panels"].values():
            if panel is not None and panel.pk == pk:
                return panel
        panel = Panel.objects.select_related("edition__festival").get(pk=pk)
        return self.found["panels"].setdefault(panel_key(panel), panel)

    def quote(self, article, position):
        """The stored quote of `article` at `position`, or None."""
        if article.pk is None:
            return None
        if article.pk not in self.quotes:
            self.fetch_quotes([article])
        return self.quotes[article.pk].get(position)

    def linked(self, owner, field):
        """The ids of what a stored article (field "article_id") or session ("panel_id") links to."""
        if owner is None or owner.pk is None:
            return set()
        if (owner.pk, field) not in self.links:
            if field == "article_id":
                self.fetch_quotes([owner])
            else:
                self.fetch_participants([owner])
        return self.links[(owner.pk, field)]


class Covered:
    """The sessions an article covers: those the file gives (a list of sessions), or else those
    stored (their ids), with `stored` to fetch one."""

    def __init__(self, given, stored_ids=frozenset(), stored=None):
        self.given, self.stored_ids, self.stored = given, stored_ids, stored

    @property
    def only(self):
        """The article's only session, which a quote left without one takes; else None."""
        if self.given is not None:
            return self.given[0] if len(self.given) == 1 else None
        if len(self.stored_ids) == 1:
            return self.stored.panel(next(iter(self.stored_ids)))
        return None

    def holds(self, panel):
        if self.given is not None:
            return any(given is panel or (given.pk and given.pk == panel.pk) for given in self.given)
        return panel.pk in self.stored_ids


def well_formed(kind, key):
    """Whether a record's key (see reference) may name a stored record: of the right types, and
    without a NUL (which PostgreSQL refuses in a query; the record is reported for it)."""
    if "\x00" in str(key):
        return False
    if kind == "editions":
        return key is not None and is_integer(key[1])
    if kind == "panels":
        return key is not None and PANEL_REFERENCE.fullmatch(key) is not None
    return isinstance(key, str)
