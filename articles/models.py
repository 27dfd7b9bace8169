"""The archive's domain: festivals and their editions, panels and who was on stage, the articles
that covered them, and the quotes those articles reported."""

import functools
from types import MappingProxyType

from django.conf import global_settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import DEFERRED, F, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext, override, pgettext_lazy
from django.utils.translation import gettext_lazy as _
from django_comments.abstracts import CommentAbstractModel
from simple_history.models import HistoricalRecords

from .languages import country_name
from .querysets import (
    ArticleQuerySet,
    EditionQuerySet,
    FestivalQuerySet,
    PanelQuerySet,
    ParticipationQuerySet,
    PersonQuerySet,
    QuoteManager,
    TopicQuerySet,
)
from .search import fold


def content_languages():
    """Languages coverage and quotes can be in: every base language Django knows (not only the
    languages of the interface), by name in the active language, sorted by it."""
    return content_languages_named_in(get_language())


@functools.cache
def content_languages_named_in(language):
    # Naming and sorting some ninety languages took half a millisecond of every quote search.
    with override(language):
        named = [(code, gettext(name)) for code, name in global_settings.LANGUAGES if "-" not in code]
    return tuple(sorted(named, key=lambda choice: fold(choice[1])))


def content_language_names():
    """{code: name} of content_languages(), for looking a language up."""
    return content_language_names_in(get_language())


@functools.cache
def content_language_names_in(language):
    return dict(content_languages_named_in(language))


def change_history(*also_left_out):
    """The history editors see and restore in the admin. Timestamps are left out: each version
    has its own date and author."""
    return HistoricalRecords(excluded_fields=["created_at", "updated_at", *also_left_out])


def next_number(siblings, field):
    """One more than the highest `field` among `siblings`: the next place in a running order."""
    return (siblings.aggregate(highest=Max(field))["highest"] or 0) + 1


class TimestampedModel(models.Model):
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True


class RemembersSavedValues:
    """`saved_values`: the columns as the database last had them, to see what a save changes."""

    saved_values = MappingProxyType({})

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance.saved_values = {
            name: value for name, value in zip(field_names, values, strict=True) if value is not DEFERRED
        }
        return instance

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)  # post_save receivers still see the earlier values
        self.saved_values = {
            field.attname: self.__dict__[field.attname]
            for field in self._meta.concrete_fields
            if field.attname in self.__dict__
        }


