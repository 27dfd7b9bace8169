"""Loading coverage files: what each kind of record holds and refers to, in the order the format
lists them (each may refer to those before it), all in one transaction."""

import json
from collections import defaultdict
from functools import partial

from django.db import DatabaseError, transaction
from django.utils.translation import gettext as _

from ...models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic, shared_positions
from ...models.people import default_sort_name
from ...models.quotes import session_problems
from .convert import AND, either, json_type
from .records import CHANGE_REASON, RecordLoader, reference
from .report import CoverageReport, RecordError, label
from .schema import KIND_MODELS, TOP_LEVEL
from .stored import Covered, panel_key, well_formed


def load_coverage(data, *, may_publish=True, dry_run=False, user=None):
    """Create or update everything in `data` (the parsed JSON of one file); return a CoverageReport.
    Nothing is written when the report has errors, or for a dry run. `may_publish`: whether the
    articles may be published ones (editors), or only drafts and articles in review (contributors);
    `user`: who imports, for the change history."""
    return load_documents([("", data)], may_publish=may_publish, dry_run=dry_run, user=user)


def load_files(files, *, may_publish=True, dry_run=False, user=None, progress=None):
    """Load coverage files, given as (name, raw bytes or text), all in one transaction: all or nothing.
    A file that is not valid JSON is one error in the report."""
    report = CoverageReport()
    documents = []
    for name, raw in files:
        data, error = parse(raw, name or "file")
        if error:
            report.errors.append(error)
        else:
            documents.append((name if len(files) > 1 else "", data))
    return load_documents(
        documents, may_publish=may_publish, dry_run=dry_run, report=report, user=user, progress=progress
    )


