"""The admin stays quick on a large archive (bench/admin_bench.py measures it on a million quotes):
lists run the same queries whatever the table's size, pages fetch only their own rows, and searches
use the indexed matching of the public site."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import Article, Quote
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    ReaderCommentFactory,
    TopicFactory,
)
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db

LISTS = ["quote", "person", "article", "panel", "festival", "edition", "topic"]


def changelist(model_name, **query):
    return reverse(f"admin:articles_{model_name}_changelist"), query


def add_coverage(count):
    for _ in range(count):
        participation = ParticipationFactory()
        QuoteFactory.create_batch(2, participation=participation, language="fr")


def queries_of(client, url, query):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url, query)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.mark.parametrize("model_name", LISTS)
def test_each_list_runs_the_same_queries_whatever_its_size(admin_client, model_name):
    url, query = changelist(model_name)
    add_coverage(2)
    few = queries_of(admin_client, url, query)
    add_coverage(12)
    assert queries_of(admin_client, url, query) == few


def test_pages_of_quotes_list_each_quote_once_newest_first(admin_client):
    participation = ParticipationFactory()
    article = ArticleFactory()
    article.panels.add(participation.panel)
    Quote.objects.bulk_create(
        Quote(text=f"Words {n}", speaker=participation.person, panel=participation.panel, article=article)
        for n in range(130)
    )
    url, _ = changelist("quote")
    shown = []
    for page in (1, 2):
        response = admin_client.get(url, {"p": page})
        shown += [quote.pk for quote in response.context["cl"].result_list]
    assert shown == sorted(Quote.objects.values_list("pk", flat=True), reverse=True)
    assert "130 quotes" in visible_text(response)


def test_quote_search_finds_words_as_the_public_search_does(admin_client, demo):
    url, _ = changelist("quote")
    response = admin_client.get(url, {"q": "outil"})  # the quote says "outils"
    found = [quote.text for quote in response.context["cl"].result_list]
    assert found and all("outils" in text for text in found)


@pytest.mark.parametrize("typed", ["MUNCHEN", "filmfest munchen", "mut zur ubersetzung"])
def test_quote_search_finds_a_session_or_festival_typed_without_accents(admin_client, db, typed):
    QuoteFactory(
        participation__panel__title="Mut zur Übersetzung",
        participation__panel__edition__festival__name="Filmfest München",
    )
    QuoteFactory(participation__panel__title="Another session")
    url, _ = changelist("quote")
    response = admin_client.get(url, {"q": typed})
    assert [quote.panel.title for quote in response.context["cl"].result_list] == ["Mut zur Übersetzung"]


def test_quote_search_finds_a_speaker_by_a_misspelt_name(admin_client, demo):
    url, _ = changelist("quote")
    response = admin_client.get(url, {"q": "kaspers"})
    speakers = {quote.speaker.name for quote in response.context["cl"].result_list}
    assert speakers == {"Christina Caspers-Roemer"}


def test_people_and_sessions_are_found_by_a_forgiving_name(admin_client, demo):
    response = admin_client.get(reverse("admin:articles_person_changelist"), {"q": "caspers roemer"})
    assert [person.name for person in response.context["cl"].result_list] == ["Christina Caspers-Roemer"]
    response = admin_client.get(reverse("admin:articles_panel_changelist"), {"q": "Weise"})
    assert len(response.context["cl"].result_list) == 1


def test_the_speaker_autocomplete_forgives_accents_and_typos(admin_client, db):
    PersonFactory(name="Jürgen Müller")
    PersonFactory(name="Anna Schmidt")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": "quote", "field_name": "speaker", "term": "muller"},
    )
    assert [result["text"] for result in response.json()["results"]] == ["Jürgen Müller"]


@pytest.mark.parametrize(
    ("model_name", "field_name", "term"),
    [("panel", "edition", "munchen"), ("quote", "panel", "Series Mania"),
     ("article", "panels", "SERIES MANIA"), ("quote", "panel", "ubersetz"), ("panel", "topics", "ecriture"),
     ("quote", "article", "grosser")],
)  # fmt: skip
def test_the_edition_session_article_and_topic_pickers_ignore_accents(
    admin_client, db, model_name, field_name, term
):
    """Editors type "Munchen" or "Series Mania" as readers do; only the names they pick keep accents."""
    ArticleFactory(title="Größer als gedacht")
    ParticipationFactory(
        panel__title="Mut zur Übersetzung",
        panel__edition__festival__name="Séries Mania",
        panel__edition__festival__short_name="Séries Mania",
    )
    EditionFactory(festival__name="Filmfest München", festival__short_name="")
    TopicFactory(name="Écriture")
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "articles", "model_name": model_name, "field_name": field_name, "term": term},
    )
    assert len(response.json()["results"]) == 1


def test_the_language_filter_offers_the_languages_in_use(admin_client, db):
    QuoteFactory(language="de")
    QuoteFactory(language="fr")
    response = admin_client.get(reverse("admin:articles_quote_changelist"))
    language_filter = next(
        spec for spec in response.context["cl"].filter_specs if spec.parameter_name == "language"
    )
    assert [code for code, _ in language_filter.lookup_choices] == ["fr", "de"]  # by name: French, German


def test_counts_in_the_lists_count_each_things_own_rows(admin_client, db):
    article = ArticleFactory()
    QuoteFactory.create_batch(3, article=article)
    ArticleFactory()
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    counts = {item.pk: item.quote_count for item in response.context["cl"].result_list}
    assert sorted(counts.values()) == [0, 3]
    assert counts[article.pk] == 3


def test_the_article_page_shows_each_quotes_language_chosen(admin_client, demo):
    article = Article.objects.get()
    html = admin_client.get(reverse("admin:articles_article_change", args=[article.pk])).content.decode()
    chosen = '<option value="fr" selected>French</option>'
    assert html.count(chosen) == 1 + article.quotes.count()  # the article's language and each quote's


def test_the_publication_filter_offers_the_publications_in_use_and_keeps_its_address(admin_client, db):
    ArticleFactory(publication="Trade Weekly", title="One")
    ArticleFactory(publication="Screen Daily", title="Two")
    url = reverse("admin:articles_article_changelist")
    response = admin_client.get(url)
    publication = next(spec for spec in response.context["cl"].filter_specs if spec.title == "publication")
    assert [value for value, _ in publication.lookup_choices] == ["Screen Daily", "Trade Weekly"]
    response = admin_client.get(url, {"publication__exact": "Screen Daily"})
    assert [article.title for article in response.context["cl"].result_list] == ["Two"]


def test_the_language_column_names_each_rows_language(admin_client, db):
    QuoteFactory(language="de")
    ArticleFactory(language="fr")
    for model_name, name in [("quote", "German"), ("article", "French")]:
        url, query = changelist(model_name)
        assert name in visible_text(admin_client.get(url, query))


def test_a_filtered_list_longer_than_the_count_limit_counts_past_it(admin_client, db, settings):
    """Past ARCHIVE_COUNT_LIMIT, a filtered list stands the database's estimate for its count (on
    SQLite, which keeps none, it counts): never fewer than it counted."""
    settings.ARCHIVE_COUNT_LIMIT = 3
    QuoteFactory.create_batch(5, language="de")
    QuoteFactory(language="fr")
    url, query = changelist("quote", language="de")
    cl = admin_client.get(url, query).context["cl"]
    assert cl.result_count >= 4
    assert {quote.language for quote in cl.result_list} == {"de"} and len(cl.result_list) == 5


def test_later_pages_of_people_go_on_in_name_order(admin_client, db):
    for number in range(130):
        PersonFactory(name=f"Jo {'Bauer' if number % 2 else 'Adler'}")
    url, _ = changelist("person")
    shown = []
    for page in (1, 2):
        shown += list(admin_client.get(url, {"p": page}).context["cl"].result_list)
    assert [(person.sort_key, person.pk) for person in shown] == sorted((p.sort_key, p.pk) for p in shown)
    assert len({person.pk for person in shown}) == 130


def test_comments_are_found_with_case_and_accents_ignored(admin_client, db):
    ReaderCommentFactory(comment="Ce débat était passionnant.", user_name="Hélène")
    ReaderCommentFactory(comment="Nothing to see.")
    response = admin_client.get(reverse("admin:articles_readercomment_changelist"), {"q": "DEBAT"})
    assert [comment.user_name for comment in response.context["cl"].result_list] == ["Hélène"]
    response = admin_client.get(reverse("admin:articles_readercomment_changelist"), {"q": "helene"})
    assert len(response.context["cl"].result_list) == 1


def test_a_sessions_history_and_deletion_name_each_record(admin_client, db):
    participation = ParticipationFactory(panel__title="Money on screen", person__name="Ada Lee")
    panel = participation.panel
    QuoteFactory(participation=participation, text="Budgets are small.")
    panel.save()  # a second version
    history = admin_client.get(reverse("admin:articles_panel_history", args=[panel.pk])).content.decode()
    table = history[history.index('id="change-history"') :]
    versions = re.findall(r'<td>\s*<a href="[^"]+">\s*(.*?)\s*</a>', table)
    assert versions == [f"Money on screen ({panel.edition})"] * 2
    deletion = visible_text(admin_client.get(reverse("admin:articles_panel_delete", args=[panel.pk])))
    assert "“Budgets are small.” — Ada Lee" in deletion
