"""What the models share (models/base.py): what is public, the next place in a running order, and
names that read well wherever a record is named."""

import pytest

from articles.models import Article, Person, Quote
from tests.factories import ParticipationFactory, QuoteFactory

pytestmark = pytest.mark.django_db


def test_only_published_articles_and_what_they_cover_are_public():
    published = QuoteFactory()
    draft = QuoteFactory(article__status=Article.Status.DRAFT)
    assert list(Quote.objects.public()) == [published]
    assert list(Article.objects.public()) == [published.article]
    assert set(Person.objects.public()) == {published.speaker}
    assert draft.panel not in draft.panel.__class__.objects.public()


def test_quotes_and_participants_left_unnumbered_take_the_next_place():
    first = QuoteFactory(position=0)
    second = QuoteFactory(participation=first.speaker.participations.get(), article=first.article, position=0)
    assert (first.position, second.position) == (1, 2)
    newcomer = ParticipationFactory(panel=first.panel, order=0)
    assert newcomer.order == 2
    assert QuoteFactory(article=first.article, position=7).position == 7


def test_names_read_well_everywhere():
    quote = QuoteFactory(
        text="We build worlds.",
        participation__person__name="Ada Lovelace",
        participation__panel__title="Worlds",
        participation__panel__edition__festival__short_name="Cannes",
    )
    assert str(quote.panel.edition) == "Cannes 2025"
    assert str(quote.panel) == "Worlds (Cannes 2025)"
    assert str(quote) == "“We build worlds.” — Ada Lovelace"
    assert str(quote.speaker.participations.get()) == "Ada Lovelace — Panelist, Worlds (Cannes 2025)"
