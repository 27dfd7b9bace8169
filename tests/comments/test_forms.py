"""The comment form under an article: its fields, each error by its field with the text kept, and the
forms it refuses (robots, another article's, one left open too long, a reply to a hidden comment)."""

import re
import time

from articles.comments.forms import CommentForm
from articles.models import ReaderComment
from tests.factories import ArticleFactory, ReaderCommentFactory
from tests.helpers.comments import EMAIL, form_data, post
from tests.helpers.pages import visible_text


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
