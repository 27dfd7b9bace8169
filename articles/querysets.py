"""Reusable queries. A thing is public when published coverage reaches it.

An article is public when it is published. A panel is public when a published article covers it; a
quote when the article that reported it is published; people, festivals, editions and topics when a
public panel involves them. Editors can prepare everything else without readers seeing it.
"""

from django.db import models
from django.db.models import Count, Exists, OuterRef, Prefetch, Q, Subquery


class ArticleQuerySet(models.QuerySet):
    def public(self):
        """Published articles."""
        return self.filter(status=self.model.Status.PUBLISHED)


class ExistsRowByRow(Exists):
    """EXISTS checked row by row, stopping at the first match. PostgreSQL flattens a plain EXISTS into
    a semi-join, which for a short list (topics) can mean hashing every published article first;
    OFFSET 0 keeps it a per-row check. For short outer lists only."""

    template = "EXISTS(%(subquery)s OFFSET 0)"


def _public_panels():
    from .models import Panel

    return Panel.objects.public()


class PanelQuerySet(models.QuerySet):
    def public(self):
        from .models import Article

        covered = Article.objects.public().filter(panels=OuterRef("pk"))
        return self.filter(Exists(covered))

    def with_edition(self):
        return self.select_related("edition__festival")

    def for_listing(self):
        """Panels as lists show them: edition, topics and who was on stage, in a fixed number of queries."""
        from .models import Participation

        return self.with_edition().prefetch_related(
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("person")),
        )


class PersonQuerySet(models.QuerySet):
    def public(self, few=False):
        """People on stage at a public session. few=True when looking up a handful (by slug, name
        suggestions): each is then checked on its own, rather than by hashing every published article,
        which suits the whole A–Z list."""
        from .models import Article

        on_public_panel = Article.objects.public().filter(panels__participations__person=OuterRef("pk"))
        return self.filter(ExistsRowByRow(on_public_panel) if few else Exists(on_public_panel))

    def with_latest_affiliation(self):
        """Annotate the affiliation each person gave at their most recent public session."""
        from .models import Participation

        latest = (
            Participation.objects.filter(person=OuterRef("pk"), panel__in=_public_panels())
            .exclude(affiliation="")
            .order_by("-panel__edition__year", "-panel__date", "-pk")
            .values("affiliation")[:1]
        )
        return self.annotate(latest_affiliation=Subquery(latest))


class PublicPanelCounts:
    """For querysets of things that have panels (editions, topics)."""

    def with_public_panel_counts(self):
        public_panel_ids = _public_panels().values("pk")
        return self.annotate(public_panel_count=Count("panels", filter=Q(panels__in=public_panel_ids)))


class FestivalQuerySet(models.QuerySet):
    def public(self):
        from .models import Article

        return self.filter(Exists(Article.objects.public().filter(panels__edition__festival=OuterRef("pk"))))


class EditionQuerySet(PublicPanelCounts, models.QuerySet):
    def public(self):
        from .models import Article

        return self.filter(Exists(Article.objects.public().filter(panels__edition=OuterRef("pk"))))


class TopicQuerySet(PublicPanelCounts, models.QuerySet):
    def public(self):
        from .models import Article

        return self.filter(ExistsRowByRow(Article.objects.public().filter(panels__topics=OuterRef("pk"))))


class QuoteQuerySet(models.QuerySet):
    def public(self):
        from .models import Article

        return self.filter(article__status=Article.Status.PUBLISHED)

    def with_context(self):
        """Speaker, panel, edition, festival and article in one query, plus the speaker's
        role and affiliation at that panel (people change jobs between festivals)."""
        from .models import Participation

        on_stage = Participation.objects.filter(panel=OuterRef("panel"), person=OuterRef("speaker"))
        return (
            self.select_related("speaker", "panel__edition__festival", "article")
            # Long texts of the related rows are never shown beside a quote.
            .defer(
                "speaker__bio",
                "panel__description",
                "panel__edition__festival__description",
                "article__summary",
                "article__body",
            )
            .annotate(
                speaker_affiliation=Subquery(on_stage.values("affiliation")[:1]),
                speaker_role=Subquery(on_stage.values("role")[:1]),
            )
        )

    def latest_first(self):
        return self.order_by("-article__published_on", "-article_id", "position", "pk")
