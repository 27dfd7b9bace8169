"""What quotes guarantee, whatever tool writes to them: said on stage at a session their article covers,
in a language of their own, and kept while anything they depend on is."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import ProtectedError

from articles.models import Quote, shared_positions
from tests.factories import ArticleFactory, ParticipationFactory, PersonFactory, QuoteFactory

pytestmark = pytest.mark.django_db


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


def test_two_quotes_of_an_article_never_share_a_position_in_the_database():
    """The import finds a quote by its article and position: the database refuses a second quote at
    one place, whatever writes it, and a quote left at 0 takes the next free place."""
    first = QuoteFactory(position=3)
    second = QuoteFactory(participation=first.speaker.participations.get(), article=first.article, position=0)
    assert second.position == 4
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.filter(pk=second.pk).update(position=3)
    elsewhere = QuoteFactory(position=3)
    assert elsewhere.article != first.article


def test_a_quote_is_told_when_another_of_its_article_holds_its_position():
    first = QuoteFactory(position=1)
    second = QuoteFactory(participation=first.speaker.participations.get(), article=first.article, position=2)
    second.position = 1
    with pytest.raises(ValidationError) as error:
        second.full_clean()
    assert error.value.message_dict["position"] == ["Another quote of this article has this position."]


def test_shared_positions_names_each_quote_placed_where_another_already_is():
    placed = [("a", 1), ("b", 2), ("c", 1), ("d", 0), ("e", 0), ("f", 2)]
    assert shared_positions(placed) == [("c", "a"), ("f", "b")]


@pytest.mark.django_db(transaction=True)  # migrating back and forth leaves tables emptied, not rolled back
def test_quotes_stored_at_a_shared_position_move_after_their_articles_last_quote():
    """Before migration 0019 the admin let two quotes of an article share a position: the migration
    moves each later one after the article's last quote, in the order they were saved."""
    before = [("articles", "0018_site_search_documents")]
    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps
    festival = old.get_model("articles", "Festival").objects.create(name="Fest", slug="fest")
    edition = old.get_model("articles", "Edition").objects.create(festival=festival, year=2024)
    panel = old.get_model("articles", "Panel").objects.create(edition=edition, title="Talk", slug="talk")
    person = old.get_model("articles", "Person").objects.create(name="Ada", slug="ada", index_letter="A")
    Article = old.get_model("articles", "Article")
    report, other = (
        Article.objects.create(title=slug, slug=slug, published_on=datetime.date(2024, 2, 20), language="en")
        for slug in ["report", "other"]
    )
    OldQuote = old.get_model("articles", "Quote")
    for article, position in [
        (report, 1),
        (report, 1),
        (report, 1),
        (report, 2),
        (report, 2),
        (report, 5),
        (other, 1),
    ]:
        OldQuote.objects.create(
            text="Words.", speaker=person, panel=panel, article=article, position=position
        )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    positions = list(Quote.objects.order_by("pk").values_list("article__slug", "position"))
    assert positions == [
        ("report", 1),
        ("report", 6),
        ("report", 7),
        ("report", 2),
        ("report", 8),
        ("report", 5),
        ("other", 1),
    ]


@pytest.mark.parametrize(
    "values",
    [
        {"text": ""},
        {"translation": "Words", "translation_language": ""},
        {"spoken_text": "Mots", "spoken_language": ""},
    ],
)
def test_what_the_database_refuses_validation_refuses_without_asking_it(values, django_assert_num_queries):
    """The CHECK constraints of quotes are read in Python when a quote is validated (an article of
    50 quotes saved in the admin asked the database 450 times): the same rules as the database's."""
    quote = QuoteFactory(language="en")
    for field, value in values.items():
        setattr(quote, field, value)
    with pytest.raises(ValidationError), django_assert_num_queries(0):
        quote.validate_constraints(exclude={"article"})  # as the article's admin form validates it
    with pytest.raises(IntegrityError), transaction.atomic():
        Quote.objects.filter(pk=quote.pk).update(**values)
