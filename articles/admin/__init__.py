"""The editors' tool: one ModelAdmin per model, with the parts edited together shown inline.

Count columns are subqueries (querysets.related_count), worked out for the rows a page shows; the
large lists count and page with pagination.LargeTablePaginator. Admins set `ordering` explicitly, so
that changelists and autocompletes stay in a stable order.
"""

from collections import defaultdict

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminTimeWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, Q, Value
from django.db.models.functions import Coalesce
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import is_historic, to_historic

from .. import exporters, search, visibility
from ..comments import comments_awaiting
from ..models import (
    POSITION_TAKEN,
    Article,
    Edition,
    Festival,
    Panel,
    Participation,
    Person,
    Quote,
    RemembersSavedValues,
    Topic,
    content_language_names,
    publication_moment,
)
from ..pagination import LargeTablePaginator
from ..querysets import distinct_values, related_count
from .comments import ReaderCommentAdmin  # noqa: F401 (registers the moderation queue)
from .forms import PlainSelect, TextWithNewlines
from .importing import import_coverage_urls
from .quote_finder import find_quotes_urls

FORM_FIELDS = {
    # A web address typed without a scheme ("www.berlinale.de") is taken as https, as Django 6 will.
    models.URLField: {"assume_scheme": "https"},
    models.TimeField: {"widget": AdminTimeWidget(format="%H:%M")},
    models.TextField: {"form_class": TextWithNewlines},
}


def may_publish(request):
    """Editors publish; contributors prepare (the groups of migration 0008)."""
    return request.user.has_perm("articles.publish_article")


class ViewOnSiteWhenPublic:
    """“View on site” only for what readers can see; anything else would open a 404."""

    def view_on_site(self, obj):
        return obj.get_absolute_url() if obj.is_public else None


class ViewOnSiteAsPreview:
    """“View on site” always: staff see what readers cannot see yet as a preview (views.viewable)."""

    def view_on_site(self, obj):
        return obj.get_absolute_url()


class LanguageFields:
    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name.endswith("language"):
            kwargs.setdefault("widget", PlainSelect)
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class PublicArchiveAdmin(LanguageFields, ViewOnSiteWhenPublic, admin.ModelAdmin):
    formfield_overrides = FORM_FIELDS
    # Lists stay quick on a large archive: no second count of the whole table.
    paginator = LargeTablePaginator
    show_full_result_count = False


def folded(*fields):
    """search_fields matched as the public site matches words: case and accents ignored."""
    return [f"{field}__contains_folded" for field in fields]


def people_named(text, most=500):
    """Ids of the people whose names best match `text`, forgiving as the public search is. A list:
    as a subquery, the database would walk a whole list in its order, testing every name."""
    return [person.pk for person in search.suggest_people(Person.objects.only("name"), text, most)]


