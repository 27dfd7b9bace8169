"""Festivals with their editions, editions, and topics."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from ..models import Edition, Festival, Panel, Topic
from ..models.base import related_count
from .base import PublicArchiveAdmin, ViewOnSiteWhenPublic, folded


class EditionInline(ViewOnSiteWhenPublic, admin.TabularInline):
    model = Edition
    fields = ["year", "start_date", "end_date"]
    show_change_link = True

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("festival")  # which names each edition


@admin.register(Festival)
class FestivalAdmin(PublicArchiveAdmin):
    ordering = ["name"]
    list_display = ["name", "short_name", "city", "country", "edition_count"]
    list_filter = ["country"]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "slug", "city", "country", "website", "description"]}),
        (_("Name in other languages"), {"fields": ["name_fr", "name_de"]}),
    ]
    search_fields = folded("name", "name_fr", "name_de", "short_name", "city")
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EditionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(edition_count=related_count(Edition, "festival"))

    @admin.display(description=_("editions"), ordering="edition_count")
    def edition_count(self, festival):
        return festival.edition_count


@admin.register(Edition)
class EditionAdmin(PublicArchiveAdmin):
    ordering = ["festival__name", "-year"]
    list_display = ["__str__", "festival", "year", "start_date", "end_date", "panel_count"]
    list_filter = ["festival", "year"]
    search_fields = [*folded("festival__name", "festival__short_name"), "year"]
    autocomplete_fields = ["festival"]
    list_select_related = ["festival"]

    def get_queryset(self, request):
        # With its festival, which names it: in the list, and in the edition autocomplete of sessions.
        return (
            super()
            .get_queryset(request)
            .select_related("festival")
            .annotate(panel_count=related_count(Panel, "edition"))
        )

    @admin.display(description=_("sessions"), ordering="panel_count")
    def panel_count(self, edition):
        return edition.panel_count


@admin.register(Topic)
class TopicAdmin(PublicArchiveAdmin):
    ordering = ["name"]
    list_display = ["name", "slug", "panel_count"]
    list_filter = [("panels__edition__festival", admin.RelatedOnlyFieldListFilter)]
    fieldsets = [
        (None, {"fields": ["name", "slug", "description"]}),
        (_("Name in other languages"), {"fields": ["name_fr", "name_de"]}),
    ]
    search_fields = folded("name", "name_fr", "name_de", "description")
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        # A subquery: counted with a join, filtering by festival joined the sessions twice over.
        return (
            super().get_queryset(request).annotate(panel_count=related_count(Panel.topics.through, "topic"))
        )

    @admin.display(description=_("sessions"), ordering="panel_count")
    def panel_count(self, topic):
        return topic.panel_count
