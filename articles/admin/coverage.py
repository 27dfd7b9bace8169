"""Articles, edited with their quotes, and the newsroom's steps: submit for review, publish, move
back to draft."""

from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Value
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from .. import search, visibility
from ..comments.moderation import comments_awaiting
from ..models import POSITION_TAKEN, Article, Panel, Quote, publication_moment, shared_positions
from ..models.base import related_count
from ..models.coverage import NEWEST_FIRST
from ..models.quotes import stages_of
from .base import (
    FORM_FIELDS,
    LanguageColumn,
    LanguageFields,
    LanguageInUseFilter,
    PublicArchiveAdmin,
    ValuesInUseFilter,
    ViewOnSiteAsPreview,
    ViewOnSiteWhenPublic,
    may_publish,
)
from .forms import ChosenLanguageSelect
from .history import ChangeHistoryAdmin
from .import_jobs import import_job_urls
from .importing import import_coverage_urls
from .inlines import AutocompleteNamedFromRecords, NamedFromRecordsFormSet
from .quote_finder import find_quotes_urls
from .stacked import InlineFormsMadeOnce
from .structuring import ToStructureFilter
from .wordpress_import import import_wordpress_urls


class QuoteFormSet(NamedFromRecordsFormSet):
    """The quotes of an article, edited with it. The article's sessions may change in the same form,
    and are saved only after its quotes validate: the quotes are checked against the sessions
    submitted (`covered_panel_ids`, handed over by ArticleAdmin.get_formset_kwargs), and their
    positions all together, so that two quotes may swap places. Django leaves the article out of
    each quote's own validation here, and with it these rules (Quote.validate_constraints)."""

    def __init__(self, *args, covered_panel_ids=None, **kwargs):
        self.covered_panel_ids = covered_panel_ids
        super().__init__(*args, **kwargs)

    @property
    def language_choices(self):
        """Every language a quote may be in, written once on the page (ChosenLanguageSelect)."""
        return self.form.base_fields["language"].choices

    def kept_forms(self):
        """The forms of the quotes the article keeps: stored ones not deleted, new ones filled in."""
        return [
            form
            for form in self.forms
            if not self._should_delete_form(form) and (form.instance.pk or form.has_changed())
        ]

    def clean(self):
        super().clean()
        kept = self.kept_forms()
        # The sessions of every quote found once: a quote's own check asks two queries of its own.
        panel_ids = {form.instance.panel_id for form in kept} | set(self.covered_panel_ids or ())
        stages = stages_of(panel_ids - {None})
        for form in kept:
            for field, message in form.instance.session_errors(self.covered_panel_ids, stages).items():
                form.add_error(field, message)
        placed = [(form, getattr(form, "cleaned_data", {}).get("position")) for form in kept]
        for form, _placed_first in shared_positions(placed):
            form.add_error("position", POSITION_TAKEN)

    def save(self, commit=True):
        if commit:
            self._place_the_unplaced()
            self._make_room()
        return super().save(commit)

    def _place_the_unplaced(self):
        """Quotes left at position 0 go after the article's others, in the order of the form."""
        kept = self.kept_forms()
        last = max((form.instance.position for form in kept), default=0)
        for form in kept:
            if not form.instance.position:
                last += 1
                form.instance.position = last

    def _make_room(self):
        """Quotes that move or go leave their places first, for others to take (QuoteQuerySet.make_room)."""
        leaving = [
            form.instance.pk
            for form in self.initial_forms
            if self._should_delete_form(form) or "position" in form.changed_data
        ]
        Quote.objects.filter(pk__in=leaving).make_room()


class QuoteInline(AutocompleteNamedFromRecords, LanguageFields, ViewOnSiteWhenPublic, admin.StackedInline):
    """An article's quotes, as Django's stacked inline shows them, written in Python (stacked.py),
    with one list of languages for the page (ChosenLanguageSelect), and without links that could
    only fail: a person or session added from a quote was never on its stage nor covered by the
    article, and neither can be deleted while quoted."""

    model = Quote
    formfield_overrides = FORM_FIELDS
    formset = QuoteFormSet
    template = "admin/articles/article/quote_inline.html"
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

    class Media:
        js = ["js/admin-inline-forms.js"]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if db_field.name in {"speaker", "panel"}:
            formfield.widget.can_add_related = formfield.widget.can_delete_related = False
        return formfield

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "panel":  # its name includes the edition and festival
            kwargs["queryset"] = Panel.objects.select_related("edition__festival")
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_choice_field(self, db_field, request, **kwargs):
        if db_field.name.endswith("language"):
            kwargs.setdefault("widget", ChosenLanguageSelect)
        return super().formfield_for_choice_field(db_field, request, **kwargs)


class PublicationFilter(ValuesInUseFilter):
    title = _("publication")
    field_name = "publication"  # indexed (article_publication)


@admin.register(Article)
class ArticleAdmin(LanguageColumn, ViewOnSiteAsPreview, ChangeHistoryAdmin, PublicArchiveAdmin):
    ordering = NEWEST_FIRST
    list_display = [
        "title",
        "publication",
        "published_on",
        "language_name",
        "status",
        "quote_count",
        "comments_awaiting",
    ]
    list_filter = [
        "status",
        ToStructureFilter,
        LanguageInUseFilter,
        PublicationFilter,
        "panels__edition__festival",
    ]
    search_fields = ["title", "author", "publication", "summary"]  # matched by get_search_results
    autocomplete_fields = ["panels", "topics"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "published_on"
    actions = ["submit_for_review", "publish", "move_to_draft"]
    inlines = [QuoteInline]
    fieldsets = [
        (
            None,
            {"fields": ["title", "slug", ("status", "published_at"), "panels", "topics", "comments_open"]},
        ),
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
        summary, publication or text, accents ignored. Up to ARCHIVE_COUNT_LIMIT of them are found
        once, by their ids, through the search index; the list's count, its years and its page then
        read those rows only. Asked for the first and last dates of a rare word's articles,
        PostgreSQL walked every article by date, reading each one's words (600 ms)."""
        if not search.has_words(search_term):
            return queryset, False
        found = search.search_articles(queryset, search_term)
        limit = settings.ARCHIVE_COUNT_LIMIT
        ids = list(found.order_by().values_list("pk", flat=True)[: limit + 1])
        if len(ids) > limit:
            return found, False
        return queryset.filter(search.backend().is_among("pk", ids)), False

    @admin.display(description=_("comments awaiting moderation"), ordering="comments_awaiting")
    def comments_awaiting(self, article):
        if not article.comments_awaiting:
            return 0
        url = reverse("admin:articles_readercomment_changelist") + f"?status=pending&object_pk={article.pk}"
        return format_html('<a href="{}">{}</a>', url, article.comments_awaiting)

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_admin_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_admin_formset in inline_admin_formsets:
            inline_admin_formset.__class__ = InlineFormsMadeOnce
        return inline_admin_formsets

    def get_urls(self):
        own = import_coverage_urls(self) + import_wordpress_urls(self) + import_job_urls(self)
        own += find_quotes_urls(self)
        return own + super().get_urls()

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
