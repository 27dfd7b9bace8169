"""Approved comments under an article: name, link, date and text, never the email, and no HTML."""

import re

from articles.models import ReaderComment
from tests.helpers.comments import EMAIL, post


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


def test_no_html_is_rendered_and_links_are_marked_as_left_by_a_reader(client, article):
    post(client, article, comment='<script>alert(1)</script> <a href="x">y</a> see https://example.com/page')
    ReaderComment.objects.update(is_public=True)
    page = client.get(article.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &lt;a href=&quot;x&quot;&gt;y&lt;/a&gt;" in page
    assert '<a href="https://example.com/page" rel="nofollow ugc">https://example.com/page</a>' in page
