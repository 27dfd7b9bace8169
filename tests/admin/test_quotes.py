"""Quotes on their own in the admin: the errors of their form, and exporting the selected ones."""

import pytest

from articles.models import Article, Quote
from tests.factories import PersonFactory
from tests.helpers.admin_forms import admin_url, submit_admin_form
from tests.helpers.exports import csv_rows, json_rows
from tests.helpers.pages import visible_text


def test_a_quote_by_someone_not_on_the_panel_shows_the_error_on_the_form(admin_client, demo):
    outsider = PersonFactory(name="Off Stage")
    quote = Quote.objects.first()
    response = submit_admin_form(admin_client, admin_url(Quote, "change", quote.pk), speaker=str(outsider.pk))
    assert response.status_code == 200
    assert "Off Stage was not on stage at “AI and World-Building in Film and TV”" in visible_text(response)
    quote.refresh_from_db()
    assert quote.speaker != outsider


pytestmark = pytest.mark.django_db


def test_the_admin_exports_the_selected_quotes_only(admin_client, draft_quote):
    chosen = [Quote.objects.get(position=2), draft_quote]
    for action, read in [("export_csv", csv_rows), ("export_json", json_rows)]:
        response = admin_client.post(
            "/admin/articles/quote/",
            {"action": action, "_selected_action": [quote.pk for quote in chosen], "index": 0},
        )
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith('attachment; filename="quotes-')
        rows = read(response)
        assert sorted(int(row["id"]) for row in rows) == sorted(quote.pk for quote in chosen)
        assert {row["article"] for row in rows} == {
            draft_quote.article.title,
            Article.objects.get(slug="berlin-debat-menace-ia-emplois-hollywood").title,
        }


def test_the_admin_offers_both_exports(admin_client, demo):
    html = admin_client.get("/admin/articles/quote/").content.decode()
    assert "Export selected quotes as CSV" in html
    assert "Export selected quotes as JSON" in html
