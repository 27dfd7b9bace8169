"""Moderating readers' comments: only approved ones are shown, and the queue in the admin, where
editors approve or mark many at once and contributors cannot."""

import pytest
from django.test import Client

from articles.models import ReaderComment
from tests.factories import ReaderCommentFactory
from tests.helpers.pages import visible_text


def test_pending_and_spam_comments_stay_off_the_page(client, article):
    ReaderCommentFactory(content_object=article, comment="Awaiting", is_public=False)
    ReaderCommentFactory(content_object=article, comment="Buy pills", is_public=False, is_removed=True)
    ReaderCommentFactory(content_object=article, comment="Approved words")
    text = visible_text(client.get(article.get_absolute_url()))
    assert "Approved words" in text
    assert "Awaiting" not in text and "Buy pills" not in text


def test_the_moderation_queue_lists_pending_comments_first(editor, article):
    old_pending = ReaderCommentFactory(content_object=article, comment="Old pending", is_public=False)
    ReaderCommentFactory(content_object=article, comment="Newer approved")
    ReaderCommentFactory(content_object=article, comment="Newest pending", is_public=False)
    ReaderComment.objects.filter(pk=old_pending.pk).update(submit_date="2020-01-01T00:00:00Z")
    text = visible_text(editor.get("/admin/articles/readercomment/"))
    assert text.index("Newest pending") < text.index("Old pending") < text.index("Newer approved")
    assert "A published report" in text
    pending_only = visible_text(editor.get("/admin/articles/readercomment/?status=pending"))
    assert "Old pending" in pending_only and "Newer approved" not in pending_only


@pytest.mark.parametrize(
    ("action", "public", "removed", "left"),
    [("approve", True, False, 2), ("mark_as_spam", False, True, 2), ("delete_selected", None, None, 0)],
)
def test_moderators_act_on_many_comments_at_once(editor, article, action, public, removed, left):
    comments = ReaderCommentFactory.create_batch(2, content_object=article, is_public=False)
    data = {"action": action, "_selected_action": [comment.pk for comment in comments]}
    if action == "delete_selected":
        data["post"] = "yes"
    assert editor.post("/admin/articles/readercomment/", data).status_code == 302
    assert ReaderComment.objects.count() == left
    if left:
        assert set(ReaderComment.objects.values_list("is_public", "is_removed")) == {(public, removed)}
    approved = Client().get(article.get_absolute_url())
    assert ("Thank you for this report." in visible_text(approved)) == (action == "approve")


def test_contributors_cannot_moderate(contributor, article):
    comment = ReaderCommentFactory(content_object=article, is_public=False)
    assert contributor.get("/admin/articles/readercomment/").status_code == 200
    contributor.post(
        "/admin/articles/readercomment/", {"action": "approve", "_selected_action": [comment.pk]}
    )
    comment.refresh_from_db()
    assert not comment.is_public


def test_the_article_list_shows_how_many_comments_await_moderation(editor, article):
    ReaderCommentFactory.create_batch(3, content_object=article, is_public=False)
    ReaderCommentFactory(content_object=article)
    page = editor.get("/admin/articles/article/").content.decode()
    link = f"/admin/articles/readercomment/?status=pending&amp;object_pk={article.pk}"
    assert f'<a href="{link}">3</a>' in page
    queue = editor.get(link.replace("&amp;", "&"))
    assert queue.status_code == 200
    assert visible_text(queue).count("Thank you for this report.") == 3
