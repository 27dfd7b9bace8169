"""What sessions and who was on stage guarantee, whatever tool writes to them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Participation, Person
from tests.factories import EditionFactory, PanelFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def test_a_panel_date_must_fall_within_its_edition():
    panel = PanelFactory.build(edition=EditionFactory(), date=datetime.date(2025, 6, 30))
    with pytest.raises(ValidationError) as error:
        panel.full_clean()
    assert "date" in error.value.message_dict


def test_a_person_is_on_a_panel_only_once():
    participation = ParticipationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(panel=participation.panel, person=participation.person, role="moderator")


def test_deleting_an_unquoted_panel_removes_its_participants_but_not_the_people():
    participation = ParticipationFactory()
    participation.panel.delete()
    assert not Participation.objects.exists()
    assert Person.objects.filter(pk=participation.person.pk).exists()
