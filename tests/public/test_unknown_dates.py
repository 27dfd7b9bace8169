"""Coverage whose publication date is not known: shown as such, listed after every dated article, and
imported without one."""

import datetime
import json
import re

import pytest
from django.utils import translation

from articles.importers.coverage import load_coverage
from articles.models import Article
from tests.factories import ArticleFactory, QuoteFactory
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db


def test_an_article_without_a_date_says_so_on_its_page_and_beside_its_quotes(client):
    quote = QuoteFactory(article=ArticleFactory(title="Undated report", published_on=None))

    article_page = client.get(quote.article.get_absolute_url())
    quote_page = client.get(quote.get_absolute_url())
    session_page = client.get(quote.panel.get_absolute_url())
    search_page = client.get("/quotes/")

    assert "Trade Weekly · date unknown" in visible_text(article_page)
    assert "article:published_time" not in article_page.content.decode()
    described = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', article_page.content.decode(), re.S
    )
    assert "datePublished" not in json.loads(described.group(1)).get("@graph", [{}])[0]
    assert "Undated report, Trade Weekly, date unknown" in visible_text(quote_page)
    assert "Undated report Trade Weekly · date unknown" in visible_text(session_page)  # its coverage
    assert "Reported in Undated report, Trade Weekly, date unknown" in visible_text(search_page)
    with translation.override("fr"):
        assert "date inconnue" in visible_text(client.get(quote.article.get_absolute_url()))


def test_undated_articles_and_their_quotes_come_after_the_dated_ones(client):
    undated = ArticleFactory(title="Undated report", published_on=None)
    older = ArticleFactory(title="Older report", published_on=datetime.date(2019, 5, 1))
    newer = ArticleFactory(title="Newer report", published_on=datetime.date(2025, 5, 1))
    for article in (undated, older, newer):
        QuoteFactory(article=article, text=f"Words from the {article.title.lower()}.")

    assert list(Article.objects.all()) == [newer, older, undated]
    listed = visible_text(client.get("/articles/"))
    assert listed.index("Newer report") < listed.index("Older report") < listed.index("Undated report")
    latest = visible_text(client.get("/quotes/"))
    assert latest.index("newer report") < latest.index("older report") < latest.index("undated report")
    oldest = visible_text(client.get("/quotes/?sort=oldest"))
    assert oldest.index("older report") < oldest.index("newer report") < oldest.index("undated report")


def test_a_coverage_file_may_leave_the_date_out():
    data = {"articles": [{"slug": "undated", "title": "Undated", "language": "en", "status": "draft"}]}

    assert load_coverage(data).ok

    assert Article.objects.get(slug="undated").published_on is None
