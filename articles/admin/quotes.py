"""Quotes on their own: found by their words, speaker, session or festival, and exported."""

from django.contrib import admin
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from .. import exporters, search
from ..models import Article, Panel, Quote
from .base import LanguageColumn, LanguageInUseFilter, PublicArchiveAdmin, may_publish, people_named
from .history import ChangeHistoryAdmin


@admin.register(Quote)
class QuoteAdmin(LanguageColumn, ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = ["-pk"]
    list_display = ["short_text", "speaker", "session", "reported_in", "language_name"]
    list_filter = [LanguageInUseFilter, "article__status", "panel__edition__festival"]
    search_fields = [
        "text",
        "translation",
        "spoken_text",
        "speaker__name",
        "panel__title",
        "panel__edition__festival__name",
        "panel__edition__festival__short_name",
        "article__title",
    ]
    autocomplete_fields = ["speaker", "panel", "article"]
    list_select_related = ["speaker", "panel__edition__festival", "article"]
    history_names_read = ["speaker"]
    fieldsets = [
        (None, {"fields": ["article", ("speaker", "panel"), "text", ("language", "position")]}),
        (
            _("Original words and translation"),
            {"fields": [("spoken_text", "spoken_language"), ("translation", "translation_language")]},
        ),
        (None, {"fields": ["context"]}),
    ]

    actions = ["export_csv", "export_json"]

    def get_search_results(self, request, queryset, search_term):
        """Words as the public search finds them (stemmed, accents ignored, indexed), the speaker, or
        the session or festival as the public site search finds sessions."""
        if not search.has_words(search_term):
            return queryset, False
        among = search.backend().is_among
        # As lists of ids, found once, which the database looks up in the indexes of quotes: as
        # subqueries, it would test every quote of the table against each. Each list is one value
        # (is_among): a common word's sessions are thousands, and as many values they took longer
        # to send than to look up, for the count and again for the page.
        by_words = list(search.search_quotes(queryset, search_term).values_list("pk", flat=True))
        # Sessions by their own words and festival: a name typed means the speaker, not everyone
        # quoted at a session that person was on stage at.
        sessions = search.search_panels(Panel.objects.all(), search_term, by_people_on_stage=False)
        found = (
            among("pk", by_words)
            | among("speaker", people_named(search_term, 50))
            | among("panel", list(sessions.order_by().values_list("pk", flat=True)))
        )
        return queryset.filter(found), False

    def has_change_permission(self, request, obj=None):
        """Quotes of a published article change with it: only for those who may publish."""
        if obj is not None and obj.article.status == Article.Status.PUBLISHED:
            return may_publish(request)
        return super().has_change_permission(request, obj)

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "article" and not may_publish(request):
            kwargs["queryset"] = Article.objects.exclude(status=Article.Status.PUBLISHED)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.action(description=_("Export selected quotes as CSV"))
    def export_csv(self, request, queryset):
        return self._export(request, queryset, "csv")

    @admin.action(description=_("Export selected quotes as JSON"))
    def export_json(self, request, queryset):
        return self._export(request, queryset, "json")

    def _export(self, request, queryset, export_format):
        base_url = request.build_absolute_uri("/").rstrip("/")
        return exporters.download(queryset.with_context(), export_format, base_url=base_url)

    @admin.display(description=_("quote"), ordering="text")
    def short_text(self, quote):
        return Truncator(quote.text).chars(70)

    @admin.display(description=_("session"), ordering="panel__title")
    def session(self, quote):
        return f"{Truncator(quote.panel.title).chars(40)} ({quote.panel.edition})"

    @admin.display(description=_("reported in"), ordering="article__title")
    def reported_in(self, quote):
        return Truncator(quote.article.title).chars(40)
