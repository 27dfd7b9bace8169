"""Editors preview what readers cannot see yet, at its own address; readers still get 404."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db

PREVIEW_NOTE = "Preview for editors"


@pytest.fixture
def draft_quote():
    return QuoteFactory(article__status=Article.Status.DRAFT, text="Words nobody may read yet.")


def test_readers_get_404_for_a_draft_and_its_panel(client, draft_quote):
    assert client.get(draft_quote.article.get_absolute_url()).status_code == 404
    assert client.get(draft_quote.panel.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("page", ["article", "panel"])
def test_staff_preview_a_draft_article_and_its_panel(admin_client, draft_quote, page):
    response = admin_client.get(getattr(draft_quote, page).get_absolute_url())
    html = response.content.decode()
    assert response.status_code == 200
    assert PREVIEW_NOTE in html
    assert draft_quote.text in html
    assert '<meta name="robots" content="noindex">' in html
    assert "no-store" in response["Cache-Control"]


def test_staff_preview_a_scheduled_article(admin_client, client, draft_quote):
    article = draft_quote.article
    article.status = Article.Status.PUBLISHED
    article.published_at = timezone.now() + datetime.timedelta(days=1)
    article.save()
    assert client.get(article.get_absolute_url()).status_code == 404
    assert PREVIEW_NOTE in admin_client.get(article.get_absolute_url()).content.decode()


def test_a_public_page_is_no_preview_for_staff(admin_client):
    article = QuoteFactory().article
    response = admin_client.get(article.get_absolute_url())
    assert PREVIEW_NOTE not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.parametrize("model", ["article", "panel"])
def test_the_admin_offers_view_on_site_for_drafts(admin_client, draft_quote, model):
    thing = getattr(draft_quote, model)
    html = admin_client.get(reverse(f"admin:articles_{model}_change", args=[thing.pk])).content.decode()
    assert f'href="{thing.get_absolute_url()}"' in html