def parse(raw, name="file"):
    """(data, None) for a coverage file's text, or (None, RecordError) saying why it cannot be read."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, RecordError(name, "", _("The file is not UTF-8 text; save it as UTF-8 JSON."))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        # Translators: %(error)s is Python's own description of the mistake, in English.
        message = _("This is not valid JSON: %(error)s (line %(line)s, column %(column)s).") % {
            "error": error.msg,
            "line": error.lineno,
            "column": error.colno,
        }
        return None, RecordError(name, "", message)
    if not isinstance(data, dict):
        message = _(
            # Translators: “%(festivals)s” and “%(articles)s” are names of the file format's lists.
            "The file must hold one JSON object with lists such as “%(festivals)s” and “%(articles)s”, "
            "not %(found)s."
        ) % {"festivals": "festivals", "articles": "articles", "found": json_type(data)}
        return None, RecordError(name, "", message)
    return data, None


def load_documents(documents, *, may_publish=True, dry_run=False, report=None, user=None, progress=None):
    """Check parsed files, given as (name, data), then write them in one transaction if every record
    passed; names label their records. `progress(done, total)` hears of each record checked."""
    importer = CoverageImport(may_publish=may_publish, report=report)
    importer.report.dry_run = dry_run
    if progress:
        importer.progress = progress
        importer.total = sum(_records_in(data) for _name, data in documents)
    # Checking only reads: it holds no transaction open, and the job's progress can be written
    # meanwhile (on SQLite, a reader that waited for it could not write afterwards).
    for name, data in documents:
        importer.load(data, prefix=f"{name}: " if name else "")
    if importer.report.errors or dry_run:
        return importer.report
    try:
        with transaction.atomic():
            importer.batch.write(user=user, reason=str(CHANGE_REASON))
    except DatabaseError as error:
        # Another editor's change since the records were checked (a name taken meanwhile, say).
        # Translators: %(error)s is the database's own message, untranslated.
        message = _("The database refused the import: %(error)s") % {"error": error}
        importer.report.errors.append(RecordError("", "", message))
    return importer.report


class CoverageImport(RecordLoader):
    """One load_<kind> for each list of the format; a session brings its participants and an
    article its quotes."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # By session ("festival/year/slug"): the people the file puts on its stage, and the highest
        # order on stage so far, stored or read.
        self.on_stage = defaultdict(set)
        self.highest_order = {}

    def load(self, data, prefix=""):
        # Translators: where an error is in a coverage file: outside the lists of records.
        top_level = prefix + _("top level")
        for key in data:
            if key not in TOP_LEVEL:
                message = _("Unknown key; a file holds only %(keys)s.") % {"keys": either(TOP_LEVEL, AND)}
                self.error(top_level, key, message)
        for kind in TOP_LEVEL:
            items = data.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                message = _("Must be a list of objects, not %(found)s.") % {"found": json_type(items)}
                self.error(top_level, kind, message)
                continue
            self.fetch_stored(kind, [item for item in items if isinstance(item, dict)])
            for index, item in enumerate(items):
                getattr(self, f"load_{kind}")(item, label(f"{prefix}{kind}[{index}]", kind, item))

    def fetch_stored(self, kind, items):
        """What the archive holds of the list's records and of the people they name, at once."""
        self.stored.fetch(
            kind, [key for key in map(partial(reference, kind), items) if well_formed(kind, key)]
        )
        if kind in ("festivals", "topics"):
            names = [item.get("name") for item in items]
            self.stored.fetch_unique(KIND_MODELS[kind], "name", [n for n in names if well_formed(kind, n)])
            return
        if kind == "panels":
            named = [p.get("person") for item in items for p in _records(item, "participants")]
        elif kind == "articles":
            named = [q.get("speaker") for item in items for q in _records(item, "quotes")]
            panels = [r for item in items for r in item.get("panels") or [] if isinstance(r, str)]
            self.stored.fetch("panels", [r for r in panels if well_formed("panels", r)])
        else:
            return
        self.stored.fetch("people", [slug for slug in named if well_formed("people", slug)])

    def load_festivals(self, item, where):
        values = self.read("festivals", item, where)

        def save():
            stored = self.stored.get("festivals", values["slug"])
            return self.save(Festival, stored, {"slug": values["slug"]}, values)

        self.record("festivals", where, values, save, key=reference("festivals", item))

    def load_editions(self, item, where):
        values = self.read("editions", item, where)
        if values is not None:
            values["festival"] = self.find(where, "festival", Festival, "festivals", values["festival"])

        def save():
            stored = self.stored.get("editions", (values["festival"].slug, values["year"]))
            lookup = {"festival": values["festival"], "year": values["year"]}
            return self.save(Edition, stored, lookup, values)

        self.record("editions", where, values, save, key=reference("editions", item))

    def load_topics(self, item, where):
        values = self.read("topics", item, where)

        def save():
            stored = self.stored.get("topics", values["slug"])
            return self.save(Topic, stored, {"slug": values["slug"]}, values)

        self.record("topics", where, values, save, key=reference("topics", item))

    def load_people(self, item, where):
        values = self.read("people", item, where)

        def save():
            stored = self.stored.get("people", values["slug"])
            if "sort_name" in values and not (values["sort_name"] or "").strip():
                # Left empty, the sort name is the one Person.save gives: compare with that.
                values["sort_name"] = default_sort_name(values["name"])
            return self.save(Person, stored, {"slug": values["slug"]}, values)

        self.record("people", where, values, save, key=reference("people", item))

    def load_panels(self, item, where):
        values = self.read("panels", item, where)
        save = None
        if values is not None:
            edition = self.find_edition(where, values["festival"], values["year"])
            topics = [self.find_topic(where, written) for written in values.get("topics") or []]

            def save():
                stored = self.stored.get("panels", reference("panels", item))
                lookup = {"edition": edition, "slug": values["slug"]}
                panel, changes = self.save(Panel, stored, lookup, values)
                if "topics" in values and self.link(panel, "topics", topics, stored) and changes is not None:
                    changes.append("topics")
                return panel, changes

        panel = self.record("panels", where, values, save, key=reference("panels", item))
        participants = item.get("participants") if isinstance(item, dict) else None
        if isinstance(participants, list):
            seen = {}
            for index, participant in enumerate(participants):
                where_participant = label(f"{where}.participants[{index}]", "participants", participant)
                self.load_participant(panel, participant, where_participant, seen)

    def link(self, owner, field, targets, stored):
        """Gather the change of the many-to-many `field` of `owner` to exactly `targets`; whether
        that changes anything."""
        column = "article_id" if isinstance(owner, Article) else "panel_id"
        linked = self.stored.linked(stored, column)
        if (
            stored is not None
            and {target.pk for target in targets} == linked
            and all(target.pk for target in targets)
        ):
            return False
        self.batch.link(owner, field, targets, linked)
        return True

    def load_participant(self, panel, item, where, seen):
        """A participant of `panel` (None when the panel itself failed: then only checked)."""
        values = self.read("participants", item, where)
        if values is None:
            return
        if values["person"] in seen:
            message = _("Already among this session's participants (%(record)s).")
            self.error(where, "person", message % {"record": seen[values["person"]]})
            return
        seen[values["person"]] = where
        values["person"] = self.find(where, "person", Person, "people", values["person"])
        if not values.get("order"):
            values.pop("order", None)  # 0 or left out: where they already are, or after the others
        if panel is None or values["person"] is None:
            return
        key = panel_key(panel)
        stored = self.stored.participant(panel, values["person"].slug)
        if key not in self.highest_order:
            self.highest_order[key] = self.stored.highest_order(panel)
        if stored is None and "order" not in values:
            values["order"] = self.highest_order[key] + 1

        def save():
            lookup = {"panel": panel, "person": values["person"]}
            participation, changes = self.save(Participation, stored, lookup, values)
            self.on_stage[key].add(values["person"].slug)
            self.highest_order[key] = max(self.highest_order[key], participation.order)
            return participation, changes

        self.record("participants", where, values, save, key=None)

    def load_articles(self, item, where):
        values = self.read("articles", item, where)
        known = values if values is not None else self.partly_read.get(where, {})
        panels = [self.find_panel(where, "panels", written) for written in known.get("panels") or []]
        save = stored = None
        if values is not None:
            if values.get("published_at") is None:
                # Left out: as stored; a published article without one is public from now (Article.save).
                values.pop("published_at", None)
            stored = self.stored.get("articles", values["slug"])
            if not self.may_publish:
                self.check_may_change(where, values, stored)

            def save():
                article, changes = self.save(Article, stored, {"slug": values["slug"]}, values)
                if (
                    "panels" in values
                    and self.link(article, "panels", panels, stored)
                    and changes is not None
                ):
                    changes.append("panels")
                return article, changes

        article = self.record("articles", where, values, save, key=reference("articles", item))
        quotes = item.get("quotes") if isinstance(item, dict) else None
        if not isinstance(quotes, list):
            return
        checked_only = False
        if article is not None:
            given = panels if "panels" in values else None
            covered = Covered(given, self.stored.linked(stored, "article_id"), self.stored)
        elif all(panels) and (values is not None or where in self.partly_read):
            # An article that failed cannot be saved, but its quotes are still checked against its
            # language and sessions, so that the editor hears of every problem at once.
            article, covered, checked_only = (
                Article(language=known.get("language") or ""),
                Covered(panels),
                True,
            )
        placed = []
        for index, quote in enumerate(quotes):
            where_quote = label(f"{where}.quotes[{index}]", "quotes", quote)
            self.load_quote(article, quote, where_quote, placed, covered if article else None, checked_only)

    def check_may_change(self, where, values, stored):
        """Who may not publish (contributors) may import drafts and articles in review only."""
        if values.get("status") == Article.Status.PUBLISHED:
            message = _(
                # Translators: "%(key)s": "%(draft)s" or "%(in_review)s" is what to write in the file.
                'Only editors may publish: import it with "%(key)s": "%(draft)s" or "%(in_review)s".'
            )
            statuses = {"key": "status", "draft": Article.Status.DRAFT, "in_review": Article.Status.IN_REVIEW}
            self.error(where, "status", message % statuses)
        elif stored and stored.status == Article.Status.PUBLISHED:
            self.error(where, "status", _("This article is published already; only editors may change it."))

    def load_quote(self, article, item, where, placed, covered, checked_only=False):
        """A quote reported by `article`, which covers the sessions `covered`. Of an article that
        failed (`checked_only`: unsaved, made of what could be read) the quote is only checked; of
        an article that could not even be made (None), only read. `placed`: (record, position) of
        the article's quotes read before it."""
        values = self.read("quotes", item, where)
        if values is None or not self.placed(where, values["position"], placed):
            return
        values["speaker"] = self.find(where, "speaker", Person, "people", values["speaker"])
        if values.get("panel"):
            values["panel"] = self.find_panel(where, "panel", values["panel"])
        else:
            values.pop("panel", None)  # the article's only session, if it covers one (Quote.session_errors)
        if article is None:
            return
        own_language = bool(values.get("language"))
        if not own_language:
            values["language"] = article.language  # left empty: the article's language (Quote.save)
        stored = None if checked_only else self.stored.quote(article, values["position"])
        if "panel" not in values and stored is None and covered.only is not None:
            values["panel"] = covered.only

        def rules(quote):
            panel = values.get("panel", stored.panel if stored else None)
            speaker = values["speaker"] or (stored.speaker if stored else None)
            return session_problems(
                panel,
                speaker,
                covered=panel is not None and covered.holds(panel),
                on_stage=lambda: (
                    speaker.slug in self.on_stage[panel_key(panel)] | self.stored.on_stage(panel)
                ),
            )

        if checked_only:
            if where not in self.records_with_errors and values["speaker"] is not None:
                # The article's own language, if wrong, is reported with the article.
                unchecked = ["article"] if own_language else ["article", "language"]
                self.check(where, Quote, values, unchecked, rules=rules)
            return

        def save():
            return self.save(
                Quote, stored, {"article": article, "position": values["position"]}, values, rules
            )

        self.record("quotes", where, values, save, key=None)

    def placed(self, where, position, placed):
        """Whether the quote at `where` may take `position` among the article's quotes `placed` so far
        (the import finds a quote by its position); it is placed there if so."""
        if position < 1:
            self.error(where, "position", _("Must be 1 or more: the quote's place in the article."))
            return False
        shared = shared_positions([*placed, (where, position)])
        if shared:
            message = _("Another quote of this article has this position (%(record)s).")
            self.error(where, "position", message % {"record": shared[-1][1]})
            return False
        placed.append((where, position))
        return True


def _records_in(data):
    """How many records a file holds, participants and quotes included."""
    lists = [data.get(kind) for kind in TOP_LEVEL]
    items = [item for listed in lists if isinstance(listed, list) for item in listed]
    dicts = [item for item in items if isinstance(item, dict)]
    return len(items) + sum(len(_records(item, key)) for item in dicts for key in ("participants", "quotes"))


def _records(item, key):
    """The records listed under `key` in `item` (participants, quotes), those that are objects."""
    listed = item.get(key)
    return [record for record in listed if isinstance(record, dict)] if isinstance(listed, list) else []
