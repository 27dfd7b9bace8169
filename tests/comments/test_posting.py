"""Taking a reader's comment: held for moderation, kept with a salted hash of the address, limited per
client, only on published articles open to comments; replies, and staff replies published at once."""

from django.test import Client, override_settings

from articles.models import Article, ReaderComment
from tests.factories import ArticleFactory, ReaderCommentFactory
from tests.helpers.comments import post
from tests.helpers.pages import visible_text


def test_a_new_comment_waits_for_moderation(client, article):
    response = post(client, article)
    assert response.status_code == 302
    assert response["Location"] == f"{article.get_absolute_url()}#comments"
    page = client.get(response["Location"])
    assert "Your comment awaits moderation" in visible_text(page)
    assert "Very useful" not in visible_text(page)
    comment = ReaderComment.objects.get()
    assert comment.status == ReaderComment.Status.PENDING
    assert comment.content_object == article


def test_the_address_is_kept_only_as_a_salted_hash(client, article):
    post(client, article, remote_addr="203.0.113.9")
    comment = ReaderComment.objects.get()
    assert comment.ip_address is None
    assert len(comment.client_hash) == 64 and "203.0.113" not in comment.client_hash
    post(client, article, remote_addr="203.0.113.9", comment="Again")
    post(client, article, remote_addr="198.51.100.7", comment="Other")
    hashes = list(ReaderComment.objects.order_by("pk").values_list("client_hash", flat=True))
    assert hashes[0] == hashes[1] != hashes[2]


@override_settings(COMMENT_RATE_LIMIT=(5, 600))
def test_one_client_may_post_five_comments_in_ten_minutes(client, article):
    for number in range(5):
        assert post(client, article, comment=f"Comment {number}").status_code == 302
    response = post(client, article, comment="One too many")
    assert response.status_code == 429
    assert "several comments in the last few minutes" in visible_text(response)
    assert "One too many</textarea>" in response.content.decode()
    assert ReaderComment.objects.count() == 5
    other_reader = post(client, article, comment="Someone else", remote_addr="198.51.100.7")
    assert other_reader.status_code == 302


def test_comments_need_the_csrf_token(article):
    browser = Client(enforce_csrf_checks=True)
    assert post(browser, article).status_code == 403
    assert not ReaderComment.objects.exists()


def test_unpublished_articles_take_no_comments(client, db):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    response = post(client, draft)
    assert response.status_code == 404
    assert "This article is not published, so it cannot take comments." in visible_text(response)
    assert not ReaderComment.objects.exists()
    assert client.post("/articles/no-such-article/comments/", {}).status_code == 404


def test_an_editor_can_close_comments(client, article):
    ReaderCommentFactory(content_object=article, comment="Said before closing")
    article.comments_open = False
    article.save()
    page = client.get(article.get_absolute_url())
    assert "Comments are closed." in visible_text(page)
    assert "Said before closing" in visible_text(page)
    assert 'id="comment-form"' not in page.content.decode()
    response = post(client, article)
    assert response.status_code == 403
    assert "Comments are closed on this article." in visible_text(response)
    assert ReaderComment.objects.count() == 1


def test_a_reader_replies_to_an_approved_comment(client, article):
    parent = ReaderCommentFactory(content_object=article, user_name="First Reader")
    page = client.get(f"{article.get_absolute_url()}?reply_to={parent.pk}")
    assert f'<input type="hidden" name="parent" value="{parent.pk}"' in page.content.decode()
    assert "Post reply" in visible_text(page)
    assert post(client, article, parent=parent.pk, comment="I agree").status_code == 302
    reply = ReaderComment.objects.get(comment="I agree")
    assert reply.parent == parent and not reply.is_public
    reply.is_public = True
    reply.save()
    page = client.get(article.get_absolute_url()).content.decode()
    replies = page.split(f'id="comment-{parent.pk}"', 1)[1].split('class="replies"', 1)[1]
    assert "I agree" in replies
    assert f"?reply_to={reply.pk}" not in page  # one level only


def test_staff_replies_are_published_at_once_and_marked(editor, article):
    parent = ReaderCommentFactory(content_object=article)
    assert (
        post(editor, article, parent=parent.pk, name="The Editors", comment="Thanks, corrected.").status_code
        == 302
    )
    reply = ReaderComment.objects.get(comment="Thanks, corrected.")
    assert reply.is_public and reply.by_staff
    page = Client().get(article.get_absolute_url())
    assert "The Editors Staff" in visible_text(page)
