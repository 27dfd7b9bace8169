"""Festivals, editions and topics in the admin."""

from articles.models import Edition, Festival
from tests.helpers.admin_forms import admin_url, submit_admin_form
from tests.helpers.pages import visible_text


def test_invalid_input_shows_the_form_with_errors(admin_client, demo):
    festival = Festival.objects.get()
    add_edition = admin_url(Edition, "add")
    response = submit_admin_form(
        admin_client, add_edition, festival=str(festival.pk), year="2024", start_date="2024-02-15"
    )
    assert response.status_code == 200
    assert "Edition with this Festival and Year already exists." in visible_text(response)
    response = submit_admin_form(
        admin_client,
        add_edition,
        festival=str(festival.pk),
        year="2026",
        start_date="2026-02-20",
        end_date="2026-02-10",
    )
    assert "An edition cannot end before it starts." in visible_text(response)
    assert Edition.objects.count() == 1
