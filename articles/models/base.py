"""What the archive's models share: timestamps, the moment a thing became public, names in each
language of the interface, the change history editors read, and the querysets and queries that go
with them.

A thing is public when published coverage reaches it. An article is public once it is published
and its publication time has come (a later time schedules it). A quote is public with the article
that reported it; a session with the first public article covering it; people, festivals, editions
and topics with their first public session. Editors can prepare everything else without readers
seeing it. articles/visibility.py stores that moment on each thing as `public_since`, so that every
test of what is public is a comparison with the current time.
"""

from types import MappingProxyType

from django.db import connection, models
from django.db.models import DEFERRED, Count, Max, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


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


class VisibleFromQuerySet(models.QuerySet):
    def public(self):
        return self.filter(public_since__lte=timezone.now())


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
        return getattr(self, f"name_{translation.get_language()}", "") or self.name


class NamedInEachLanguageQuerySet(models.QuerySet):
    def by_local_name(self):
        """In the order of the names the page shows: a language's own name where editors gave one."""
        name = f"name_{translation.get_language()}"
        if name not in {field.name for field in self.model._meta.fields}:  # the default language
            return self.order_by("name")
        return self.order_by(Coalesce(NullIf(name, Value("")), "name"))


class PublicPanelCounts:
    """For querysets of things that have sessions (editions, topics)."""

    def with_public_panel_counts(self):
        return self.annotate(
            public_panel_count=Count("panels", filter=Q(panels__public_since__lte=timezone.now()))
        )


def related_count(model, field):
    """How many `model` rows point at each row through `field`, as a subquery: worked out only for
    the rows a page shows, where JOIN … GROUP BY would count for every row of the table first."""
    counted = model.objects.filter(**{field: OuterRef("pk")}).order_by().values(field)
    return Coalesce(Subquery(counted.annotate(count=Count("*")).values("count")), 0)


def distinct_values(model, field, public=False):
    """The distinct values of an indexed column, skipping through its index (a "loose index scan"):
    one index lookup per value rather than reading every row. With `public`, only the values of
    rows that are public now (public_since). The same SQL runs on both databases."""
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