class ChangeHistoryAdmin(SimpleHistoryAdmin):
    """“History” lists every version: who saved it, when, and each field before and after; opening
    one offers to restore it."""

    def history_view(self, request, object_id, extra_context=None):
        if not object_id.isdigit():
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not (object_id.isdigit() and version_id.isdigit()):
            raise Http404
        # The library checks only that the user may see the version: restoring one is a change.
        request.reading_a_version = not self.has_change_history_permission(request, self.model(pk=object_id))
        if request.method == "POST" and request.reading_a_version:
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_change_history_permission(self, request, obj=None):
        # `obj` is a version; whether it may be restored depends on the record as it is now.
        current = self.model.objects.filter(pk=obj.pk).first() if obj is not None else None
        return self.has_change_permission(request, current)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not getattr(request, "reading_a_version", False):
            return form

        class VersionToRead(form):
            """A version shown to someone who may not restore it: to read, not to fill in."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.disabled = True

        return VersionToRead

    def save_model(self, request, obj, form, change):
        if change and is_historic(obj):
            obj._change_reason = _("Restored the version of %(moment)s") % {
                "moment": date_format(timezone.localtime(to_historic(obj).history_date), "DATETIME_FORMAT")
            }
            # A version being restored: see what it replaces.
            replaced = self.model.objects.filter(pk=obj.pk).values().first()
            if replaced is None:
                obj._state.adding = True  # it had been deleted: restoring brings it back
            elif isinstance(obj, RemembersSavedValues):
                obj.saved_values = replaced  # for signals.py
        super().save_model(request, obj, form, change)


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


class EditionInline(ViewOnSiteWhenPublic, admin.TabularInline):
    model = Edition
    fields = ["year", "start_date", "end_date"]
    show_change_link = True

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


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
        return super().get_queryset(request).annotate(panel_count=related_count(Panel, "edition"))

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
        return super().get_queryset(request).annotate(panel_count=Count("panels"))

    @admin.display(description=_("sessions"), ordering="panel_count")
    def panel_count(self, topic):
        return topic.panel_count


class ParticipationFormSet(BaseInlineFormSet):
    """Refuses to take someone off a panel while quotes from that panel are attributed to them."""

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


class ParticipationInline(admin.TabularInline):
    """Who was on stage, edited from the panel."""

    model = Participation
    formset = ParticipationFormSet
    fields = ["person", "role", "affiliation", "order"]
    autocomplete_fields = ["person"]

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj else 4


class PersonParticipationInline(ParticipationInline):
    """The sessions someone was on stage at, edited from the person."""

    fields = ["panel", "role", "affiliation", "order"]
    autocomplete_fields = ["panel"]
    verbose_name = _("session")
    verbose_name_plural = _("sessions")

    def get_extra(self, request, obj=None, **kwargs):
        return 0 if obj else 1


@admin.register(Person)
class PersonAdmin(ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = Person._meta.ordering
    list_display = ["name", "sort_name", "website", "panel_count", "quote_count"]
    list_filter = ["participations__panel__edition__festival", "participations__role"]
    search_fields = ["name", "sort_name"]
    prepopulated_fields = {"slug": ["name"]}
    fields = ["name", "slug", "sort_name", "bio", "photo", "website"]
    inlines = [PersonParticipationInline]

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


@admin.register(Panel)
class PanelAdmin(ViewOnSiteAsPreview, ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = ["-edition__year", "date", "start_time", "title"]
    list_display = ["title", "edition", "kind", "date", "venue", "participant_count"]
    list_filter = ["kind", "edition__festival", "edition__year", "topics"]
    search_fields = ["title", "venue"]  # and more: get_search_results
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


class QuoteFormSet(BaseInlineFormSet):
    """Quotes edited with their article: each is checked against the panels the editor submitted
    for the article in the same form, since those are saved only after the quotes validate."""

    def __init__(self, *args, covered_panel_ids=None, **kwargs):
        self.covered_panel_ids = covered_panel_ids
        super().__init__(*args, **kwargs)

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        form.instance.covered_panel_ids = self.covered_panel_ids
        form.instance.positions_checked_together = True
        return form

    def clean(self):
        """Two quotes of the article may not share a position (the import finds quotes by it)."""
        super().clean()
        holders = defaultdict(list)
        for form in self.forms:
            position = getattr(form, "cleaned_data", {}).get("position")
            if position and not self._should_delete_form(form) and (form.instance.pk or form.has_changed()):
                holders[position].append(form)
        for forms in holders.values():
            for form in forms[1:]:
                form.add_error("position", POSITION_TAKEN)


class QuoteInline(LanguageFields, ViewOnSiteWhenPublic, admin.StackedInline):
    model = Quote
    formfield_overrides = FORM_FIELDS
    formset = QuoteFormSet
    autocomplete_fields = ["speaker", "panel"]
    fieldsets = [
        (None, {"fields": [("speaker", "panel"), "text", ("language", "position")]}),
        (
            _("Original words, translation and context"),
            {
                "classes": ["collapse"],
                # One field a line: Django opens a folded section when a field in it has an error,
                # but does not look inside a line of several fields.
                "fields": [
                    "spoken_text",
                    "spoken_language",
                    "translation",
                    "translation_language",
                    "context",
                ],
            },
        ),
    ]

    def get_extra(self, request, obj=None, **kwargs):
        return 1 if obj else 3

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("speaker", "panel__edition__festival")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "panel":  # its name includes the edition and festival
            kwargs["queryset"] = Panel.objects.select_related("edition__festival")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Article)
class ArticleAdmin(ViewOnSiteAsPreview, ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = ["-published_on", "-pk"]
    list_display = [
        "title",
        "publication",
        "published_on",
        "language",
        "status",
        "quote_count",
        "comments_awaiting",
    ]
    list_filter = ["status", LanguageInUseFilter, "publication", "panels__edition__festival"]
    search_fields = ["title", "author", "publication", "summary"]  # matched by get_search_results
    autocomplete_fields = ["panels"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    actions = ["submit_for_review", "publish", "move_to_draft"]
    inlines = [QuoteInline]
    fieldsets = [
        (None, {"fields": ["title", "slug", ("status", "published_at"), "panels", "comments_open"]}),
        (_("Source"), {"fields": [("publication", "author"), ("published_on", "language"), "source_url"]}),
        (None, {"fields": ["summary", "body"]}),
    ]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=related_count(Quote, "article"), comments_awaiting=comments_awaiting())
        )

    def get_search_results(self, request, queryset, search_term):
        """As the public site search finds articles: words beginning those of the title, author,
        summary or publication, accents ignored."""
        if not search.has_words(search_term):
            return queryset, False
        return search.search_articles(queryset, search_term), False

    @admin.display(description=_("comments awaiting moderation"), ordering="comments_awaiting")
    def comments_awaiting(self, article):
        if not article.comments_awaiting:
            return 0
        url = reverse("admin:articles_readercomment_changelist") + f"?status=pending&object_pk={article.pk}"
        return format_html('<a href="{}">{}</a>', url, article.comments_awaiting)

    def get_urls(self):
        return import_coverage_urls(self) + find_quotes_urls(self) + super().get_urls()

    def has_publish_permission(self, request):
        return may_publish(request)

    def has_change_permission(self, request, obj=None):
        """Who cannot publish works on articles readers cannot see yet; a published one is read-only."""
        if (
            obj is not None
            and obj.status == Article.Status.PUBLISHED
            and not self.has_publish_permission(request)
        ):
            return False
        return super().has_change_permission(request, obj)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        # A version read by who may not restore it shows its status as it was.
        if (
            db_field.name == "status"
            and not self.has_publish_permission(request)
            and not getattr(request, "reading_a_version", False)
        ):
            kwargs["choices"] = [
                choice for choice in Article.Status.choices if choice[0] != Article.Status.PUBLISHED
            ]
        return super().formfield_for_choice_field(db_field, request, **kwargs)

    @admin.display(description=_("quotes"), ordering="quote_count")
    def quote_count(self, article):
        return article.quote_count

    def get_formset_kwargs(self, request, obj, inline, prefix):
        kwargs = super().get_formset_kwargs(request, obj, inline, prefix)
        if isinstance(inline, QuoteInline) and request.method == "POST":
            kwargs["covered_panel_ids"] = {int(pk) for pk in request.POST.getlist("panels") if pk.isdigit()}
        return kwargs

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        # After the inline quotes are saved, so that a quote edited in the same save follows too.
        if change and "language" in form.changed_data:
            form.instance.quotes.filter(language=form.initial["language"]).update(
                language=form.instance.language
            )

    @admin.action(description=_("Submit the selected drafts for review"))
    def submit_for_review(self, request, queryset):
        count = self._move(
            request,
            queryset.filter(status=Article.Status.DRAFT),
            _("Submitted for review"),
            status=Article.Status.IN_REVIEW,
        )
        self.message_user(
            request,
            ngettext("%d draft submitted for review.", "%d drafts submitted for review.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Publish the selected articles"), permissions=["publish"])
    def publish(self, request, queryset):
        count = self._move(
            request,
            queryset,
            _("Published"),
            status=Article.Status.PUBLISHED,
            published_at=Coalesce("published_at", Value(publication_moment())),
        )
        self.message_user(
            request,
            ngettext("%d article published.", "%d articles published.", count) % count,
            messages.SUCCESS,
        )

    @admin.action(description=_("Move the selected articles back to draft"), permissions=["publish"])
    def move_to_draft(self, request, queryset):
        count = self._move(request, queryset, _("Moved back to draft"), status=Article.Status.DRAFT)
        self.message_user(
            request,
            ngettext("%d article moved to draft.", "%d articles moved to draft.", count) % count,
            messages.SUCCESS,
        )

    def _move(self, request, articles, reason, **changes):
        """Apply `changes` to `articles` in one UPDATE, with a version of each in their history."""
        ids = list(articles.values_list("pk", flat=True))
        moved = Article.objects.filter(pk__in=ids)
        count = moved.update(**changes, updated_at=timezone.now())
        Article.history.bulk_history_create(
            moved, update=True, default_user=request.user, default_change_reason=str(reason)
        )
        visibility.refresh(articles=ids)
        return count


@admin.register(Quote)
class QuoteAdmin(ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = ["-pk"]
    list_display = ["short_text", "speaker", "session", "reported_in", "language"]
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
        # As lists of ids, which the database looks up in the indexes of quotes: as subqueries, it
        # would test every quote of the table against each.
        by_words = list(search.search_quotes(queryset, search_term).values_list("pk", flat=True))
        # Sessions by their own words and festival: a name typed means the speaker, not everyone
        # quoted at a session that person was on stage at.
        sessions = search.search_panels(Panel.objects.all(), search_term, by_people_on_stage=False)
        found = (
            Q(pk__in=by_words)
            | Q(speaker__in=people_named(search_term, 50))
            | Q(panel__in=list(sessions.values_list("pk", flat=True)))
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
