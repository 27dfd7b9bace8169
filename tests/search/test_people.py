"""Finding people by their names, forgivingly: the suggestions of the speaker field, and the speaker
filter taking a misspelt name."""

import pytest

from tests.factories import ParticipationFactory, QuoteFactory
from tests.helpers.search import found


@pytest.mark.parametrize("typed", ["caspers roemer", "Caspers-Römer", "kaspers", "Christina", "casp"])
def test_names_are_matched_forgivingly(client, demo, typed):
    results = client.get("/people/suggest/", {"q": typed}).json()["results"]
    assert results[0] == {
        "name": "Christina Caspers-Roemer",
        "slug": "christina-caspers-roemer",
        "url": "/people/christina-caspers-roemer/",
    }


@pytest.mark.parametrize("typed", ["", "  ", "zzzz", "<>", "x" * 10_000])
def test_name_suggestions_for_nothing_are_empty(client, demo, typed):
    assert client.get("/people/suggest/", {"q": typed}).json() == {"results": []}


def test_suggestions_put_the_closest_name_first_and_only_public_people(client, demo):
    QuoteFactory(participation__person__name="Simon Weissenberg")
    ParticipationFactory(person__name="Simon Weisse Unpublished")
    results = client.get("/people/suggest/", {"q": "simon weisse"}).json()["results"]
    assert [result["name"] for result in results] == ["Simon Weisse", "Simon Weissenberg"]


def test_speaker_filter_accepts_forgiving_names(client, demo):
    assert len(found(client, speaker="Caspers-Römer")) == 2
    assert len(found(client, speaker="kaspers")) == 2
