"""People in the admin: found by festival, kept while quoted, listed with their sessions."""

from articles.models import Festival, Person
from tests.factories import ParticipationFactory
from tests.helpers.admin_forms import admin_url
from tests.helpers.pages import visible_text


def test_people_are_filtered_by_festival(admin_client, demo):
    other = ParticipationFactory()
    response = admin_client.get(
        admin_url(Person, "changelist"),
        {"participations__panel__edition__festival__id__exact": Festival.objects.get(slug="berlinale").pk},
    )
    assert response.context["cl"].result_count == 4
    assert other.person.name not in visible_text(response)


def test_bulk_delete_of_quoted_people_is_refused(admin_client, demo):
    people = list(Person.objects.values_list("pk", flat=True))
    response = admin_client.post(
        admin_url(Person, "changelist"),
        {"action": "delete_selected", "_selected_action": people, "post": "yes"},
    )
    assert "protected" in visible_text(response)
    assert Person.objects.count() == 4


def test_a_person_page_in_the_admin_lists_their_sessions(admin_client, demo):
    person = Person.objects.get(slug="ac-coppens")
    response = admin_client.get(admin_url(Person, "change", person.pk))
    assert "Founder, The Catalysts" in response.content.decode()
    assert "AI and World-Building in Film and TV (Berlinale 2024)" in visible_text(response)
