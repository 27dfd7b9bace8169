"""People who were on stage, filed in an A–Z by their sort name."""

from django.db import models
from django.db.models import OuterRef, Subquery, Value
from django.db.models.functions import Concat
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from ..text import a_to_z_letter, fold
from .base import PublicWhenCovered, VisibleFromQuerySet, change_history
from .sessions import Panel, Participation


class PersonQuerySet(VisibleFromQuerySet):
    def with_latest_affiliation(self):
        """Annotate the affiliation each person gave at their most recent public session."""
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
    other_names = models.TextField(
        _("other spellings"),
        blank=True,
        help_text=_(
            "Other spellings of the name, one a line (“Jo Smith” for “Joanna Smith”, a name before "
            "marriage, a transliteration): searches and imports find the person by them too."
        ),
    )
    # Every name the person goes by, for the name searches (a trigram index on PostgreSQL).
    names = models.GeneratedField(
        expression=Concat("name", Value("\n"), "other_names", output_field=models.TextField()),
        output_field=models.TextField(),
        db_persist=True,
    )
    bio = models.TextField(_("short bio"), blank=True)
    photo = models.ImageField(_("photo"), upload_to="people/", blank=True)
    website = models.URLField(_("website"), blank=True)

    objects = PersonQuerySet.as_manager()
    # public_since and sort_key are worked out from the coverage and the sort name, names from the names.
    history = change_history("public_since", "sort_key", "names")

    class Meta:
        ordering = ["index_letter", "sort_key", "name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")
        # Then by id, for the admin's list (PersonAdmin.ordering).
        indexes = [models.Index(fields=["index_letter", "sort_key", "name", "id"], name="person_a_to_z")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        self.prepare_fields()
        super().save(*args, **kwargs)

    # What prepare_fields() sets, for writes in bulk (which call it, as they skip save()).
    prepared_fields = ["sort_name", "index_letter", "sort_key"]

    def prepare_fields(self):
        """The sort name, when none was given, and where it files in the A–Z."""
        if not self.sort_name.strip():
            self.sort_name = default_sort_name(self.name)
        self.index_letter = a_to_z_letter(self.sort_name)
        self.sort_key = fold(self.sort_name)

    def get_absolute_url(self):
        return reverse("person-detail", args=[self.slug])

    @property
    def spellings(self):
        """The name, then each other spelling."""
        return [self.name, *(line.strip() for line in self.other_names.splitlines() if line.strip())]

    @property
    def initials(self):
        return "".join(word[0] for word in self.name.replace("-", " ").split()[:3]).upper()


def default_sort_name(name):
    """The sort name of someone whose editor gave none: the last word of the name."""
    return name.split()[-1] if name.split() else name
