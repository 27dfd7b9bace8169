"""Quotes: the words an article reported someone saying at a session, with the words as spoken and a
translation where they are known."""

from collections.abc import Callable
from typing import NamedTuple

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, OuterRef, Q, Subquery
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from ..languages import content_languages
from .base import PublicWhenCovered, VisibleFromQuerySet, change_history, next_number
from .coverage import Article, panels_covered_by
from .people import Person
from .sessions import Panel, Participation

# Quotes by the date of the article that reported them, then in the article's order.
# By the date of the article that reported them; quotes of an article whose date is unknown last.
QUOTES_LATEST_FIRST = [F("article__published_on").desc(nulls_last=True), "-article_id", "position", "pk"]
QUOTES_OLDEST_FIRST = [F("article__published_on").asc(nulls_last=True), "article_id", "position", "pk"]
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

POSITION_TAKEN = _("Another quote of this article has this position.")


def unshown_beside_quotes(*related):
    """For defer(): what UNSHOWN_BESIDE_QUOTES leaves out of a quote and of its `related` rows."""
    return [
        f"{relation}__{field}" if relation else field
        for relation in ("", *related)
        for field in UNSHOWN_BESIDE_QUOTES[relation]
    ]


def shared_positions(placed):
    """The rule that two quotes of an article never share a position (the import finds a quote by
    it), for the quotes of one article as they are to be saved: [(quote, the quote placed there
    before it)]. `placed`: (quote, position) pairs in order, a quote being whatever stands for one (a
    form, a record of a file, a stored quote's id). Position 0 asks for the next free place: it is
    nobody's. The database holds the same rule (quote_position_unique_in_article)."""
    first_at, shared = {}, []
    for quote, position in placed:
        if not position:
            continue
        if position in first_at:
            shared.append((quote, first_at[position]))
        else:
            first_at[position] = quote
    return shared


class CheckedHere(NamedTuple):
    fields: set
    holds: Callable


# The CHECK constraints of quotes (Meta.constraints), also read in Python when a quote is validated:
# Django asks the database about each, a query and a savepoint for each rule of each quote, 450
# for an article of 50 quotes saved in the admin. The same rules; the database keeps its own.
CHECKED_HERE = {
    "quote_has_words": CheckedHere({"text"}, lambda quote: quote.text != ""),
    "quote_translation_has_language": CheckedHere(
        {"translation", "translation_language"},
        lambda quote: quote.translation == "" or quote.translation_language != "",
    ),
    "quote_spoken_words_have_language": CheckedHere(
        {"spoken_text", "spoken_language"},
        lambda quote: quote.spoken_text == "" or quote.spoken_language != "",
    ),
}


class QuoteQuerySet(VisibleFromQuerySet):
    def with_context(self):
        """Speaker, session, edition, festival and article in one query, plus the speaker's
        affiliation at that session (people change jobs between festivals)."""
        on_stage = Participation.objects.filter(panel=OuterRef("panel"), person=OuterRef("speaker"))
        return (
            self.select_related(*QUOTE_CONTEXT)
            .defer(*unshown_beside_quotes(*QUOTE_CONTEXT))
            .annotate(speaker_affiliation=Subquery(on_stage.values("affiliation")[:1]))
        )

    def with_article(self):
        """With the article that reported each quote, as a session page shows them (one speaker at
        a time, so the speaker's row is not needed)."""
        return self.select_related("article").defer(*unshown_beside_quotes("article"))

    def latest_first(self):
        return self.order_by(*QUOTES_LATEST_FIRST)

    def make_room(self):
        """Take these quotes out of their places (position 0, nobody's), so that quotes of an article
        can then take each other's places one save at a time: the database refuses two quotes in one
        place even for a moment. Writes no history: the saves that follow do."""
        return self.update(position=0)


