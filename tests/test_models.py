"""What the models themselves guarantee, whatever tool writes to them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from articles.models import Article, Edition, Participation, Person, Quote
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    PanelFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
)

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


def test_a_panel_date_must_fall_within_its_edition():
    panel = PanelFactory.build(edition=EditionFactory(), date=datetime.date(2025, 6, 30))
    with pytest.raises(ValidationError) as error:
        panel.full_clean()
    assert "date" in error.value.message_dict


def test_a_person_is_on_a_panel_only_once():
    participation = ParticipationFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Participation.objects.create(panel=participation.panel, person=participation.person, role="moderator")


def test_quote_by_someone_not_on_the_panel_is_rejected():
    quote = QuoteFactory()
    outsider = PersonFactory(name="Somebody Else")
    quote.speaker = outsider
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "was not on stage" in error.value.message_dict["speaker"][0]
    assert "Somebody Else" in error.value.message_dict["speaker"][0]


def test_quote_by_a_participant_is_valid():
    quote = QuoteFactory()
    quote.full_clean()


def test_a_translation_and_the_words_as_spoken_are_in_another_language_than_the_quote():
    quote = QuoteFactory(language="de")
    quote.translation, quote.translation_language = "Words translated.", "de"
    quote.spoken_text, quote.spoken_language = "Die Worte.", "de"
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert error.value.message_dict["translation_language"] == [
        "The translation must be in another language than the quote."
    ]
    assert error.value.message_dict["spoken_language"] == [
        "The words as spoken must be in another language than the quote."
    ]
    quote.translation_language, quote.spoken_language = "en", "en"
    quote.full_clean()


def test_a_quote_without_a_language_is_checked_in_its_articles_language():
    """An editor may leave a quote's language empty: it then takes the article's, so a translation
    in the article's language is refused as one in the quote's own would be."""
    quote = QuoteFactory.build(
        participation=ParticipationFactory(), article=ArticleFactory(language="de"), language=""
    )
    quote.translation, quote.translation_language = "Übersetzte Worte.", "de"
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert error.value.message_dict["translation_language"] == [
        "The translation must be in another language than the quote."
    ]


def test_a_translation_needs_its_language():
    quote = QuoteFactory()
    quote.translation = "Paroles traduites"
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "translation_language" in error.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        quote.save()


def test_words_as_spoken_need_their_language():
    quote = QuoteFactory(language="fr")
    quote.spoken_text = "The words in English"
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert "spoken_language" in error.value.message_dict
    quote.spoken_language = "en"
    quote.full_clean()
    quote.save()
    assert Quote.objects.get(pk=quote.pk).spoken_text == "The words in English"


def test_a_quote_without_a_language_takes_the_article_language():
    quote = QuoteFactory(language="", article__language="de")
    assert quote.language == "de"


@pytest.mark.parametrize("target", ["speaker", "panel", "article"])
def test_deleting_what_a_quote_depends_on_is_refused(target):
    quote = QuoteFactory()
    with pytest.raises(ProtectedError):
        getattr(quote, target).delete()
    assert Quote.objects.filter(pk=quote.pk).exists()


def test_deleting_a_person_on_a_panel_is_refused():
    participation = ParticipationFactory()
    with pytest.raises(ProtectedError):
        participation.person.delete()


def test_deleting_an_unquoted_panel_removes_its_participants_but_not_the_people():
    participation = ParticipationFactory()
    participation.panel.delete()
    assert not Participation.objects.exists()
    assert Person.objects.filter(pk=participation.person.pk).exists()


def test_people_file_under_their_surname_with_accents_folded():
    assert PersonFactory(name="Ana Öztürk").index_letter == "O"
    assert PersonFactory(name="Guillermo del Toro", sort_name="del Toro").index_letter == "D"
    assert PersonFactory(name="4 Non Blondes", sort_name="4 Non Blondes").index_letter == "#"


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


def test_a_quote_must_come_from_a_session_its_article_covers():
    quote = QuoteFactory()
    elsewhere = ParticipationFactory(person=quote.speaker)
    quote.panel = elsewhere.panel
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert error.value.message_dict["panel"] == [
        "The article does not cover this session. Add it to the sessions the article covers first."
    ]


def test_a_quote_without_a_session_takes_the_one_its_article_covers():
    quote = QuoteFactory()
    panel = quote.panel
    quote.panel = None
    quote.full_clean()
    assert quote.panel == panel


def test_a_quote_without_a_session_is_rejected_when_the_article_covers_several():
    quote = QuoteFactory()
    quote.article.panels.add(ParticipationFactory(person=quote.speaker).panel)
    quote.panel = None
    with pytest.raises(ValidationError) as error:
        quote.full_clean()
    assert error.value.message_dict["panel"] == ["Pick the session these words were said at."]


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
