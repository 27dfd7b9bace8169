"""Merging two records of one person (articles/merging.py): everything moves to the one kept, the
other's address leads to it, the history says so, and one session keeps one participation."""

import pytest
from django.core.exceptions import ValidationError
from django.db.models import ProtectedError

from articles.merging import merge_people
from articles.models import Participation, Person, Quote
from tests.factories import ParticipationFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def twice():
    """One person entered twice, on two festivals' sessions, quoted at each."""
    kept = PersonFactory(name="Joanna Smith", slug="joanna-smith", bio="Producer.")
    other = PersonFactory(
        name="Jo Smith", slug="jo-smith", website="https://jo.example", other_names="J. Smith"
    )
    QuoteFactory(participation=ParticipationFactory(person=kept, affiliation="Studio North"))
    QuoteFactory(participation=ParticipationFactory(person=other, affiliation="Studio South"))
    return kept, other


def test_everything_of_the_other_moves_to_the_one_kept(twice, client):
    kept, other = twice
    quote = Quote.objects.get(speaker=other)

    merge_people(kept, other)

    assert not Person.objects.filter(pk=other.pk).exists()
    assert set(Participation.objects.filter(person=kept).values_list("affiliation", flat=True)) == {
        "Studio North",  # each session keeps the affiliation given there
        "Studio South",
    }
    assert Quote.objects.filter(speaker=kept).count() == 2
    kept.refresh_from_db()
    assert kept.spellings == ["Joanna Smith", "Jo Smith", "J. Smith"]
    assert (kept.bio, kept.website) == ("Producer.", "https://jo.example")  # gaps filled, not overwritten
    # The history: the other's versions are the kept one's now, and the merge is a version of its own.
    reasons = list(kept.history.values_list("history_change_reason", flat=True))
    assert reasons[0] == "Merged with Jo Smith (jo-smith)"
    assert Person.history.filter(id=kept.pk, name="Jo Smith").exists()
    assert quote.history.first().history_change_reason == "Merged with Jo Smith (jo-smith)"
    # The other's address leads to the one kept, in every language.
    for prefix in ["", "/fr", "/de"]:
        response = client.get(f"{prefix}/people/jo-smith/")
        assert (response.status_code, response["Location"]) == (301, f"{prefix}/people/joanna-smith/")


def test_on_a_session_both_were_on_one_participation_stays_with_the_chosen_role(twice):
    kept, other = twice
    shared = ParticipationFactory(person=kept, role="speaker", affiliation="Old job").panel
    ParticipationFactory(panel=shared, person=other, role="moderator", affiliation="New job")

    merge_people(kept, other, stage_taken_from_other={shared.pk})

    on_stage = Participation.objects.get(panel=shared)
    assert (on_stage.person, on_stage.role, on_stage.affiliation) == (kept, "moderator", "New job")


def test_a_person_cannot_be_merged_with_themself(twice):
    kept, _ = twice
    with pytest.raises(ValidationError, match="cannot be merged with themself"):
        merge_people(kept, kept)
    assert Person.objects.filter(pk=kept.pk).exists()


def test_the_database_still_refuses_to_delete_someone_quoted(twice):
    _, other = twice
    with pytest.raises(ProtectedError):
        other.delete()


def test_other_spellings_find_the_person_in_the_name_searches(client):
    person = PersonFactory(name="Joanna Smith", slug="joanna-smith", other_names="Jo Smith\nJoanna Smyth-Lee")
    QuoteFactory(participation=ParticipationFactory(person=person))

    response = client.get("/people/suggest/", {"q": "Smyth-Lee"})
    assert "Joanna Smith" in response.content.decode()
    page = client.get("/quotes/", {"speaker": "Jo Smith"})
    assert page.status_code == 200 and "Words number" in page.content.decode()
    assert "Joanna Smith" in client.get("/search/", {"q": "Smyth"}).content.decode()


def test_a_persons_page_names_their_other_spellings(client):
    person = PersonFactory(name="Joanna Smith", other_names="Jo Smith\n<b>J.</b> Smith")
    QuoteFactory(participation=ParticipationFactory(person=person))
    page = client.get(person.get_absolute_url())
    assert "Also written Jo Smith, &lt;b&gt;J.&lt;/b&gt; Smith" in " ".join(page.content.decode().split())