class QuoteManager(models.Manager.from_queryset(QuoteQuerySet)):
    @cached_property
    def _in_context(self):
        return self.get_queryset().with_context()

    def in_context(self):
        """Every quote with_context(). Its joins and subqueries are put together once a process, not
        on each request: each call clones them, as Django's ListView clones its `queryset`."""
        return self._in_context.all()


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
            models.UniqueConstraint(
                fields=["article", "position"],
                condition=Q(position__gt=0),
                name="quote_position_unique_in_article",
                violation_error_message=POSITION_TAKEN,
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
        """The rules of the quote's own values: its other versions are in other languages."""
        errors = self.other_version_errors()
        if errors:
            raise ValidationError(errors)

    def validate_constraints(self, exclude=None):
        """Django's check of the constraints, and the rules that relate the quote to other records:
        its place among its article's quotes and its session, against the article as stored.

        Django leaves out a constraint on a field left out of validation; these rules are left out
        with the article. The article's own admin form does that for the quotes it edits, and checks
        them all together against what it submits (articles/admin/coverage.py)."""
        exclude = set(exclude or ())
        errors = {}
        if "article" not in exclude:
            errors |= self.position_errors()
            errors |= self.session_errors(panels_covered_by(self.article_id))
        if "position" in errors:
            exclude.add("position")  # the constraint would say it again, as the whole record's
        for error in self.broken_checks(exclude):
            errors = error.update_error_dict(errors)
        try:
            super().validate_constraints(exclude)
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        if errors:
            raise ValidationError(errors)

    def broken_checks(self, exclude):
        """A ValidationError for each of the CHECKED_HERE constraints the quote breaks, as Django's
        would say it, skipping those on a field left out of validation (as Django does)."""
        return [
            ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
            for constraint in self._meta.constraints
            if constraint.name in CHECKED_HERE
            and not CHECKED_HERE[constraint.name].fields & exclude
            and not CHECKED_HERE[constraint.name].holds(self)
        ]

    def get_constraints(self):
        """The constraints Django checks by asking the database: not those checked here."""
        return [
            (model, [constraint for constraint in constraints if constraint.name not in CHECKED_HERE])
            for model, constraints in super().get_constraints()
        ]

    def quoted_language(self):
        """The language of the words as reported: the quote's own, else its article's, which it
        takes when saved."""
        return self.language or (self.article.language if Quote.article.is_cached(self) else "")

    def other_version_errors(self):
        """A translation, and words as spoken, each need their language, another than the quote's."""
        versions = [
            (
                self.translation,
                "translation_language",
                _("Say which language the translation is in."),
                _("The translation must be in another language than the quote."),
            ),
            (
                self.spoken_text,
                "spoken_language",
                _("Say which language the words were spoken in."),
                _("The words as spoken must be in another language than the quote."),
            ),
        ]
        errors = {}
        for text, field, unnamed, same in versions:
            if text.strip() and not getattr(self, field):
                errors[field] = unnamed
            elif text.strip() and getattr(self, field) == self.quoted_language():
                errors[field] = same
        return errors

    def position_errors(self):
        """The position rule (shared_positions) against the article's other quotes as stored."""
        if not self.article_id or not self.position:
            return {}
        others = Quote.objects.filter(article_id=self.article_id, position=self.position).exclude(pk=self.pk)
        placed = [*others.values_list("pk", "position"), (self, self.position)]
        return {"position": POSITION_TAKEN} if shared_positions(placed) else {}

    def session_errors(self, covered_panel_ids, stages=None):
        """What is wrong with the quote's session, by field, given `covered_panel_ids`: the ids of the
        sessions its article covers (None while they are unknown), against the database. A quote
        left without a session takes the article's only one. `stages` (stages_of()) may hold the
        sessions, found once for many quotes."""
        if not self.panel_id and covered_panel_ids is not None and len(covered_panel_ids) == 1:
            self.panel_id = next(iter(covered_panel_ids))
        if stages is None:
            stages = stages_of([self.panel_id] if self.panel_id else [], speaker_id=self.speaker_id)
        # A submitted session may have been deleted meanwhile by another editor.
        panel, on_stage = stages.get(self.panel_id, (None, set()))
        return session_problems(
            panel,
            self.speaker if self.speaker_id else None,
            covered=panel is not None and (covered_panel_ids is None or panel.pk in covered_panel_ids),
            on_stage=lambda: self.speaker_id in on_stage,
        )


def session_problems(panel, speaker, covered, on_stage):
    """The rule of a quote's session, by field: there is one, the article covers it (`covered`), and
    the speaker (if known) was on its stage (`on_stage()`). The model asks the database; the coverage
    import asks what it read and found (importers/coverage)."""
    if panel is None:
        return {"panel": _("Pick the session these words were said at.")}
    if not covered:
        return {
            "panel": _(
                "The article does not cover this session. Add it to the sessions the article covers first."
            )
        }
    if speaker is not None and not on_stage():
        message = _(
            "%(person)s was not on stage at “%(panel)s”. Add them as a participant of the session first."
        )
        return {"speaker": message % {"person": speaker, "panel": panel.title}}
    return {}


def stages_of(panel_ids, speaker_id=None):
    """{session id: (session, ids of the people on its stage)} for Quote.session_errors(): two
    queries for any number of quotes. With `speaker_id`, only whether that person was on stage."""
    panels = Panel.objects.in_bulk(list(panel_ids))
    on_stage = Participation.objects.filter(panel__in=list(panels))
    if speaker_id is not None:
        on_stage = on_stage.filter(person_id=speaker_id)
    people = {}
    for panel_id, person_id in on_stage.values_list("panel_id", "person_id"):
        people.setdefault(panel_id, set()).add(person_id)
    return {pk: (panel, people.get(pk, set())) for pk, panel in panels.items()}
