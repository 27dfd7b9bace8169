"""Sessions of a festival edition and who was on stage. The model is `Panel`; readers and editors
read "session", since keynotes, masterclasses and press conferences are sessions too."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, F, OuterRef, Prefetch, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from .base import PublicWhenCovered, RemembersSavedValues, VisibleFromQuerySet, change_history, next_number
from .festivals import Edition, Topic


class PanelQuerySet(VisibleFromQuerySet):
    def with_edition(self):
        return self.select_related("edition__festival")

    def for_listing(self):
        """Sessions as lists show them: edition, topics and who was on stage, in a fixed number of queries."""
        return self.with_edition().prefetch_related(
            "topics",
            Prefetch("participations", queryset=Participation.objects.select_related("person")),
        )

    def in_same_edition_as(self, panel):
        """The other sessions of the session's festival edition, in programme order."""
        return self.with_edition().filter(edition=panel.edition_id).exclude(pk=panel.pk)

    def on_topics_of(self, panel):
        """Other dated sessions sharing one of the session's topics, latest first (any festival).
        Written as EXISTS so that PostgreSQL walks the sessions down their date index until enough
        share a topic, rather than sorting every session on a common topic."""
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
        # The edition may be new, not saved yet, in an import that writes everything at the end.
        edition = self.edition if self.edition_id or Panel.edition.is_cached(self) else None
        if edition and self.date:
            too_early = edition.start_date and self.date < edition.start_date
            too_late = edition.end_date and self.date > edition.end_date
            if too_early or too_late:
                raise ValidationError({"date": _("The date falls outside the edition’s dates.")})
        if self.end_time and not self.start_time:
            raise ValidationError({"start_time": _("Give a start time along with the end time.")})


class ParticipationQuerySet(models.QuerySet):
    def elsewhere_for_people_on(self, panel):
        """What the people on the session's stage did in other public sessions, latest first."""
        return (
            self.filter(
                person__in=panel.participations.values("person"), panel__public_since__lte=timezone.now()
            )
            .exclude(panel=panel)
            .select_related("person", "panel__edition__festival")
            .order_by("-panel__edition__year", "-panel__date", "panel__title", "panel", "order")
        )


class Participation(RemembersSavedValues, models.Model):
    class Role(models.TextChoices):
        PANELIST = "panelist", _("Panelist")
        MODERATOR = "moderator", _("Moderator")
        KEYNOTE = "keynote", _("Keynote speaker")
        HOST = "host", _("Host")
        SPEAKER = "speaker", pgettext_lazy("role on stage", "Speaker")
        INTERVIEWER = "interviewer", _("Interviewer")
        GUEST = "guest", _("Guest")
        DIRECTOR = "director", _("Director")
        PRODUCER = "producer", _("Producer")
        CAST = "cast", _("Cast member")
        INTERPRETER = "interpreter", _("Interpreter")

    panel = models.ForeignKey(
        Panel, on_delete=models.CASCADE, related_name="participations", verbose_name=_("session")
    )
    person = models.ForeignKey(
        "Person", on_delete=models.PROTECT, related_name="participations", verbose_name=_("person")
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
        """Whether quotes from the session are attributed to this person."""
        return self.panel.quotes.filter(speaker_id=self.person_id).exists()
