"""Sessions in the admin, edited with who was on stage."""

from articles.models import Panel, Participation, Quote
from tests.factories import ParticipationFactory
from tests.helpers.admin_forms import admin_url, submit_admin_form
from tests.helpers.pages import visible_text


def test_taking_a_quoted_person_off_the_panel_is_refused(admin_client, demo):
    panel = Panel.objects.get()
    response = submit_admin_form(
        admin_client, admin_url(Panel, "change", panel.pk), **{"participations-0-DELETE": "on"}
    )
    assert response.status_code == 200
    assert (
        "Dave Clark is quoted from “AI and World-Building in Film and TV”, so they stay on it."
        in visible_text(response)
    )
    assert panel.participations.count() == 4


def test_an_unquoted_participant_can_be_removed(admin_client, db):
    participation = ParticipationFactory()
    panel = participation.panel
    response = submit_admin_form(
        admin_client, admin_url(Panel, "change", panel.pk), **{"participations-0-DELETE": "on"}
    )
    assert response.status_code == 302
    assert not Participation.objects.exists()


def test_panels_are_found_by_who_was_on_stage_and_quotes_by_festival(admin_client, demo):
    panels = admin_client.get(admin_url(Panel, "changelist"), {"q": "clark"})
    assert panels.context["cl"].result_count == 1
    quotes = admin_client.get(admin_url(Quote, "changelist"), {"q": "berlinale"})
    assert quotes.context["cl"].result_count == 9
