"""Which comments readers see and which await a moderator, and the moderator that holds them."""

from django.db.models import CharField, Count, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django_comments.moderation import CommentModerator, moderator

from ..models import Article, ReaderComment


def on_article(comments, object_pk):
    """`comments` on the article whose id is `object_pk` (as text, or an expression giving text)."""
    return comments.filter(
        content_type__app_label=Article._meta.app_label,
        content_type__model=Article._meta.model_name,
        object_pk=object_pk,
    )


def comments_on(article):
    return on_article(ReaderComment.objects.all(), str(article.pk))


def comments_awaiting():
    """How many comments await moderation on each article, as a subquery for an article queryset."""
    awaiting = on_article(ReaderComment.objects.in_moderation(), Cast(OuterRef("pk"), CharField()))
    counted = awaiting.order_by().values("object_pk").annotate(count=Count("*")).values("count")
    return Coalesce(Subquery(counted), 0)


def shown_comments(article):
    """The approved comments of `article` in the order they were posted, each with `shown_replies`
    (its approved replies): one query."""
    approved = list(
        comments_on(article)
        .filter(is_public=True, is_removed=False)
        .select_related("user")
        .order_by("submit_date", "pk")
    )
    threads = {comment.pk: comment for comment in approved if comment.parent_id is None}
    for comment in threads.values():
        comment.shown_replies = []
    for comment in approved:
        if comment.parent_id in threads:
            threads[comment.parent_id].shown_replies.append(comment)
    return list(threads.values())


class ArticleCommentModerator(CommentModerator):
    """Comments are refused on articles readers cannot see or that an editor closed, and held for
    moderation unless a member of staff posts them."""

    email_notification = False
    enable_field = "comments_open"

    def allow(self, comment, content_object, request):
        return content_object.is_public and super().allow(comment, content_object, request)

    def moderate(self, comment, content_object, request):
        return not request.user.is_staff


moderator.register(Article, ArticleCommentModerator)
