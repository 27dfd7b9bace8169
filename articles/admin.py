"""The editors' tool: one ModelAdmin per model, with the parts edited together shown inline.

Admins with a count column set `ordering` explicitly: Django leaves Meta.ordering out of the GROUP BY
queries that counting needs, and changelists and autocompletes must stay in a stable order.
"""

from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count
from django.forms.models import BaseInlineFormSet
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic

# A web address typed without a scheme ("www.berlinale.de") is taken as https, as Django 6 will.
HTTPS_BY_DEFAULT = {models.URLField: {"assume_scheme": "https"}}


class EditionInline(admin.TabularInline):
    model = Edition
    fields = ["year", "start_date", "end_date"]
    show_change_link = True

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


@admin.register(Festival)
class FestivalAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    ordering = ["name"]
    list_display = ["name", "short_name", "city", "country", "edition_count"]
    list_filter = ["country"]
    search_fields = ["name", "short_name", "city"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [EditionInline]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(edition_count=Count("editions"))

    @admin.display(description=_("editions"), ordering="edition_count")
    def edition_count(self, festival):
        return festival.edition_count


@admin.register(Edition)
class EditionAdmin(admin.ModelAdmin):
    ordering = ["festival__name", "-year"]
    list_display = ["__str__", "festival", "year", "start_date", "end_date", "panel_count"]
    list_filter = ["festival", "year"]
    search_fields = ["festival__name", "festival__short_name", "year"]
    autocomplete_fields = ["festival"]
    list_select_related = ["festival"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(panel_count=Count("panels"))

    @admin.display(description=_("panels"), ordering="panel_count")
    def panel_count(self, edition):
        return edition.panel_count


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    ordering = ["name"]
    list_display = ["name", "slug", "panel_count"]
    list_filter = [("panels__edition__festival", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(panel_count=Count("panels"))

    @admin.display(description=_("panels"), ordering="panel_count")
    def panel_count(self, topic):
        return topic.panel_count


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    ordering = ["sort_name", "name"]
    list_display = ["name", "sort_name", "website", "panel_count"]
    list_filter = [
        ("participations__panel__edition__festival", admin.RelatedOnlyFieldListFilter),
        "participations__role",
    ]
    search_fields = ["name", "sort_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "sort_name", "bio", "photo", "website"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(panel_count=Count("participations"))

    @admin.display(description=_("panels"), ordering="panel_count")
    def panel_count(self, person):
        return person.panel_count


class ParticipationFormSet(BaseInlineFormSet):
    """Refuses to take someone off a panel while quotes from that panel are attributed to them."""

    def clean(self):
        super().clean()
        if not self.instance.pk:
            return
        for form in self.initial_forms:
            original_person_id = form.initial.get("person")
            removed = self.can_delete and getattr(form, "cleaned_data", {}).get("DELETE", False)
            replaced = "person" in form.changed_data
            if (removed or replaced) and Quote.objects.filter(
                panel=self.instance, speaker_id=original_person_id
            ).exists():
                person = Person.objects.get(pk=original_person_id)
                raise ValidationError(
                    _(
                        "%(person)s is quoted from this panel, so they stay on it. "
                        "Reattribute or delete those quotes first."
                    )
                    % {"person": person}
                )


class ParticipationInline(admin.TabularInline):
    model = Participation
    formset = ParticipationFormSet
    fields = ["person", "role", "affiliation", "order"]
    autocomplete_fields = ["person"]
    extra = 2


@admin.register(Panel)
class PanelAdmin(admin.ModelAdmin):
    ordering = ["-edition__year", "date", "start_time", "title"]
    list_display = ["title", "edition", "kind", "date", "venue", "participant_count"]
    list_filter = ["kind", "edition__festival", "edition__year", "topics"]
    search_fields = ["title", "venue", "edition__festival__name", "edition__festival__short_name"]
    autocomplete_fields = ["edition", "topics"]
    prepopulated_fields = {"slug": ["title"]}
    list_select_related = ["edition__festival"]
    date_hierarchy = "date"
    inlines = [ParticipationInline]
    fieldsets = [
        (None, {"fields": ["edition", "title", "slug", "kind", "topics"]}),
        (_("When and where"), {"fields": [("date", "start_time", "end_time"), "venue"]}),
        (None, {"fields": ["description"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(participant_count=Count("participations"))

    @admin.display(description=_("participants"), ordering="participant_count")
    def participant_count(self, panel):
        return panel.participant_count


class QuoteInline(admin.StackedInline):
    model = Quote
    autocomplete_fields = ["speaker", "panel"]
    fieldsets = [
        (None, {"fields": [("speaker", "panel"), "text", ("language", "position")]}),
        (
            _("Original words, translation and context"),
            {
                "classes": ["collapse"],
                "fields": [
                    ("spoken_text", "spoken_language"),
                    ("translation", "translation_language"),
                    "context",
                ],
            },
        ),
    ]

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj else 3


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    formfield_overrides = HTTPS_BY_DEFAULT
    ordering = ["-published_on", "-pk"]
    list_display = ["title", "publication", "published_on", "language", "status", "quote_count"]
    list_filter = ["status", "language", "publication", "panels__edition__festival"]
    search_fields = ["title", "author", "publication", "summary"]
    autocomplete_fields = ["panels"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    actions = ["publish", "move_to_draft"]
    inlines = [QuoteInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", "status", "panels"]}),
        (_("Source"), {"fields": [("publication", "author"), ("published_on", "language"), "source_url"]}),
        (None, {"fields": ["summary", "body"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(quote_count=Count("quotes"))

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        form.instance.cover_quoted_panels()

    @admin.action(description=_("Publish the selected articles"))
    def publish(self, request, queryset):
        count = queryset.update(status=Article.Status.PUBLISHED, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Move the selected articles back to draft"))
    def move_to_draft(self, request, queryset):
        count = queryset.update(status=Article.Status.DRAFT, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%d article moved to draft.", "%d articles moved to draft.", count) % count,
            messages.SUCCESS,
        )


@admin.register(Quote)
class QuoteAdmin(admin.ModelAdmin):
    list_display = ["short_text", "speaker", "panel", "article", "language"]
    list_filter = ["language", "article__status", "panel__edition__festival"]
    search_fields = ["text", "translation", "spoken_text", "speaker__name"]
    autocomplete_fields = ["speaker", "panel", "article"]
    list_select_related = ["speaker", "panel__edition__festival", "article"]
    fieldsets = [
        (None, {"fields": ["article", ("speaker", "panel"), "text", ("language", "position")]}),
        (
            _("Original words and translation"),
            {"fields": [("spoken_text", "spoken_language"), ("translation", "translation_language")]},
        ),
        (None, {"fields": ["context"]}),
    ]

    @admin.display(description=_("quote"), ordering="text")
    def short_text(self, quote):
        return Truncator(quote.text).chars(90)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        obj.article.cover_quoted_panels()
