"""People, with the sessions they were on stage at."""

from django.contrib import admin
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .. import search
from ..models import Panel, Participation, Person, Quote
from ..models.base import related_count
from .base import PublicArchiveAdmin, people_named
from .history import ChangeHistoryAdmin
from .merging import likely_duplicates, merge_urls
from .sessions import ParticipationInline


class PersonParticipationInline(ParticipationInline):
    """The sessions someone was on stage at, edited from the person."""

    fields = ["panel", "role", "affiliation", "order"]
    autocomplete_fields = ["panel"]
    verbose_name = _("session")
    verbose_name_plural = _("sessions")

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "panel":  # a session's name includes its edition and festival
            kwargs["queryset"] = Panel.objects.select_related("edition__festival")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Person)
class PersonAdmin(ChangeHistoryAdmin, PublicArchiveAdmin):
    # Then by id, as the index person_a_to_z has them: a late page is read from the index, where
    # Django's "-pk" to break ties had every person sorted (250 ms at page 500).
    ordering = [*Person._meta.ordering, "pk"]
    list_display = ["name", "sort_name", "website", "panel_count", "quote_count"]
    list_filter = ["participations__panel__edition__festival", "participations__role"]
    search_fields = ["name", "sort_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "sort_name", "other_names", "bio", "photo", "website"]
    inlines = [PersonParticipationInline]
    actions = ["merge"]

    def get_urls(self):
        return merge_urls(self) + super().get_urls()

    @admin.action(description=_("Merge the two selected people"), permissions=["change", "delete"])
    def merge(self, request, queryset):
        ids = ",".join(str(pk) for pk in queryset.order_by("pk").values_list("pk", flat=True)[:3])
        return HttpResponseRedirect(reverse("admin:articles_person_merge") + f"?ids={ids}")

    def change_view(self, request, object_id, form_url="", extra_context=None):
        person = self.get_object(request, object_id) if object_id.isdigit() else None
        if person is not None:
            extra_context = {**(extra_context or {}), "likely_duplicates": likely_duplicates(person)}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                panel_count=related_count(Participation, "person"),
                quote_count=related_count(Quote, "speaker"),
            )
        )

    def get_search_results(self, request, queryset, search_term):
        """Names matched as the public site matches them: typos, accents and hyphens forgiven."""
        if not search.has_words(search_term):
            return queryset, False
        return queryset.filter(pk__in=people_named(search_term)), False

    @admin.display(description=_("sessions"), ordering="panel_count")
    def panel_count(self, person):
        return person.panel_count

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, person):
        return person.quote_count
