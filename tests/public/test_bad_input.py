"""Bad addresses and bad query strings get a clear answer: a 404 page, a message or an empty result."""

import pytest
from django.views.defaults import server_error

from tests.helpers.pages import visible_text

HOSTILE = "<script>alert(1)</script>"


@pytest.mark.parametrize(
    "url",
    [
        "/festivals/nowhere/",
        "/festivals/berlinale/1999/",
        "/festivals/berlinale/9999/",
        "/festivals/berlinale/99999/",
        "/festivals/berlinale/abc/",
        "/festivals/berlinale/2024/no-such-panel/",
        "/festivals/nowhere/2024/ai-and-world-building-in-film-and-tv/",
        "/people/nobody/",
        "/topics/nothing/",
        "/articles/no-such-article/",
        "/no/such/page/",
    ],
)
def test_unknown_addresses_get_the_404_page(client, demo, url):
    response = client.get(url)
    assert response.status_code == 404
    assert "Page not found" in visible_text(response)
    assert "Browse festivals" in visible_text(response)


def test_unknown_speaker_gets_a_message_and_no_results(client, demo):
    response = client.get("/quotes/?speaker=nobody")
    assert response.status_code == 200
    text = visible_text(response)
    assert "Nobody in the archive goes by that name." in text
    assert 'class="quote"' not in response.content.decode()


def test_unknown_topic_gets_a_message_and_no_results(client, demo):
    response = client.get("/quotes/?topic=nothing")
    assert "There is no such topic." in visible_text(response)
    assert 'class="quote"' not in response.content.decode()


@pytest.mark.parametrize(
    ("page", "message"),
    [
        ("abc", "“page” must be a page number; showing the first page."),
        ("-1", "“page” must be a page number; showing the first page."),
        ("999999", "There is no page 999999; showing page 1 of 1."),
        ("0", "There is no page 0; showing page 1 of 1."),
        ("1" * 40, "There is no page 111111111111; showing page 1 of 1."),
    ],
)
@pytest.mark.parametrize(
    "url", ["/people/", "/articles/", "/quotes/", "/people/dave-clark/", "/topics/jobs/"]
)
def test_bad_page_numbers_show_a_note_and_a_real_page(client, demo, url, page, message):
    response = client.get(url, {"page": page})
    assert response.status_code == 200
    assert message in visible_text(response)


def test_a_bad_letter_shows_a_note_and_everyone(client, demo):
    response = client.get("/people/", {"letter": "ab"})
    text = visible_text(response)
    assert "“letter” must be a single letter from A to Z, or #." in text
    assert "Simon Weisse" in text


@pytest.mark.parametrize("param", ["speaker", "topic", "page", "letter"])
@pytest.mark.parametrize("url", ["/quotes/", "/people/", "/articles/"])
def test_what_readers_type_is_never_reflected_unescaped(client, demo, url, param):
    response = client.get(url, {param: HOSTILE})
    assert response.status_code == 200
    assert HOSTILE not in response.content.decode()


@pytest.mark.parametrize("param", ["speaker", "topic", "letter"])
@pytest.mark.parametrize(
    "value", ["", "x" * 100_000, "' OR 1=1 --", "& | ! : * ( ) < >", "ñé€𝄞", "-1", "99999999999999999999"]
)
def test_odd_filter_values_never_fail(client, demo, param, value):
    url = "/people/" if param == "letter" else "/quotes/"
    assert client.get(url, {param: value}).status_code == 200


def test_the_404_page_offers_a_search_for_the_words_of_the_address(client, db):
    response = client.get("/festivals/cannes/2023/women-in-animation/")
    assert response.status_code == 404
    html = response.content.decode()
    assert 'name="q" value="cannes 2023 women in animation"' in html
    hostile = client.get("/people/%3Cscript%3Ealert(1)%3C%2Fscript%3E/")
    assert hostile.status_code == 404
    assert "<script>alert" not in hostile.content.decode()
    assert 'value="script alert script"' in hostile.content.decode()


def test_the_500_page_says_what_happened_and_leads_back(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    html = response.content.decode()
    assert "Something went wrong on our side" in html
    assert '<link rel="stylesheet" href="/static/css/site.css">' in html
    assert '<a href="/quotes/">Search quotes</a>' in html


def test_a_host_the_site_does_not_serve_gets_the_400_page(client, db):
    response = client.get("/festivals/", HTTP_HOST="elsewhere.example")
    assert response.status_code == 400
    assert "elsewhere.example" not in response.content.decode()
