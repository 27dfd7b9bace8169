"""From an imported article to structured coverage: the editors' worklist of articles that cover no
session yet (an import from WordPress brings text only), newest first, as a filter of the article
list."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _


class ToStructureFilter(admin.SimpleListFilter):
    title = _("sessions covered")
    parameter_name = "structured"
    IMPORTED = "imported"
    NONE = "none"

    def lookups(self, request, model_admin):
        return [
            (self.IMPORTED, _("Imported from WordPress, no session yet")),
            (self.NONE, _("No session yet")),
        ]

    def queryset(self, request, queryset):
        if self.value() == self.NONE:
            return queryset.filter(panels__isnull=True)
        if self.value() == self.IMPORTED:
            return queryset.filter(panels__isnull=True, wordpress_post__isnull=False)
        return queryset
