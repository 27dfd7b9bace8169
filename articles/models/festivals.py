"""Festivals, their editions (a festival in a year) and the topics sessions are about."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..languages import country_name
from .base import (
    NamedInEachLanguage,
    NamedInEachLanguageQuerySet,
    PublicPanelCounts,
    PublicWhenCovered,
    RemembersSavedValues,
    VisibleFromQuerySet,
)


class FestivalQuerySet(NamedInEachLanguageQuerySet, VisibleFromQuerySet):
    pass


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


class EditionQuerySet(PublicPanelCounts, VisibleFromQuerySet):
    pass


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


class TopicQuerySet(NamedInEachLanguageQuerySet, PublicPanelCounts, VisibleFromQuerySet):
    pass


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
