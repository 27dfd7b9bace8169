"""The moderation queue of readers' comments: awaiting moderation first, approved or marked as spam
in bulk."""

from django.contrib import admin, messages
from django.db.models import BigIntegerField, OuterRef, Subquery
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from ..models import Article, ReaderComment
from ..models.comments import AWAITING, AWAITING_FIRST

STATUS_FILTERS = {
    ReaderComment.Status.PENDING: AWAITING,
    ReaderComment.Status.APPROVED: {"is_public": True, "is_removed": False},
    ReaderComment.Status.SPAM: {"is_removed": True},
}


class StatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return ReaderComment.Status.choices

    def queryset(self, request, comments):
        chosen = STATUS_FILTERS.get(self.value())
        return comments.filter(**chosen) if chosen else comments


@admin.register(ReaderComment)
class ReaderCommentAdmin(admin.ModelAdmin):
    list_display = ["excerpt", "user_name", "article_link", "submit_date", "status_label", "is_reply"]
    list_display_links = ["excerpt"]
    list_filter = [StatusFilter, "submit_date"]
    # Case and accents ignored, as the archive's other lists search; on PostgreSQL each through a
    # trigram index (migration 0022), where reading 100,000 comments for a word took 500 ms.
    search_fields = ["user_name__contains_folded", "user_email__contains_folded", "comment__contains_folded"]
    show_full_result_count = False  # no second count of every comment
    actions = ["approve", "mark_as_spam", "delete_selected"]
    raw_id_fields = ["parent"]
    fields = [
        "user_name",
        "user_email",
        "user_url",
        "comment",
        ("is_public", "is_removed"),
        "article_link",
        "parent",
        "submit_date",
    ]
    readonly_fields = ["article_link", "submit_date"]

    def get_queryset(self, request):
        # Comments are only ever taken on articles (views.post_comment): object_pk is an article's id.
        article = Article.objects.filter(pk=Cast(OuterRef("object_pk"), BigIntegerField()))
        return (
            super()
            .get_queryset(request)
            .annotate(awaiting_first=AWAITING_FIRST, article_title=Subquery(article.values("title")[:1]))
        )

    def get_ordering(self, request):
        return [AWAITING_FIRST.asc(), "-submit_date", "-pk"]

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == "object_pk" or super().lookup_allowed(lookup, value, request)

    def has_add_permission(self, request):
        return False  # comments come from readers; staff reply on the article page

    @admin.display(description=_("comment"))
    def excerpt(self, comment):
        return Truncator(comment.comment).chars(80)

    @admin.display(description=_("article"))
    def article_link(self, comment):
        if comment.article_title is None:
            return "—"
        url = reverse("admin:articles_article_change", args=[comment.object_pk])
        return format_html('<a href="{}">{}</a>', url, comment.article_title)

    @admin.display(description=_("status"), ordering="awaiting_first")
    def status_label(self, comment):
        return ReaderComment.Status(comment.status).label

    @admin.display(description=_("reply"), boolean=True)
    def is_reply(self, comment):
        return comment.parent_id is not None

    @admin.action(description=_("Approve the selected comments"), permissions=["change"])
    def approve(self, request, comments):
        count = comments.update(is_public=True, is_removed=False)
        self.tell(request, ngettext("%d comment approved.", "%d comments approved.", count) % count)

    @admin.action(description=_("Mark the selected comments as spam"), permissions=["change"])
    def mark_as_spam(self, request, comments):
        count = comments.update(is_public=False, is_removed=True)
        self.tell(
            request, ngettext("%d comment marked as spam.", "%d comments marked as spam.", count) % count
        )

    def tell(self, request, message):
        self.message_user(request, message, messages.SUCCESS)
