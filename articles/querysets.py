"""Reusable queries. A thing is public when published coverage reaches it.

An article is public once it is published and its publication time has come (a later time schedules
it). A quote is public with the article that reported it; a panel with the first public article
covering it; people, festivals, editions and topics with their first public panel. Editors can
prepare everything else without readers seeing it. visibility.py stores that moment on each thing
as `public_since`, so every test here is a comparison with the current time.
"""

from django.db import connection, models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone, translation
from django.utils.functional import cached_property


def related_count(model, field):
    """How many `model` rows point at each row through `field`, as a subquery: worked out only for
    the rows a page shows, where JOIN … GROUP BY would count for every row of the table first."""
    counted = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(counted.annotate(count=Count("*")).values("count")), 0)


def distinct_values(model, field, public=False):
    """The distinct values of an indexed column, skipping through its index (a "loose index scan"):
    one index lookup per value rather than reading every row. With `public`, only the values of
    rows that are public now (public_since)."""
    table = connection.ops.quote_name(model._meta.db_table)
    column = connection.ops.quote_name(model._meta.get_field(field).column)
    condition, params = "", []
    if public:
        condition, params = f"AND {connection.ops.quote_name('public_since')} <= %s", [timezone.now()] * 2
    with connection.cursor() as cursor:
        cursor.execute(
            f"""WITH RECURSIVE found(value) AS (
                SELECT MIN({column}) FROM {table} WHERE {column} IS NOT NULL {condition}
                UNION ALL
                SELECT (SELECT MIN({column}) FROM {table} WHERE {column} > found.value {condition})
                FROM found WHERE found.value IS NOT NULL
            ) SELECT value FROM found WHERE value IS NOT NULL""",
            params,
        )
        return [value for (value,) in cursor.fetchall()]


class VisibleFromQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_since__lte=timezone.now())


class ArticleQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())


class PanelQuerySet(VisibleFromQuerySet):
    def with_edition(self):
        return self.select_related("edition__festival")

    def for_listing(self):
        """Panels as lists show them: edition, topics and who was on stage, in a fixed number of queries."""
        from .models import Participation

        return self.with_edition().prefetch_related(
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("person")),
        )

    def in_same_edition_as(self, panel):
        """The other sessions of the panel's festival edition, in programme order."""
        return self.with_edition().filter(edition=panel.edition_id).exclude(pk=panel.pk)

    def on_topics_of(self, panel):
        """Other dated sessions sharing one of the panel's topics, latest first (any festival).
        PostgreSQL walks the sessions down their date index until enough share a topic: sorting
        every session on a common topic took 6 ms a page at 20,000 sessions."""
        on_topic = self.model.topics.through.objects
        return (
            self.with_edition()
            .filter(
                Exists(
                    on_topic.filter(
                        panel=OuterRef("pk"), topic__in=on_topic.filter(panel=panel).values("topic")
                    )
                ),
                date__isnull=False,
            )
            .exclude(pk=panel.pk)
            .order_by("-date", "title")
        )


class ParticipationQuerySet(models.QuerySet):
    def elsewhere_for_people_on(self, panel):
        """What the people on the panel's stage did in other public sessions, latest first."""
        return (
            self.filter(
                person__in=panel.participations.values("person"), panel__public_since__lte=timezone.now()
            )
            .exclude(panel=panel)
            .select_related("person", "panel__edition__festival")
            .order_by("-panel__edition__year", "-panel__date", "panel__title", "panel", "order")
        )


class PersonQuerySet(VisibleFromQuerySet):
    def with_latest_affiliation(self):
        """Annotate the affiliation each person gave at their most recent public session."""
        from .models import Panel, Participation

        latest = (
            Participation.objects.filter(person=OuterRef("pk"), panel__in=Panel.objects.public())
            .exclude(affiliation="")
            .order_by("-panel__edition__year", "-panel__date", "-pk")
            .values("affiliation")[:1]
        )
        return self.annotate(latest_affiliation=Subquery(latest))

    def index_letters(self):
        """The A–Z letters these people file under."""
        return set(self.order_by().values_list("index_letter", flat=True).distinct())


class PublicPanelCounts:
    """For querysets of things that have panels (editions, topics)."""

    def with_public_panel_counts(self):
        return self.annotate(
            public_panel_count=Count("panels", filter=Q(panels__public_since__lte=timezone.now()))
        )


class NamedInEachLanguageQuerySet(models.QuerySet):
    def by_local_name(self):
        """In the order of the names the page shows: a language's own name where editors gave one."""
        name = f"name_{translation.get_language()}"
        if name not in {field.name for field in self.model._meta.fields}:  # the default language
            return self.order_by("name")
        return self.order_by(Coalesce(NullIf(name, Value("")), "name"))


class FestivalQuerySet(NamedInEachLanguageQuerySet, VisibleFromQuerySet):
    pass


class EditionQuerySet(PublicPanelCounts, VisibleFromQuerySet):
    pass


class TopicQuerySet(NamedInEachLanguageQuerySet, PublicPanelCounts, VisibleFromQuerySet):
    pass


# Quotes by the date of the article that reported them, then in the article's order.
QUOTES_LATEST_FIRST = ["-article__published_on", "-article_id", "position", "pk"]
QUOTES_OLDEST_FIRST = ["article__published_on", "article_id", "position", "pk"]
QUOTE_CONTEXT = ["speaker", "panel", "panel__edition", "panel__edition__festival", "article"]
# Long texts and bookkeeping times of a quote's row and the rows around it, never shown beside a
# quote: fewer values to send and convert (a session's 50 quotes each carried their article's body).
BOOKKEEPING = ["created_at", "updated_at", "public_since"]
UNSHOWN_BESIDE_QUOTES = {
    "": BOOKKEEPING,
    "speaker": [*BOOKKEEPING, "bio"],
    "panel": [*BOOKKEEPING, "description"],
    "panel__edition": BOOKKEEPING,
    "panel__edition__festival": [*BOOKKEEPING, "description"],
    "article": ["created_at", "updated_at", "summary", "body"],
}


def unshown_beside_quotes(*related):
    """For defer(): what UNSHOWN_BESIDE_QUOTES leaves out of a quote and of its `related` rows."""
    return [
        f"{relation}__{field}" if relation else field
        for relation in ("", *related)
        for field in UNSHOWN_BESIDE_QUOTES[relation]
    ]


class QuoteQuerySet(VisibleFromQuerySet):
    def with_context(self):
        """Speaker, panel, edition, festival and article in one query, plus the speaker's
        affiliation at that panel (people change jobs between festivals)."""
        from .models import Participation

        on_stage = Participation.objects.filter(panel=OuterRef("panel"), person=OuterRef("speaker"))
        return (
            self.select_related(*QUOTE_CONTEXT)
            .defer(*unshown_beside_quotes(*QUOTE_CONTEXT))
            .annotate(
                speaker_affiliation=Subquery(on_stage.values("affiliation")[:1]),
            )
        )

    def with_article(self):
        """With the article that reported each quote, as a session page shows them (one speaker at
        a time, so the speaker's row is not needed)."""
        return self.select_related("article").defer(*unshown_beside_quotes("article"))

    def latest_first(self):
        return self.order_by(*QUOTES_LATEST_FIRST)


class QuoteManager(models.Manager.from_queryset(QuoteQuerySet)):
    @cached_property
    def _in_context(self):
        return self.get_queryset().with_context()

    def in_context(self):
        """Every quote with_context(). Its joins and subqueries are put together once per process,
        not on each request (0.4 ms each time): each call clones them, as Django's ListView clones
        its `queryset`."""
        return self._in_context.all()
