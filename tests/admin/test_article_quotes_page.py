"""An article's page in the admin with its quotes: the same queries and a few kilobytes a quote
whatever the archive holds, its quotes as Django's stacked inline shows them (written by
articles/admin/stacked.py), and their language selects filled from one list of languages
(bench/admin_bench.py measures it with 50 quotes)."""

import re
from html.parser import HTMLParser

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from articles.admin.stacked import stacked_forms
from articles.languages import content_languages
from articles.models import Article, Quote
from tests.factories import ArticleFactory, ParticipationFactory, PersonFactory, QuoteFactory
from tests.helpers.admin_forms import admin_form_data, admin_url

pytestmark = pytest.mark.django_db


def article_with_quotes(count, *, translated=0):
    """An article covering a session of two people, with `count` quotes of theirs, the first
    `translated` of them with a translation."""
    on_stage = ParticipationFactory()
    other = ParticipationFactory(panel=on_stage.panel)
    article = ArticleFactory()
    for number in range(count):
        QuoteFactory(
            participation=(on_stage, other)[number % 2],
            article=article,
            language="fr",
            translation="Words in English." if number < translated else "",
            translation_language="en" if number < translated else "",
        )
    return article


def queries_of(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured.captured_queries)


def test_an_article_page_runs_the_same_queries_with_3_quotes_or_30(admin_client, django_assert_num_queries):
    PersonFactory.create_batch(20)  # people the page has no reason to read
    few, many = article_with_quotes(3), article_with_quotes(30, translated=5)
    admin_client.get(admin_url(Article, "change", few.pk))  # what a process looks up once
    expected = queries_of(admin_client, admin_url(Article, "change", few.pk))
    with django_assert_num_queries(expected):
        admin_client.get(admin_url(Article, "change", many.pk))


class Selects(HTMLParser):
    """Each select of a page by name, with the values of its options and which are chosen."""

    def __init__(self):
        super().__init__()
        self.selects, self._current = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "select":
            self._current = self.selects.setdefault(attrs["name"], {"options": [], "chosen": []})
        elif tag == "option" and self._current is not None:
            self._current["options"].append(attrs.get("value", ""))
            if "selected" in attrs:
                self._current["chosen"].append(attrs.get("value", ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._current = None


def selects_of(response):
    parser = Selects()
    parser.feed(response.content.decode())
    return parser.selects


def test_each_quote_offers_its_own_speaker_and_session_and_no_list_of_everyone(admin_client):
    PersonFactory.create_batch(30)
    article = article_with_quotes(4)
    selects = selects_of(admin_client.get(admin_url(Article, "change", article.pk)))
    for number, quote in enumerate(article.quotes.order_by("position", "pk")):
        assert selects[f"quotes-{number}-speaker"] == {
            "options": [str(quote.speaker_id)],
            "chosen": [str(quote.speaker_id)],
        }
        assert selects[f"quotes-{number}-panel"] == {
            "options": ["", str(quote.panel_id)],
            "chosen": [str(quote.panel_id)],
        }
    assert max(len(select["options"]) for name, select in selects.items() if "language" not in name) < 10


def test_the_page_lists_the_languages_once_and_each_quote_its_own(admin_client):
    article = article_with_quotes(3)
    response = admin_client.get(admin_url(Article, "change", article.pk))
    html = response.content.decode()
    every_language = re.search(r'<template id="language-choices">(.*?)</template>', html, re.S).group(1)
    assert re.findall(r'<option value="([^"]*)"', every_language) == [""] + [
        code for code, _ in content_languages()
    ]
    selects = selects_of(response)
    for number in range(3):
        assert selects[f"quotes-{number}-language"] == {"options": ["", "fr"], "chosen": ["fr"]}


def test_an_article_page_grows_by_a_few_kilobytes_a_quote(admin_client):
    few, many = article_with_quotes(3), article_with_quotes(33, translated=10)
    sizes = [
        len(admin_client.get(admin_url(Article, "change", article.pk)).content) for article in (few, many)
    ]
    assert (sizes[1] - sizes[0]) / 30 < 5000  # Django's own writing: 23 KB a quote


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Forms(HTMLParser):
    """The forms of an inline (each <div class="inline-related">) as a browser reads them: each tag
    with its attributes (classes in any order), and the text between, white space folded."""

    def __init__(self):
        super().__init__()
        self.forms, self._depth = [], 0

    def handle_starttag(self, tag, attrs):
        attrs = {
            name: " ".join(sorted((value or "").split())) if name == "class" else value
            for name, value in attrs
        }
        if not self._depth and tag == "div" and "inline-related" in attrs.get("class", "").split():
            self.forms.append([])
            self._depth = 1
        elif self._depth and tag not in VOID:
            self._depth += 1
        if self._depth:
            self.forms[-1].append(("<", tag, sorted(attrs.items())))

    def handle_endtag(self, tag):
        if self._depth:
            self.forms[-1].append(("/", tag))
            self._depth -= 1

    def handle_data(self, data):
        if self._depth and data.split():
            self.forms[-1].append((" ".join(data.split()),))


def forms_in(html):
    parser = Forms()
    parser.feed(html)
    return parser.forms


def forms_as_django_writes_them(response):
    """(the quotes' forms as Django's stacked inline writes them, as stacked.py writes them)."""
    inline = response.context["inline_admin_formsets"][0]
    django_html = render_to_string(
        "admin/edit_inline/stacked.html", {"inline_admin_formset": inline}, request=response.wsgi_request
    )
    return forms_in(django_html), forms_in(str(stacked_forms(inline, share=False)))


def test_the_quotes_read_as_djangos_stacked_inline_writes_them(admin_client):
    article = article_with_quotes(3, translated=1)
    response = admin_client.get(admin_url(Article, "change", article.pk))
    django_forms, ours = forms_as_django_writes_them(response)
    assert len(ours) == 3 + 1 + 1  # the quotes, one to fill in, the template of another
    assert ours == django_forms


def test_quotes_refused_read_as_django_writes_them_with_their_errors(admin_client):
    article = article_with_quotes(2)
    url = admin_url(Article, "change", article.pk)
    data = admin_form_data(admin_client.get(url), **{"quotes-1-translation": "Words", "quotes-0-text": ""})
    response = admin_client.post(url, data)
    assert response.status_code == 200
    django_forms, ours = forms_as_django_writes_them(response)
    assert ours == django_forms
    assert ("Say which language the translation is in.",) in ours[1]
    assert ("This field is required.",) in ours[0]


def test_a_quote_saved_from_a_page_opened_folded_keeps_its_words_in_other_languages(admin_client):
    article = article_with_quotes(2, translated=1)
    url = admin_url(Article, "change", article.pk)
    page = admin_client.get(url)
    html = page.content.decode()
    assert 'name="quotes-1-translation"' not in html  # folded, its fields to come when opened
    # What a browser sends: the fields the page holds.
    sent = set(re.findall(r'name="([^"]+)"', html))
    data = admin_form_data(page, **{"quotes-1-text": "Other words.", "_save": "Save"})
    data = {name: value for name, value in data.items() if name in sent}
    assert admin_client.post(url, data).status_code == 302
    first, second = Quote.objects.filter(article=article).order_by("position", "pk")
    assert (first.translation, first.translation_language) == ("Words in English.", "en")
    assert (second.text, second.translation, second.translation_language) == ("Other words.", "", "")
