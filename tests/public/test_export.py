"""The public quote search's results as CSV and JSON, with its filters, in a fixed number of queries."""

import json

import pytest
from django.utils import timezone

from articles import search
from articles.exporters import COLUMNS
from articles.models import Quote
from tests.helpers.archive import build_archive
from tests.helpers.exports import content, csv_rows, json_rows

pytestmark = pytest.mark.django_db

MARK = "<script>alert(1)</script>"


def test_the_csv_export_holds_every_field_with_accents_intact(client, demo):
    response = client.get("/quotes/export.csv")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        f'attachment; filename="quotes-{timezone.localdate().isoformat()}.csv"'
    )
    rows = csv_rows(response)
    assert len(rows) == 9
    quote = Quote.objects.get(position=6)
    row = next(row for row in rows if row["id"] == str(quote.pk))
    assert row == {
        "id": str(quote.pk),
        "url": f"http://testserver/quotes/{quote.pk}/",
        "text": quote.text,
        "language": "fr",
        "translation": quote.translation,
        "translation_language": "en",
        "spoken_text": "",
        "spoken_language": "",
        "speaker": "Christina Caspers-Roemer",
        "speaker_slug": "christina-caspers-roemer",
        "affiliation": "Managing director, Trixter",
        "panel": "AI and World-Building in Film and TV",
        "panel_url": "http://testserver/festivals/berlinale/2024/ai-and-world-building-in-film-and-tv/",
        "festival": "Berlin International Film Festival",
        "year": "2024",
        "date": "2024-02-17",
        "article": quote.article.title,
        "publication": "",
        "article_url": "http://testserver/articles/berlin-debat-menace-ia-emplois-hollywood/",
        "context": "",
    }
    assert "créateurs humains" in row["text"]
    assert row["article"].startswith("Berlin débat de la menace de l’IA pour les emplois à Hollywood")


def test_the_json_export_is_a_list_of_the_same_fields(client, demo):
    response = client.get("/quotes/export.json")

    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].endswith('.json"')
    raw = content(response)
    assert "créateurs".encode() in raw  # written as UTF-8, not as \u escapes
    rows = json.loads(raw)
    assert len(rows) == 9 and all(list(row) == COLUMNS for row in rows)
    weisse = [row for row in rows if row["speaker_slug"] == "simon-weisse"]
    assert [row["affiliation"] for row in weisse] == ["Miniatures specialist and prop maker, Berlin"] * 2
    assert weisse[0]["year"] == 2024
    assert {row["text"] for row in rows} == set(Quote.objects.values_list("text", flat=True))


def test_the_public_export_applies_the_search_pages_filters(client, demo):
    rows = csv_rows(client.get("/quotes/export.csv?speaker=simon-weisse"))
    assert [row["speaker"] for row in rows] == ["Simon Weisse", "Simon Weisse"]

    by_name = json_rows(client.get("/quotes/export.json?speaker=Simon+Weisse&sort=oldest"))
    assert [row["text"][:20] for row in by_name] == ["Je suis encore là. E", "Pour les images d'ar"]
    assert json_rows(client.get("/quotes/export.json?year=2023")) == []
    assert len(json_rows(client.get("/quotes/export.json?festival=berlinale&topic=jobs&language=fr"))) == 9


def test_a_text_search_exports_what_the_page_lists_in_the_same_order(client, demo):
    page = client.get("/quotes/?q=outils")
    listed = [quote.pk for quote in page.context["page"]]
    assert listed, "the search should find quotes"

    rows = json_rows(client.get("/quotes/export.json?q=outils"))

    assert [row["id"] for row in rows] == listed
    assert all("outils" in row["text"] for row in rows)


def test_the_search_page_links_to_its_results_as_csv_and_json(client, demo):
    html = client.get("/quotes/?speaker=simon-weisse&page=1").content.decode()
    assert 'href="/quotes/export.csv?speaker=simon-weisse"' in html
    assert 'href="/quotes/export.json?speaker=simon-weisse"' in html


def test_quotes_of_a_draft_never_reach_the_public_export(client, draft_quote):
    for url in [
        "/quotes/export.csv",
        "/quotes/export.csv?speaker=simon-weisse",
        "/quotes/export.csv?q=secret",
    ]:
        texts = [row["text"] for row in csv_rows(client.get(url))]
        assert draft_quote.text not in texts, url
    assert len(csv_rows(client.get("/quotes/export.csv"))) == 9


@pytest.mark.parametrize(
    "query",
    [
        "year=abc",
        "year=99999999999999999999",
        "speaker=nobody-at-all",
        "festival=nope",
        "sort=sideways",
        f"speaker={MARK}",
    ],
)
def test_bad_filters_answer_400_with_a_plain_explanation(client, demo, query):
    response = client.get(f"/quotes/export.csv?{query}")
    assert response.status_code == 400
    body = response.content.decode()
    assert body.startswith("These filters cannot be used, so nothing was exported:")
    assert MARK not in body


# export → queries: the rows; plus the lookup of each filter; a text search reads the matches' sort keys
# and then their rows, and on PostgreSQL first asks how each language reads the words.
EXPORT_QUERIES = {"": 1, "?speaker={speaker}": 2, "?festival={festival}&topic={topic}": 3, "?q=words+said": 2}


@pytest.mark.parametrize("size", [1, 5])
@pytest.mark.parametrize("export_format", ["csv", "json"])
def test_the_public_export_runs_a_fixed_number_of_queries(
    client, django_assert_num_queries, size, export_format
):
    urls = build_archive(size)
    quote = Quote.objects.get(pk=urls["quote-detail"].split("/")[-2])
    names = {
        "speaker": quote.speaker.slug,
        "festival": quote.panel.edition.festival.slug,
        "topic": quote.panel.topics.first().slug,
    }
    for query, expected in EXPORT_QUERIES.items():
        url = f"/quotes/export.{export_format}{query.format(**names)}"
        if "q=" in query:
            expected += search.preparation_queries()
        with django_assert_num_queries(expected, info=url):
            response = client.get(url)
            body = content(response)
        assert response.status_code == 200, url
        assert body.count(b"Words number") > 0, url
