"""The language each request is answered in: a first visit sent once to the language the browser
prefers, the cookie that remembers the reader's choice, and the admin in the editor's language."""

import pytest
from django.conf import settings

from tests.factories import QuoteFactory
from tests.helpers.languages import gettext_in
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db


BROWSER = {"HTTP_ACCEPT": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


def test_a_first_visit_goes_to_the_language_the_browser_prefers_once(client):
    quote = QuoteFactory()
    path = quote.speaker.get_absolute_url()
    response = client.get(f"{path}?page=1", HTTP_ACCEPT_LANGUAGE="de-AT,de;q=0.9,en;q=0.5", **BROWSER)
    assert response.status_code == 302
    assert response["Location"] == f"/de{path}?page=1"
    assert "Accept-Language" in response["Vary"]
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "de"

    # The next time, the English address stays English: the reader has been offered their language.
    again = client.get(path, HTTP_ACCEPT_LANGUAGE="de-AT,de;q=0.9,en;q=0.5", **BROWSER)
    assert again.status_code == 200
    assert '<html lang="en">' in again.content.decode()


@pytest.mark.parametrize(
    "headers",
    [
        {},  # search engines' crawlers name no language
        {"HTTP_ACCEPT_LANGUAGE": "en-GB,en;q=0.9,fr;q=0.8"},
        {"HTTP_ACCEPT_LANGUAGE": "it-IT,it;q=0.9"},  # no Italian version: English
        {"HTTP_ACCEPT_LANGUAGE": "fr", "HTTP_REFERER": "http://testserver/"},  # chose English on the site
    ],
)
def test_other_visits_stay_on_the_english_address(client, headers):
    response = client.get("/festivals/", **headers, **BROWSER)
    assert response.status_code == 200
    assert '<html lang="en">' in response.content.decode()


def test_a_reader_who_picks_a_language_with_the_switcher_keeps_it(client):
    QuoteFactory()
    assert (
        client.get("/fr/festivals/", HTTP_ACCEPT_LANGUAGE="fr", **BROWSER).status_code == 200
    )  # from a search engine
    english = client.get("/festivals/", HTTP_REFERER="http://testserver/fr/festivals/", **BROWSER)
    assert english.status_code == 200
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "en"
    assert english.cookies[settings.LANGUAGE_COOKIE_NAME]["max-age"] == settings.LANGUAGE_COOKIE_AGE

    # Later, from elsewhere, with a browser that prefers French: the English address stays English.
    later = client.get("/topics/", HTTP_ACCEPT_LANGUAGE="fr", **BROWSER)
    assert later.status_code == 200
    assert '<html lang="en">' in later.content.decode()


def test_browsing_within_one_language_sets_no_cookie(client):
    QuoteFactory()
    response = client.get("/topics/", HTTP_REFERER="http://testserver/festivals/", **BROWSER)
    assert not response.cookies


@pytest.mark.parametrize(
    "path",
    ["/robots.txt", "/sitemap.xml", "/articles/feed.atom", "/quotes/export.csv", "/people/suggest/?q=a"],
)
def test_only_pages_asked_for_by_a_browser_are_sent_to_another_language(client, path):
    # Feed readers, downloads and scripts accept anything (*/*) but name no HTML.
    response = client.get(path, HTTP_ACCEPT_LANGUAGE="fr", HTTP_ACCEPT="*/*")
    assert response.status_code == 200
    assert settings.LANGUAGE_COOKIE_NAME not in response.cookies


@pytest.mark.parametrize("path", ["/robots.txt", "/sitemap.xml", "/healthz/"])
def test_files_of_the_site_have_no_language_to_send_a_browser_to(client, path):
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="fr", **BROWSER).status_code == 200


def test_a_post_is_never_sent_to_another_language(client):
    assert client.post("/quotes/", HTTP_ACCEPT_LANGUAGE="fr", **BROWSER).status_code != 302


def test_the_admin_speaks_the_editors_language(editor):
    french = editor.get(f"/{settings.ADMIN_URL}", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    html = french.content.decode()
    assert '<html lang="fr"' in html
    assert gettext_in("fr", "Coverage") in html  # the archive's own title of the admin's index
    assert "Déconnexion" in html  # Django's own admin, in French

    festival_form = editor.get(f"/{settings.ADMIN_URL}articles/festival/add/", HTTP_ACCEPT_LANGUAGE="de")
    assert "Name auf Französisch" in festival_form.content.decode()

    # The quote's speaker is named as on the public pages, whoever she or he is.
    quote_form = editor.get(f"/{settings.ADMIN_URL}articles/quote/add/", HTTP_ACCEPT_LANGUAGE="fr")
    assert "Personne citée" in visible_text(quote_form)
    quote_form = editor.get(f"/{settings.ADMIN_URL}articles/quote/add/", HTTP_ACCEPT_LANGUAGE="de")
    assert "Gesagt von" in visible_text(quote_form)
