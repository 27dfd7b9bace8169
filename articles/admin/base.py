"""What the archive's ModelAdmins share: form fields, "View on site", the large-table paginator, the
publishing permission, searches that match as the public site does, and the language filter.

Count columns are subqueries (models.base.related_count), worked out for the rows a page shows.
Admins set `ordering` explicitly, so that changelists and autocompletes stay in a stable order."""

from django.contrib import admin
from django.contrib.admin.widgets import AdminTimeWidget
from django.db import models
from django.utils.translation import gettext_lazy as _

from .. import search
from ..languages import content_language_names
from ..models import Person
from ..models.base import distinct_values
from .deleting import DeletionNamesRead
from .forms import LanguageSelect, TextWithNewlines
from .pagination import LargeTablePaginator

FORM_FIELDS = {
    # A web address typed without a scheme ("www.berlinale.de") is taken as https, as Django 6 will.
    models.URLField: {"assume_scheme": "https"},
    models.TimeField: {"widget": AdminTimeWidget(format="%H:%M")},
    models.TextField: {"form_class": TextWithNewlines},
}


def may_publish(request):
    """Editors publish; contributors prepare (the groups of migration 0008)."""
    return request.user.has_perm("articles.publish_article")


def folded(*fields):
    """search_fields matched as the public site matches words: case and accents ignored."""
    return [f"{field}__contains_folded" for field in fields]


def people_named(text, most=500):
    """Ids of the people whose names best match `text`, forgiving as the public search is."""
    return search.people_named(Person.objects.all(), text, most)


class ViewOnSiteWhenPublic:
    """“View on site” only for what readers can see; anything else would open a 404."""

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None


class ViewOnSiteAsPreview:
    """“View on site” always: staff see what readers cannot see yet as a preview (public/previews.py)."""

    def view_on_site(self, obj):
        return obj.get_absolute_url()


class LanguageFields:
    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name.endswith("language"):
            kwargs.setdefault("widget", LanguageSelect)
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class PublicArchiveAdmin(DeletionNamesRead, LanguageFields, ViewOnSiteWhenPublic, admin.ModelAdmin):
    formfield_overrides = FORM_FIELDS
    # Lists stay quick on a large archive: no second count of the whole table.
    paginator = LargeTablePaginator
    show_full_result_count = False


class LanguageColumn:
    """A list's "language" column, each row's language named from one table of names a process:
    Django names a value of a field with choices by going through every choice, ninety languages
    here, for each row (a third of the time of a page of 100 quotes)."""

    @admin.display(description=_("language"), ordering="language")
    def language_name(self, obj):
        return content_language_names().get(obj.language) or self.get_empty_value_display()


class ValuesInUseFilter(admin.SimpleListFilter):
    """Django's filter of the values a field holds (AllValuesFieldListFilter, its address kept), the
    values read from an index one at a time (distinct_values) rather than by reading every row."""

    field_name = None

    def __init__(self, request, params, model, model_admin):
        self.parameter_name = f"{self.field_name}__exact"
        super().__init__(request, params, model, model_admin)

    def lookups(self, request, model_admin):
        return [(value, value) for value in distinct_values(model_admin.model, self.field_name)]

    def queryset(self, request, queryset):
        value = self.value()
        return queryset if value is None else queryset.filter(**{self.field_name: value})


class LanguageInUseFilter(admin.SimpleListFilter):
    """The languages the records are actually in, by name, rather than every language there is."""

    title = _("language")
    parameter_name = "language"

    def lookups(self, request, model_admin):
        names = content_language_names()
        used = distinct_values(model_admin.model, "language")
        return sorted(
            ((code, names.get(code, code)) for code in used if code), key=lambda choice: str(choice[1])
        )

    def queryset(self, request, queryset):
        return queryset.filter(language=self.value()) if self.value() else queryset
