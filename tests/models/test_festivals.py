"""What festivals' editions guarantee, whatever tool writes to them: one a year, and days in order."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from articles.models import Edition
from tests.factories import EditionFactory

pytestmark = pytest.mark.django_db


def test_a_festival_has_one_edition_per_year():
    edition = EditionFactory(year=2024, start_date=None, end_date=None)
    with pytest.raises(ValidationError, match="already exists"):
        Edition(festival=edition.festival, year=2024).full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        Edition.objects.create(festival=edition.festival, year=2024)


def test_an_edition_cannot_end_before_it_starts():
    edition = EditionFactory.build(
        festival=EditionFactory().festival,
        year=2026,
        start_date=datetime.date(2026, 2, 20),
        end_date=datetime.date(2026, 2, 10),
    )
    with pytest.raises(ValidationError, match="cannot end before it starts"):
        edition.full_clean()
    with pytest.raises(IntegrityError), transaction.atomic():
        edition.save()