class PublicWhenCovered(TimestampedModel):
    """Something readers see once a published article reaches it; visibility.py keeps the moment."""

    public_since = models.DateTimeField(_("public since"), null=True, editable=False, db_index=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding and not kwargs.get("update_fields"):
            # visibility.py alone writes public_since: a copy read before its last refresh must not
            # be written back.
            kwargs["update_fields"] = [
                field.name
                for field in self._meta.concrete_fields
                if not field.primary_key and field.name != "public_since"
            ]
        super().save(*args, **kwargs)

    @property
    def is_public(self):
        return self.public_since is not None and self.public_since <= timezone.now()


class NamedInEachLanguage(models.Model):
    """A name that editors may also give in the interface's other languages ("Künstliche Intelligenz"
    for "Artificial intelligence"). Pages in a language show its name, or else `name`."""

    name_fr = models.CharField(
        _("name in French"),
        max_length=200,
        blank=True,
        help_text=_("Left empty, French pages show the name."),
    )
    name_de = models.CharField(
        _("name in German"),
        max_length=200,
        blank=True,
        help_text=_("Left empty, German pages show the name."),
    )

    name_fields = ["name", "name_fr", "name_de"]

    class Meta:
        abstract = True

    def __str__(self):
        return self.name  # what editors typed, in every language of the admin

    @property
    def local_name(self):
        """The name in the language of the page being made."""
        return getattr(self, f"name_{get_language()}", "") or self.name


class Festival(NamedInEachLanguage, PublicWhenCovered):
    name = models.CharField(_("name"), max_length=200, unique=True)
    short_name = models.CharField(
        _("short name"), max_length=80, blank=True, help_text=_("The name people use, e.g. “Berlinale”.")
    )
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    city = models.CharField(_("city"), max_length=100, blank=True)
    country = models.CharField(_("country"), max_length=100, blank=True)
    website = models.URLField(_("website"), blank=True)
    description = models.TextField(_("description"), blank=True)

    objects = FestivalQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("festival")
        verbose_name_plural = _("festivals")

    def get_absolute_url(self):
        return reverse("festival-detail", args=[self.slug])

    @property
    def display_name(self):
        return self.short_name or self.local_name

    @property
    def local_country(self):
        """The country named in the language of the page being made, when it is a country's name."""
        return country_name(self.country) if self.country else ""


class Edition(RemembersSavedValues, PublicWhenCovered):
    festival = models.ForeignKey(
        Festival, on_delete=models.PROTECT, related_name="editions", verbose_name=_("festival")
    )
    year = models.PositiveSmallIntegerField(
        _("year"), validators=[MinValueValidator(1900), MaxValueValidator(2100)]
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)

    objects = EditionQuerySet.as_manager()

    class Meta:
        ordering = ["-year"]
        verbose_name = _("edition")
        verbose_name_plural = _("editions")
        constraints = [
            models.UniqueConstraint(fields=["festival", "year"], name="edition_one_per_festival_year"),
            models.CheckConstraint(
                condition=Q(year__gte=1900, year__lte=2100), name="edition_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(start_date__isnull=True)
                | Q(end_date__isnull=True)
                | Q(end_date__gte=F("start_date")),
                name="edition_ends_after_start",
                violation_error_message=_("An edition cannot end before it starts."),
            ),
        ]

    def __str__(self):
        return f"{self.festival.display_name} {self.year}"

    def get_absolute_url(self):
        return reverse("edition-detail", args=[self.festival.slug, self.year])

    def clean(self):
        if self.start_date and self.year and self.start_date.year != self.year:
            raise ValidationError({"start_date": _("The edition must start in its own year.")})


class Topic(NamedInEachLanguage, PublicWhenCovered):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)

    objects = TopicQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def get_absolute_url(self):
        return reverse("topic-detail", args=[self.slug])


