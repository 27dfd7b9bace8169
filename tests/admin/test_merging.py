"""Merging people in the admin: the likely duplicates on a person's page, the action on the list,
the page where the editor chooses what to keep; and who may merge."""

import pytest
from django.urls import reverse

from articles.models import Participation, Person
from tests.factories import ParticipationFactory, PersonFactory, QuoteFactory
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db

MERGE = "/admin/articles/person/merge/"


@pytest.fixture
def twice():
    kept = PersonFactory(name="Joanna Smith", slug="joanna-smith")
    other = PersonFactory(name="Joana Smith", slug="joana-smith")
    shared = ParticipationFactory(person=kept, role="speaker", affiliation="Studio North").panel
    ParticipationFactory(panel=shared, person=other, role="moderator", affiliation="Studio South")
    QuoteFactory(participation=ParticipationFactory(person=other))
    PersonFactory(name="Someone Else", slug="someone-else")
    return kept, other, shared


def test_a_persons_page_suggests_likely_duplicates_with_a_merge_link(editor, twice):
    kept, other, _ = twice
    page = editor.get(reverse("admin:articles_person_change", args=[kept.pk]))
    text = visible_text(page)
    assert "Perhaps the same person" in text and "Joana Smith" in text
    assert "Someone Else" not in text
    assert f"{MERGE}?ids={kept.pk},{other.pk}" in page.content.decode()


def test_the_list_action_opens_the_merge_page_for_two_people(editor, twice):
    kept, other, _ = twice
    response = editor.post(
        reverse("admin:articles_person_changelist"),
        {"action": "merge", "_selected_action": [kept.pk, other.pk]},
    )
    assert response.status_code == 302 and response["Location"] == f"{MERGE}?ids={kept.pk},{other.pk}"


def test_the_editor_chooses_who_stays_and_whose_role_stays_on_a_shared_session(editor, twice, client):
    kept, other, shared = twice
    page = editor.get(MERGE, {"ids": f"{kept.pk},{other.pk}"})
    text = visible_text(page)
    assert "Both were on stage at these sessions" in text
    assert "Joana Smith: Moderator, Studio South" in text

    response = editor.post(
        f"{MERGE}?ids={kept.pk},{other.pk}", {"keep": other.pk, f"stage_{shared.pk}": kept.pk}
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:articles_person_change", args=[other.pk])
    assert not Person.objects.filter(pk=kept.pk).exists()
    on_stage = Participation.objects.get(panel=shared)
    assert (on_stage.person_id, on_stage.role, on_stage.affiliation) == (other.pk, "speaker", "Studio North")
    assert "Joanna Smith is now Joana Smith." in visible_text(editor.get(response["Location"]))
    assert client.get("/people/joanna-smith/")["Location"] == "/people/joana-smith/"


@pytest.mark.parametrize(
    ("ids", "message"),
    [("same", "cannot be merged with themself"), ("one", "Choose two people"), ("x,y", "Choose two people")],
)
def test_a_wrong_choice_of_people_is_answered_with_a_message(editor, twice, ids, message):
    kept, other, _ = twice
    ids = {"same": f"{kept.pk},{kept.pk}", "one": str(kept.pk)}.get(ids, ids)
    response = editor.get(MERGE, {"ids": ids}, follow=True)
    assert message in visible_text(response)
    assert Person.objects.count() == 3


def test_contributors_cannot_merge(contributor, twice):
    kept, other, _ = twice
    assert contributor.get(MERGE, {"ids": f"{kept.pk},{other.pk}"}).status_code == 403
    assert contributor.post(f"{MERGE}?ids={kept.pk},{other.pk}", {"keep": kept.pk}).status_code == 403
    assert Person.objects.count() == 3
