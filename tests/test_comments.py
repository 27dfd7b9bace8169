"""Readers' comments under articles: the form, moderation, replies and the abuse rules."""

import re
import time

import pytest
from django.test import Client, override_settings

from articles.comments.forms import CommentForm
from articles.models import Article, ReaderComment
from tests.factories import ArticleFactory, ReaderCommentFactory

from .helpers import visible_text

EMAIL = "secret.reader@example.org"


@pytest.fixture
def article(db):
    return ArticleFactory(title="A published report")


def form_data(article, **fields):
    """What a reader's browser sends: the fields typed, and the hidden ones the page holds."""
    form = CommentForm(article)
    data = {name: form[name].value() for name in ["content_type", "object_pk", "timestamp", "security_hash"]}
    data.update(name="Ada Reader", email=EMAIL, url="", comment="Very useful, thank you.", honeypot="")
    data.update(fields)
    return data


def post(client, article, remote_addr="127.0.0.1", **fields):
    return client.post(
        f"{article.get_absolute_url()}comments/", form_data(article, **fields), REMOTE_ADDR=remote_addr
    )


def test_the_form_marks_required_fields_and_says_the_email_stays_private(client, article):
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    text = visible_text(response)
    assert "Leave a comment" in text
    assert text.count("Your email address will not be published.") == 1, "said once, under the email field"
    assert "Required fields are marked *" in text
    for label in ["Name *", "Email *", "Comment *"]:
        assert label in text
    assert "Website" in text and "Website *" not in text
    assert 'name="csrfmiddlewaretoken"' in page
    assert re.search(r'<input type="email" name="email"[^>]* required', page)


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


def test_an_approved_comment_shows_name_link_date_and_text_but_never_the_email(client, article):
    post(client, article, url="https://ada.example.org", comment="First line\nsecond line")
    ReaderComment.objects.update(is_public=True)
    response = client.get(article.get_absolute_url())
    page = response.content.decode()
    assert '<a href="https://ada.example.org" rel="nofollow ugc">Ada Reader</a>' in page
    assert "First line<br>second line" in page
    assert re.search(r'<time datetime="\d{4}-\d\d-\d\dT', page)
    assert EMAIL not in page
    for url in ["/", "/articles/", "/search/?q=useful", "/quotes/export.json", "/quotes/export.csv"]:
        response = client.get(url)
        body = response.content if not response.streaming else b"".join(response.streaming_content)
        assert EMAIL not in body.decode(), url


def test_the_address_is_kept_only_as_a_salted_hash(client, article):
    post(client, article, remote_addr="203.0.113.9")
    comment = ReaderComment.objects.get()
    assert comment.ip_address is None
    assert len(comment.client_hash) == 64 and "203.0.113" not in comment.client_hash
    post(client, article, remote_addr="203.0.113.9", comment="Again")
    post(client, article, remote_addr="198.51.100.7", comment="Other")
    hashes = list(ReaderComment.objects.order_by("pk").values_list("client_hash", flat=True))
    assert hashes[0] == hashes[1] != hashes[2]


def test_problems_show_the_form_again_with_the_text_kept_and_each_error_by_its_field(client, article):
    response = post(client, article, name="", email="not an address", comment="My long thoughts")
    assert response.status_code == 400
    page = response.content.decode()
    assert "My long thoughts</textarea>" in page
    assert re.search(r'id="id_name_error">Please fill in this field.<', page)
    assert re.search(r'id="id_email_error">Enter a valid email address.<', page)
    assert 'aria-invalid="true"' in page
    assert not ReaderComment.objects.exists()


def test_a_corrected_form_can_be_sent_again(client, article):
    response = post(client, article, name="")
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', response.content.decode()))
    data = {**fields, "name": "Ada", "email": EMAIL, "comment": "Now complete", "honeypot": ""}
    assert client.post(f"{article.get_absolute_url()}comments/", data).status_code == 302
    assert ReaderComment.objects.get().comment == "Now complete"


def test_no_html_is_rendered_and_links_are_marked_as_left_by_a_reader(client, article):
    post(client, article, comment='<script>alert(1)</script> <a href="x">y</a> see https://example.com/page')
    ReaderComment.objects.update(is_public=True)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;x&quot;&gt;y&lt;/a&gt;" in page
    assert '<a href="https://example.com/page" rel="nofollow ugc">https://example.com/page</a>' in page


def test_lengths_are_limited(client, article):
    response = post(client, article, name="N" * 51, comment="x" * 3001)
    assert response.status_code == 400
    assert "at most 50 characters" in visible_text(response)
    assert "3000" in visible_text(response)
    long_email = "a" * 250 + "@example.org"
    response = post(client, article, email=long_email, url="https://example.org/" + "p" * 200)
    assert response.status_code == 400
    assert "at most 254 characters" in visible_text(response)
    assert "at most 200 characters" in visible_text(response)
    assert not ReaderComment.objects.exists()


def test_the_honeypot_catches_robots(client, article):
    assert post(client, article, honeypot="http://spam.example").status_code == 400
    assert not ReaderComment.objects.exists()
    assert re.search(r'<p class="honeypot" hidden>', client.get(article.get_absolute_url()).content.decode())


def test_a_form_made_for_another_article_is_refused(client, article):
    other = ArticleFactory()
    data = form_data(other)
    response = client.post(f"{article.get_absolute_url()}comments/", data)
    assert response.status_code == 400
    assert "This form does not belong to this article" in visible_text(response)
    assert not ReaderComment.objects.exists()


def test_a_form_left_open_too_long_is_refused_with_the_text_kept(client, article):
    form = CommentForm(article)
    old = form.generate_security_data()
    old_timestamp = str(int(time.time()) - 3 * 3600)
    old.update(timestamp=old_timestamp, security_hash=form.initial_security_hash(old_timestamp))
    data = {**old, "name": "Ada", "email": EMAIL, "comment": "Slow writer", "honeypot": ""}
    response = client.post(f"{article.get_absolute_url()}comments/", data)
    assert response.status_code == 400
    assert "open for more than 2 hours" in visible_text(response)
    assert "Slow writer</textarea>" in response.content.decode()


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


def test_replies_go_one_level_deep_and_only_to_shown_comments(client, article):
    parent = ReaderCommentFactory(content_object=article)
    reply = ReaderCommentFactory(content_object=article, parent=parent)
    pending = ReaderCommentFactory(content_object=article, is_public=False)
    elsewhere = ReaderCommentFactory()
    for target in [reply, pending, elsewhere]:
        response = post(client, article, parent=target.pk, comment="A reply")
        assert response.status_code == 400
        assert "The comment you were replying to is no longer shown." in visible_text(response)
    assert not ReaderComment.objects.filter(comment="A reply").exists()


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
