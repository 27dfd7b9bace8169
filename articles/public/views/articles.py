"""Articles: the list of coverage, an article with its sessions, quotes and comments, and the comment
form posted to it."""

from django.contrib import messages
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from ...comments import posting
from ...comments.forms import CommentForm
from ...comments.moderation import shown_comments
from ...models import Article, Panel
from ..pagination import paginate
from ..previews import render_with_preview, viewable


def article_list(request):
    covered_panels = Prefetch("panels", queryset=Panel.objects.with_edition())
    page, notice = paginate(request, Article.objects.public().prefetch_related(covered_panels))
    return render(request, "articles/article_list.html", {"page": page, "notice": notice})


def article_detail(request, slug):
    article = get_object_or_404(viewable(request, Article.objects), slug=slug)
    return article_page(request, article, CommentForm(article, initial=reply_to(request)))


def reply_to(request):
    """The comment a reader chose to answer (?reply_to=id): checked when the reply is sent."""
    value = request.GET.get("reply_to", "")
    return {"parent": int(value)} if value.isdigit() and len(value) < 19 else {}


def article_page(request, article, comment_form, status=200):
    panels = list(article.panels.for_listing())
    participants = {}
    for panel in panels:
        for participation in panel.participations.all():
            participants.setdefault(participation.person_id, participation)
    return render_with_preview(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "preview": not article.is_public,
            "panels": panels,
            "participants": participants.values(),
            "quotes": article.quotes.with_context(),
            "comments": shown_comments(article),
            "comment_form": comment_form,
        },
        status=status,
    )


def post_comment(request, slug):
    """A reader's comment (or reply) on a published article: held for moderation, then back to the
    article with a message. Problems show the form again with what the reader typed."""
    article = Article.objects.filter(slug=slug).first()
    if request.method != "POST":
        return redirect(article.get_absolute_url() + "#comments" if article else "article-list")
    if article is None or not article.is_public:
        return comment_refused(request, _("This article is not published, so it cannot take comments."), 404)
    if not article.comments_open:
        return comment_refused(request, _("Comments are closed on this article."), 403, article)
    form = CommentForm(article, data=request.POST)
    if not form.is_valid():
        return article_page(request, article, form.renew_security_data(), status=400)
    if posting.over_rate_limit(request):
        form.renew_security_data().add_error(None, posting.TOO_MANY)
        return article_page(request, article, form, status=429)
    comment = posting.save_comment(request, form)
    if comment is None:
        return comment_refused(request, _("Comments are closed on this article."), 403, article)
    if comment.is_public:
        messages.success(request, _("Your comment is published."))
    else:
        messages.success(
            request, _("Thank you. Your comment awaits moderation and will appear once approved.")
        )
    return redirect(article.get_absolute_url() + "#comments")


def comment_refused(request, reason, status, article=None):
    return render(
        request, "articles/comment_refused.html", {"reason": reason, "article": article}, status=status
    )