def a_to_z_letter(text):
    """The A–Z letter a name files under: accents folded (“Ö” and “Ø” file under O), anything else
    under #."""
    letter = fold(text[:1])[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


class Person(PublicWhenCovered):
    name = models.CharField(_("name"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    sort_name = models.CharField(
        _("sort name"),
        max_length=200,
        blank=True,
        help_text=_(
            "How the name files in the A–Z, e.g. “Caspers-Roemer” or “del Toro”. "
            "Left empty, the last word of the name."
        ),
    )
    index_letter = models.CharField(_("A–Z letter"), max_length=1, editable=False)
    # The sort name as the A–Z files it, accents and case folded (“Öberg” as “oberg”, “Weiß” as
    # “weiss”): both databases' own collations put accented letters after z.
    sort_key = models.CharField(max_length=200, editable=False, default="")
    bio = models.TextField(_("short bio"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = PersonQuerySet.as_manager()
    history = change_history("public_since", "sort_key")  # worked out from the coverage and the sort name

    class Meta:
        ordering = ["index_letter", "sort_key", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        indexes = [models.Index(fields=["index_letter", "sort_key", "name"], name="person_a_to_z")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.sort_name.strip():
            self.sort_name = self.name.split()[-1] if self.name.split() else self.name
        self.index_letter = a_to_z_letter(self.sort_name)
        self.sort_key = fold(self.sort_name)
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("person-detail", args=[self.slug])

    @property
    def initials(self):
        return "".join(word[0] for word in self.name.replace("-", " ").split()[:3]).upper()


class Panel(RemembersSavedValues, PublicWhenCovered):
    class Kind(models.TextChoices):
        PANEL = "panel", _("Panel")
        KEYNOTE = "keynote", _("Keynote")
        PRESS_CONFERENCE = "press-conference", _("Press conference")
        MASTERCLASS = "masterclass", _("Masterclass")
        TALK = "talk", _("Talk")
        CONVERSATION = "conversation", _("Conversation")
        WORKSHOP = "workshop", _("Workshop")

    edition = models.ForeignKey(
        Edition, on_delete=models.PROTECT, related_name="panels", verbose_name=_("edition")
    )
    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200)
    kind = models.CharField(_("kind"), max_length=32, choices=Kind, default=Kind.PANEL)
    date = models.DateField(_("date"), null=True, blank=True)
    start_time = models.TimeField(_("start time"), null=True, blank=True)
    end_time = models.TimeField(_("end time"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    topics = models.ManyToManyField(Topic, blank=True, related_name="panels", verbose_name=_("topics"))
    people = models.ManyToManyField(
        "Person", through="Participation", related_name="panels", verbose_name=_("people")
    )

    objects = PanelQuerySet.as_manager()
    history = change_history("public_since")  # it follows from the coverage

    class Meta:
        ordering = ["date", "start_time", "title"]
        verbose_name = _("session")
        verbose_name_plural = _("sessions")
        constraints = [
            models.UniqueConstraint(fields=["edition", "slug"], name="panel_slug_unique_in_edition"),
            models.CheckConstraint(
                condition=Q(start_time__isnull=True)
                | Q(end_time__isnull=True)
                | Q(end_time__gte=F("start_time")),
                name="panel_ends_after_start",
                violation_error_message=_("A session cannot end before it starts."),
            ),
        ]
        indexes = [
            models.Index(fields=["edition", "date", "start_time"], name="panel_programme_order"),
            models.Index(fields=["-date", "title"], name="panel_latest_first"),
        ]

    def __str__(self):
        return f"{self.title} ({self.edition})"

    def get_absolute_url(self):
        return reverse("panel-detail", args=[self.edition.festival.slug, self.edition.year, self.slug])

    def clean(self):
        edition = self.edition if self.edition_id else None
        if edition and self.date:
            too_early = edition.start_date and self.date < edition.start_date
            too_late = edition.end_date and self.date > edition.end_date
            if too_early or too_late:
                raise ValidationError({"date": _("The date falls outside the edition’s dates.")})
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give a start time along with the end time.")})


class Participation(RemembersSavedValues, models.Model):
    class Role(models.TextChoices):
        PANELIST = "panelist", _("Panelist")
        MODERATOR = "moderator", _("Moderator")
        KEYNOTE = "keynote", _("Keynote speaker")
        HOST = "host", _("Host")
        SPEAKER = "speaker", pgettext_lazy("role on stage", "Speaker")
        INTERVIEWER = "interviewer", _("Interviewer")
        GUEST = "guest", _("Guest")

    panel = models.ForeignKey(
        Panel, on_delete=models.CASCADE, related_name="participations", verbose_name=_("session")
    )
    person = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="participations", verbose_name=_("person")
    )
    role = models.CharField(_("role"), max_length=32, choices=Role, default=Role.PANELIST)
    affiliation = models.CharField(
        _("title and affiliation"),
        max_length=300,
        blank=True,
        help_text=_("As at this session, e.g. “Founder, The Catalysts”."),
    )
    order = models.PositiveSmallIntegerField(
        _("order on stage"), default=0, help_text=_("Left at 0, after everyone already on stage.")
    )

    objects = ParticipationQuerySet.as_manager()

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(fields=["panel", "person"], name="participation_once_per_panel"),
        ]

    def __str__(self):
        return f"{self.person} — {self.get_role_display()}, {self.panel}"

    def save(self, *args, **kwargs):
        if not self.order and self.panel_id:
            self.order = next_number(Participation.objects.filter(panel_id=self.panel_id), "order")
        super().save(*args, **kwargs)

    def is_quoted(self):
        return Quote.objects.filter(panel_id=self.panel_id, speaker_id=self.person_id).exists()


def publication_moment():
    """Now, to the second: as the admin shows and submits it, so an unchanged form changes nothing."""
    return timezone.now().replace(microsecond=0)


class Article(TimestampedModel):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        IN_REVIEW = "in_review", _("In review")
        PUBLISHED = "published", _("Published")

    title = models.CharField(_("title"), max_length=300)
    slug = models.SlugField(_("slug"), max_length=200, unique=True)
    publication = models.CharField(_("publication"), max_length=200, blank=True)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_on = models.DateField(_("publication date"))
    language = models.CharField(_("language"), max_length=8, choices=content_languages)
    source_url = models.URLField(_("source URL"), max_length=500, blank=True)
    summary = models.TextField(_("summary"), blank=True)
    body = models.TextField(_("body"), blank=True)
    panels = models.ManyToManyField(
        Panel, blank=True, related_name="articles", verbose_name=_("sessions covered")
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
        ordering = ["-published_on", "-pk"]
        permissions = [("publish_article", _("Can publish articles and take them back"))]
        verbose_name = _("article")
        verbose_name_plural = _("articles")
        indexes = [
            models.Index(fields=["status", "-published_on"], name="article_latest_published"),
            models.Index(fields=["-published_on", "-id"], name="article_newest_first"),
            models.Index(fields=["language"], name="article_language"),
        ]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.status == self.Status.PUBLISHED and not self.published_at:
            self.published_at = publication_moment()
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("article-detail", args=[self.slug])

    def get_language_display(self):
        # Django's own reads the ninety choices of content_languages anew on every call: 0.17 ms,
        # a few milliseconds for a list of articles.
        return content_language_names().get(self.language, self.language)

    @property
    def is_public(self):
        return self.public_since is not None and self.public_since <= timezone.now()

    @property
    def public_since(self):
        """When readers can see it, as for the things in PublicWhenCovered."""
        return self.published_at if self.status == self.Status.PUBLISHED else None


POSITION_TAKEN = _("Another quote of this article has this position.")


class Quote(PublicWhenCovered):
    text = models.TextField(_("words as reported"), help_text=_("Exactly as the article printed them."))
    language = models.CharField(
        _("language"),
        max_length=8,
        choices=content_languages,
        blank=True,
        help_text=_(
            "Language of the words as reported. Left empty, the article’s language; "
            "quotes in the article’s language follow it if it changes."
        ),
    )
    spoken_text = models.TextField(
        _("words as spoken"),
        blank=True,
        help_text=_("When the article quotes in translation and the original words are known."),
    )
    spoken_language = models.CharField(
        _("language spoken"), max_length=8, choices=content_languages, blank=True
    )
    translation = models.TextField(_("translation"), blank=True)
    translation_language = models.CharField(
        _("translation language"), max_length=8, choices=content_languages, blank=True
    )
    speaker = models.ForeignKey(
        Person, on_delete=models.PROTECT, related_name="quotes", verbose_name=_("speaker")
    )
    panel = models.ForeignKey(
        Panel,
        on_delete=models.PROTECT,
        blank=True,
        related_name="quotes",
        verbose_name=_("session"),
        help_text=_("Left empty when the article covers a single session: that session."),
    )
    article = models.ForeignKey(
        Article, on_delete=models.PROTECT, related_name="quotes", verbose_name=_("reported in")
    )
    context = models.TextField(_("context note"), blank=True)
    position = models.PositiveSmallIntegerField(
        _("position in the article"), default=0, help_text=_("Left at 0, after the article’s other quotes.")
    )

    objects = QuoteManager()
    history = change_history("public_since")  # it follows from the coverage

    # Set by the article admin to the panels submitted alongside the quotes, which are not saved yet.
    covered_panel_ids = None
    # Set by the article admin, which checks the positions of an article's quotes all together: one
    # by one, two quotes swapping places would each find the other's place taken.
    positions_checked_together = False

    class Meta:
        ordering = ["position", "pk"]
        verbose_name = _("quote")
        verbose_name_plural = _("quotes")
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="quote_has_words"),
            models.CheckConstraint(
                condition=Q(translation="") | ~Q(translation_language=""),
                name="quote_translation_has_language",
                violation_error_message=_("Say which language the translation is in."),
            ),
            models.CheckConstraint(
                condition=Q(spoken_text="") | ~Q(spoken_language=""),
                name="quote_spoken_words_have_language",
                violation_error_message=_("Say which language the words were spoken in."),
            ),
        ]
        indexes = [
            models.Index(fields=["speaker", "article"], name="quote_by_speaker"),
            models.Index(fields=["language"], name="quote_language"),
        ]

    def __str__(self):
        return f"“{Truncator(self.text).chars(80)}” — {self.speaker}"

    def save(self, *args, **kwargs):
        if not self.language and self.article_id:
            self.language = self.article.language
        if not self.position and self.article_id:
            self.position = next_number(Quote.objects.filter(article_id=self.article_id), "position")
        super().save(*args, **kwargs)

    def get_absolute_url(self):
        return reverse("quote-detail", args=[self.pk])

    def clean(self):
        errors = {}
        # A quote without a language of its own takes its article's when saved.
        language = self.language or (self.article.language if Quote.article.is_cached(self) else "")
        if self.translation.strip() and not self.translation_language:
            errors["translation_language"] = _("Say which language the translation is in.")
        elif self.translation.strip() and self.translation_language == language:
            errors["translation_language"] = _("The translation must be in another language than the quote.")
        if self.spoken_text.strip() and not self.spoken_language:
            errors["spoken_language"] = _("Say which language the words were spoken in.")
        elif self.spoken_text.strip() and self.spoken_language == language:
            errors["spoken_language"] = _("The words as spoken must be in another language than the quote.")
        if self.position and self.article_id and not self.positions_checked_together:
            others = Quote.objects.filter(article_id=self.article_id, position=self.position).exclude(
                pk=self.pk
            )
            if others.exists():
                errors["position"] = POSITION_TAKEN
        covered = self._covered_panel_ids()
        if not self.panel_id and covered is not None and len(covered) == 1:
            self.panel_id = next(iter(covered))
        # A submitted session may have been deleted meanwhile by another editor.
        panel = Panel.objects.filter(pk=self.panel_id).first() if self.panel_id else None
        if panel is None:
            errors["panel"] = _("Pick the session these words were said at.")
        elif covered is not None and panel.pk not in covered:
            errors["panel"] = _(
                "The article does not cover this session. Add it to the sessions the article covers first."
            )
        elif self.speaker_id and not panel.participations.filter(person_id=self.speaker_id).exists():
            errors["speaker"] = _(
                "%(person)s was not on stage at “%(panel)s”. Add them as a participant of the session first."
            ) % {"person": self.speaker, "panel": panel.title}
        if errors:
            raise ValidationError(errors)

    def _covered_panel_ids(self):
        """The sessions the quote's article covers: as the editor just submitted them when an admin
        form says so (covered_panel_ids), otherwise as stored. None while the article is unsaved."""
        if self.covered_panel_ids is not None:
            return set(self.covered_panel_ids)
        if self.article_id:
            return set(
                Article.panels.through.objects.filter(article_id=self.article_id).values_list(
                    "panel_id", flat=True
                )
            )
        return None


class ReaderComment(CommentAbstractModel):
    """A reader's comment on an article, or a reply to one (one level), held until a moderator
    approves it: django-contrib-comments' comment (articles/__init__.py makes it the one the package
    uses). The reader's address is never stored (ip_address stays empty), only a salted hash of it
    for the rate limit."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    client_hash = models.CharField(_("client (salted hash)"), max_length=64, blank=True, editable=False)

    class Meta(CommentAbstractModel.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(
                fields=["content_type", "object_pk", "is_public", "submit_date"], name="comment_shown"
            ),
            models.Index(fields=["is_public", "is_removed", "-submit_date"], name="comment_moderation_queue"),
        ]

    @property
    def status(self):
        if self.is_removed:
            return self.Status.SPAM
        return self.Status.APPROVED if self.is_public else self.Status.PENDING

    @property
    def by_staff(self):
        return self.user_id is not None and self.user.is_staff

    def get_absolute_url(self, anchor_pattern="#comment-%(id)s"):
        return self.content_object.get_absolute_url() + (anchor_pattern % self.__dict__)
