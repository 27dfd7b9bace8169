"""Anonymous readers get public pages from the cache; an editor's save shows on the very next
request; browsers that ask again get 304 when nothing changed; editors always get fresh pages."""

import socket

import pytest
from django.core.cache import cache as django_cache
from django.urls import reverse

from articles.http.forgiving_cache import ForgivingCache
from articles.models import Festival, Quote, ReaderComment
from tests.factories import ArticleFactory, QuoteFactory
from tests.helpers.admin_forms import submit_admin_form
from tests.helpers.comments import post
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db


def test_a_public_page_comes_from_the_cache_the_second_time(client, demo, django_assert_num_queries):
    quote = Quote.objects.public().first()
    first = client.get(quote.get_absolute_url())
    with django_assert_num_queries(0):
        second = client.get(quote.get_absolute_url())
    assert second.content == first.content
    assert second["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_a_quote_edited_in_the_admin_shows_on_the_next_request(client, demo, editor):
    quote = Quote.objects.public().first()
    assert quote.text[:30] in visible_text(client.get(quote.get_absolute_url()))
    panel_url = quote.panel.get_absolute_url()
    client.get(panel_url)

    response = submit_admin_form(
        editor, reverse("admin:articles_quote_change", args=[quote.pk]), text="Words corrected by the desk."
    )
    assert response.status_code == 302

    assert "Words corrected by the desk." in visible_text(client.get(quote.get_absolute_url()))
    assert "Words corrected by the desk." in visible_text(client.get(panel_url))


def test_an_unchanged_page_answers_304_to_a_browser_asking_again(client, demo):
    response = client.get("/")
    assert "no-cache" in response["Cache-Control"], "browsers check back every time"
    again = client.get("/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    QuoteFactory(text="Something new was said.")
    changed = client.get("/", HTTP_IF_NONE_MATCH=response["ETag"])
    assert changed.status_code == 200
    assert "Something new was said." in visible_text(changed)


def test_editors_get_fresh_pages_and_previews_are_never_cached(client, editor):
    draft = ArticleFactory(title="Still a draft", status="draft")
    url = draft.get_absolute_url()
    assert editor.get(url).status_code == 200, "the editor's preview"
    assert client.get(url).status_code == 404, "readers do not get the editor's preview from the cache"


def test_a_page_that_gives_a_reader_a_cookie_is_not_shared(client, demo):
    article = Quote.objects.public().first().article
    first = client.get(article.get_absolute_url())  # the comment form's CSRF cookie is set
    assert "csrftoken" in first.cookies
    other_reader = type(client)()
    assert "csrftoken" in other_reader.get(article.get_absolute_url()).cookies


def test_a_festival_renamed_in_the_admin_is_offered_by_the_next_quote_search(client, demo, editor):
    festival = Festival.objects.public().first()
    assert f">{festival.name}</option>" in client.get("/quotes/").content.decode()

    response = submit_admin_form(
        editor, reverse("admin:articles_festival_change", args=[festival.pk]), name="Renamed Film Days"
    )
    assert response.status_code == 302

    # Another address than the one fetched before: the festival list of the form itself is fresh.
    assert ">Renamed Film Days</option>" in client.get("/quotes/?sort=oldest").content.decode()


def redis_cache(location):
    return {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": location,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 0.5},
        }
    }


def redis_answers():
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=0.5).close()
        return True
    except OSError:
        return False


@pytest.mark.skipif(not redis_answers(), reason="no Redis server on 127.0.0.1:6379")
def test_with_redis_pages_are_kept_there_and_a_save_shows_at_once(
    client, demo, settings, django_assert_num_queries
):
    settings.CACHES = redis_cache("redis://127.0.0.1:6379/13")
    django_cache.clear()
    quote = Quote.objects.public().first()
    first = client.get(quote.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(quote.get_absolute_url()).content == first.content

    quote.text = "Words corrected by the desk."
    quote.save()
    assert "Words corrected by the desk." in visible_text(client.get(quote.get_absolute_url()))
    django_cache.clear()


def test_pages_and_comments_go_on_when_the_cache_server_is_down(client, demo, settings, caplog, monkeypatch):
    settings.CACHES = redis_cache("redis://127.0.0.1:1/0")  # nothing listens there
    monkeypatch.setattr(ForgivingCache, "last_warned", float("-inf"))
    quote = Quote.objects.public().first()
    pages = ["/", quote.get_absolute_url(), quote.panel.get_absolute_url(), "/quotes/?speaker=weisse"]
    for url in [*pages, "/healthz/"]:
        assert client.get(url).status_code == 200, url
    assert caplog.text.count("The cache server cannot be reached") == 1  # once a minute, not per call

    article = ArticleFactory(title="A published report")
    assert post(client, article, comment="Still taken while the cache is down.").status_code == 302
    assert ReaderComment.objects.filter(comment="Still taken while the cache is down.").exists()
