"""Articles: the coverage that reported sessions, drafted, reviewed and published in the newsroom."""

from django.db import models
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..languages import content_language_names, content_languages
from .base import TimestampedModel, change_history
from .sessions import Panel


def publication_moment():
    """Now, to the second: as the admin shows and submits it, so an unchanged form changes nothing."""
    return timezone.now().replace(microsecond=0)


class ArticleQuerySet(models.QuerySet):
    def public(self):
        return self.filter(status=self.model.Status.PUBLISHED, published_at__lte=timezone.now())


# The latest coverage first; an article whose date is not known after every dated one.
NEWEST_FIRST = [F("published_on").desc(nulls_last=True), F("pk").desc()]


class Article(TimestampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    publication = models.CharField(_("publication"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(
        _("publication date"),
        null=True,
        blank=True,
        help_text=_("Left empty when the date is not known: the article then shows “date unknown”."),
    )
    language = models.CharField(_("language"), max_length=8, choices=content_languages)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    panels = models.ManyToManyField(
        Panel, blank=True, related_name="articles", verbose_name=_("sessions covered")
    )
    topics = models.ManyToManyField(
        "Topic",
        blank=True,
        related_name="articles",
        verbose_name=_("topics"),
        help_text=_("What the article is filed under (a WordPress post's categories and tags)."),
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.DRAFT)
    published_at = models.DateTimeField(
        _("public from"),
        null=True,
        blank=True,
        help_text=_(
            "When readers can first see the published article. Left empty, the moment it is published; "
            "a time still to come schedules it."
        ),
    )
    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_("Readers may comment on the published article. Comments already approved stay shown."),
    )

    objects = ArticleQuerySet.as_manager()
    history = change_history()

    class Meta:
        ordering = NEWEST_FIRST
        permissions = [("publish_article", _("Can publish articles and take them back"))]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            # In the order of NEWEST_FIRST, so that a list of the latest is read from an index: on
            # SQLite a descending index puts empty dates last already; on PostgreSQL, whose indexes put
            # them first, migration 0024 makes these two NULLS LAST (which SQLite cannot declare).
            models.Index(fields=["status", "-published_on"], name="article_latest_published"),
            models.Index(fields=["-published_on", "-id"], name="article_newest_first"),
            models.Index(fields=["language"], name="article_language"),
            models.Index(fields=["publication"], name="article_publication"),  # the admin's filter
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        self.prepare_fields()
        super().save(*args, **kwargs)

    # What prepare_fields() sets, for writes in bulk (which call it, as they skip save()).
    prepared_fields = ["published_at"]

    def prepare_fields(self):
        """A published article given no publication time is public from now."""
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = publication_moment()

    def get_absolute_url(self):
        return reverse("article-detail", args=[self.slug])

    def get_language_display(self):
        # Django's own reads the ninety choices of content_languages anew on every call, for each
        # article of a list.
        return content_language_names().get(self.language, self.language)

    @property
    def is_public(self):
        return self.public_since is not None and self.public_since <= timezone.now()

    @property
    def public_since(self):
        """When readers can see it, as for the things in PublicWhenCovered."""
        return self.published_at if self.status == self.Status.PUBLISHED else None


def panels_covered_by(article_id):
    """The ids of the sessions the article with id `article_id` covers, as stored; None without one."""
    if article_id is None:
        return None
    return set(
        Article.panels.through.objects.filter(article_id=article_id).values_list("panel_id", flat=True)
    )
