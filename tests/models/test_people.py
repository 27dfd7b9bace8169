"""What people guarantee, whatever tool writes to them: kept while on stage, filed under their surname."""

import pytest
from django.db.models import ProtectedError

from tests.factories import ParticipationFactory, PersonFactory

pytestmark = pytest.mark.django_db


def test_deleting_a_person_on_a_panel_is_refused():
    participation = ParticipationFactory()
    with pytest.raises(ProtectedError):
        participation.person.delete()


def test_people_file_under_their_surname_with_accents_folded():
    assert PersonFactory(name="Ana Öztürk").index_letter == "O"
    assert PersonFactory(name="Guillermo del Toro", sort_name="del Toro").index_letter == "D"
    assert PersonFactory(name="4 Non Blondes", sort_name="4 Non Blondes").index_letter == "#"
