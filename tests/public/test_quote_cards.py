"""The quote card, written in Python (templatetags/quote_cards.py): everything escaped, every link
where the model says, on every page that lists quotes."""

import re

import pytest
from django.urls import set_script_prefix

from tests.factories import QuoteFactory
from tests.helpers.pages import visible_text

MARKUP = "<script>alert(\"x\")</script> & <b onclick='y'>"


@pytest.fixture
def hostile_quote(db):
    quote = QuoteFactory(
        text=f"The text {MARKUP}\nsecond line",
        language="es",
        spoken_text=f"Spoken {MARKUP}",
        spoken_language="de",
        translation=f"Translated {MARKUP}",
        translation_language="fr",
        context=f"Context {MARKUP}",
        participation__affiliation=f"Affiliation {MARKUP}",
        participation__person__name=f"Name {MARKUP}",
        participation__panel__title=f"Session {MARKUP}",
        participation__panel__edition__festival__name=f"Festival {MARKUP}",
        participation__panel__edition__festival__short_name=f"Fest {MARKUP}",
        article__title=f"Title {MARKUP}",
        article__publication=f"Publication {MARKUP}",
        article__source_url='https://example.com/a?b="c"&d=<e>',
    )
    return quote


def pages_listing(quote):
    return [
        "/",
        "/quotes/",
        "/quotes/?q=text",
        quote.get_absolute_url(),
        quote.speaker.get_absolute_url(),
        quote.panel.get_absolute_url(),
        quote.article.get_absolute_url(),
        "/search/?q=text",
    ]


def test_what_users_typed_is_shown_as_text_never_as_markup(client, hostile_quote):
    for url in pages_listing(hostile_quote):
        response = client.get(url)
        assert response.status_code == 200, url
        page = response.content.decode()
        assert "<script>" not in page and "<b onclick" not in page, url
        assert (
            "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b onclick=&#x27;y&#x27;&gt;" in page
        ), url
        assert 'cite="https://example.com/a?b=&quot;c&quot;&amp;d=&lt;e&gt;"' in page, url


def test_the_card_shows_every_part_of_the_quote(client, hostile_quote):
    text = visible_text(client.get("/quotes/"))
    for shown in [
        "The text",
        "second line",
        "As spoken (German) Spoken",
        "Translation (French) Translated",
        "Context",
    ]:
        assert shown in text
    for shown in [
        f"Name {MARKUP}, Affiliation {MARKUP}",
        f"Session {MARKUP}, Fest {MARKUP} 2025",
        f"Reported in Title {MARKUP}, Publication {MARKUP}, May 21, 2025",
    ]:
        assert shown in text
    page = client.get("/quotes/").content.decode()
    assert "second line" in page.split("The text", 1)[1].split("</p>")[0].split("<br>", 1)[1]
    assert '<q lang="de">Spoken' in page and '<q lang="fr">Translated' in page
    assert '<time datetime="2025-05-21">' in page


def card_links(page, pk):
    card = re.search(rf'<figure class="quote" id="quote-{pk}">(.*?)</figure>', page, re.S).group(1)
    return re.findall(r'href="([^"]+)"', card)


def test_links_go_where_each_record_says(client, db):
    quote = QuoteFactory()
    page = client.get("/quotes/").content.decode()
    assert card_links(page, quote.pk) == [
        quote.speaker.get_absolute_url(),
        quote.panel.get_absolute_url(),
        quote.article.get_absolute_url(),
        quote.get_absolute_url(),
    ]
    assert client.get(quote.panel.get_absolute_url()).status_code == 200


@pytest.fixture
def served_under_a_prefix():
    """As when the server mounts the site at /archive-2024/ (SCRIPT_NAME), whose digits could be taken
    for a year or an id."""
    set_script_prefix("/archive-2024/")
    yield "/archive-2024"
    set_script_prefix("/")


def test_links_keep_the_prefix_the_site_is_served_under(client, db, served_under_a_prefix):
    quote = QuoteFactory(participation__panel__edition__year=2024, participation__panel__slug="2024")
    urls = [
        quote.speaker.get_absolute_url(),
        quote.panel.get_absolute_url(),
        quote.article.get_absolute_url(),
        quote.get_absolute_url(),
    ]
    assert all(url.startswith(served_under_a_prefix + "/") for url in urls)
    assert urls[1].endswith("/2024/2024/")
    assert card_links(client.get("/quotes/").content.decode(), quote.pk) == urls


def test_search_words_are_marked_in_every_text_of_the_card(client, hostile_quote):
    page = client.get("/quotes/", {"q": "text"}).content.decode()
    assert "The <mark>text</mark>" in page
