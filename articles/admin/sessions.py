"""Sessions, edited with who was on stage."""

from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .. import search
from ..models import Panel, Participation
from ..models.base import related_count
from .base import PublicArchiveAdmin, ViewOnSiteAsPreview, people_named
from .history import ChangeHistoryAdmin
from .inlines import AutocompleteNamedFromRecords, NamedFromRecordsFormSet


class ParticipationFormSet(NamedFromRecordsFormSet):
    """Refuses to take someone off a session while quotes from that session are attributed to them."""

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            removed = self.can_delete and getattr(form, "cleaned_data", {}).get("DELETE", False)
            moved = {"person", "panel"} & set(form.changed_data)
            if not (removed or moved):
                continue
            original = Participation.objects.select_related("person", "panel__edition__festival").get(
                pk=form.instance.pk
            )
            if original.is_quoted():
                raise ValidationError(
                    _(
                        "%(person)s is quoted from “%(panel)s”, so they stay on it. "
                        "Reattribute or delete those quotes first."
                    )
                    % {"person": original.person, "panel": original.panel.title}
                )


class ParticipationInline(AutocompleteNamedFromRecords, admin.TabularInline):
    """Who was on stage, edited from the session."""

    model = Participation
    formset = ParticipationFormSet
    fields = ["person", "role", "affiliation", "order"]
    autocomplete_fields = ["person"]

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj else 4

    def get_queryset(self, request):
        # Each row is named by its person, role and session, and its autocompletes name them.
        return super().get_queryset(request).select_related("person", "panel__edition__festival")


@admin.register(Panel)
class PanelAdmin(ViewOnSiteAsPreview, ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = ["-edition__year", "date", "start_time", "title"]
    list_display = ["title", "edition", "kind", "date", "venue", "participant_count"]
    list_filter = ["kind", "edition__festival", "edition__year", "topics"]
    search_fields = ["title", "venue"]  # and more: get_search_results
    autocomplete_fields = ["edition", "topics"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["edition__festival"]
    history_names_read = ["edition__festival"]
    date_hierarchy = "date"
    inlines = [ParticipationInline]
    fieldsets = [
        (None, {"fields": ["edition", "title", "slug", "kind", "topics"]}),
        (_("When and where"), {"fields": [("date", "start_time", "end_time"), "venue"]}),
        (None, {"fields": ["description"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("edition__festival")  # the name of a session includes its edition
            .annotate(participant_count=related_count(Participation, "panel"))
        )

    def get_search_results(self, request, queryset, search_term):
        """As the public site search finds sessions (words beginning those of the title, venue or
        description, festivals, years, people on stage; accents ignored), or by who was on stage
        named as the public site matches names, typos forgiven."""
        if not search.has_words(search_term):
            return queryset, False
        on_stage = Participation.objects.filter(person__in=people_named(search_term, 50)).values_list("panel")
        named = queryset.filter(pk__in=[panel for (panel,) in on_stage])
        return search.search_panels(queryset, search_term) | named, False

    @admin.display(description=_("participants"), ordering="participant_count")
    def participant_count(self, panel):
        return panel.participant_count
