"""Finding quotes by their words, the same on PostgreSQL and on SQLite: stemming, accents, phrases,
exclusions, ranking, and the bounds on how many matches are looked at."""

import pytest
from django.db import connection

from articles.models import Article, Quote
from tests.factories import QuoteFactory
from tests.helpers.pages import visible_text
from tests.helpers.search import found

TOOLS_QUOTE = "Je me base toujours sur les créateurs humains"


def test_french_stemming_finds_the_plural(client, demo):
    assert any(text.startswith(TOOLS_QUOTE) for text in found(client, q="outil"))


def test_accents_do_not_matter(client, demo):
    assert any(text.startswith(TOOLS_QUOTE) for text in found(client, q="createurs"))
    assert any(text.startswith(TOOLS_QUOTE) for text in found(client, q="CRÉATEURS"))


def test_every_word_must_appear(client, demo):
    assert [text[:20] for text in found(client, q="outils clients")] == [TOOLS_QUOTE[:20]]


def test_a_phrase_in_quotes_must_appear_as_a_phrase(client, demo):
    assert len(found(client, q='"la personne qui utilise"')) == 1
    assert found(client, q='"utilise la personne"') == []
    assert len(found(client, q="utilise la personne")) == 1


@pytest.mark.parametrize("marks", ["“”", "« »", "„“"])
def test_a_phrase_may_be_put_in_the_quotation_marks_of_each_language(client, demo, marks):
    opening, closing = marks[0], marks[-1]
    assert len(found(client, q=f"{opening}la personne qui utilise{closing}")) == 1
    assert found(client, q=f"{opening}utilise la personne{closing}") == []


def test_a_minus_excludes_a_word_on_both_engines(client, demo):
    assert [text[:20] for text in found(client, q="outils -créateurs")] == ["Cela change la donne"]
    assert [text[:20] for text in found(client, q="outils -createurs")] == ["Cela change la donne"]
    assert found(client, q="-outils") == []


def test_an_excluded_phrase_leaves_quotes_without_it(client, demo):
    assert [text[:20] for text in found(client, q='-"la personne qui" outils')] == [TOOLS_QUOTE[:20]]
    assert found(client, q='outils "') == found(client, q="outils")


def test_the_translation_is_searched_too(client, demo):
    texts = found(client, q="afraid")
    assert len(texts) == 1
    assert texts[0].startswith("Cela change la donne")


@pytest.mark.parametrize(
    ("printed", "language", "typed"),
    [("Die Straße gehört dem Kino.", "de", "strasse"), ("Wir drehen in der Strasse.", "de", "Straße"),
     ("Kręcimy w Łodzi.", "pl", "lodzi"), ("Optagelser i Øresund.", "da", "oresund"),
     ("Un chef-d’œuvre.", "fr", "oeuvre")],
)  # fmt: skip
def test_letters_without_an_accent_to_take_off_fold_too(client, db, printed, language, typed):
    """ß, ł, ø, œ… are no letters with an accent, but readers type them as ss, l, o, oe: both
    engines fold them as PostgreSQL's unaccent does."""
    quote = QuoteFactory(text=printed, language=language)
    assert found(client, q=typed) == [quote.text]
    assert "<mark>" in client.get("/quotes/", {"q": typed}).content.decode()


def test_better_matches_come_first(client, db):
    once = QuoteFactory(
        text="There was fear in the long corridors of the old studio buildings that night, they said."
    )
    twice = QuoteFactory(text="Fear the machine, fear the tools.")
    assert found(client, q="fear") == [twice.text, once.text]
    assert found(client, q="fear", sort="oldest")[0] == once.text


def test_words_said_rank_above_words_of_the_translation(client, db):
    translated = QuoteFactory(
        text="Wir bauen Welten.", language="de", translation="We build worlds.", translation_language="en"
    )
    said = QuoteFactory(text="Worlds are built by people.", language="en")
    assert found(client, q="worlds") == [said.text, translated.text]


def test_an_edited_quote_is_found_by_its_new_words(client, demo):
    quote = Quote.objects.get(text__startswith="Cela change")
    quote.text = "Une tout autre phrase sur les marionnettes."
    quote.save()
    assert found(client, q="marionnette") == [quote.text]
    assert found(client, q="donne") == []


def test_quotes_of_drafts_are_never_found(client, db):
    QuoteFactory(text="Hidden draft words.", article__status=Article.Status.DRAFT)
    assert found(client, q="hidden") == []


@pytest.mark.parametrize("typed", ["_", "²", "½", "__ ²"])
def test_words_no_engine_can_search_give_no_results_not_an_error(client, demo, typed):
    response = client.get("/quotes/", {"q": typed})
    assert response.status_code == 200
    assert client.get("/search/", {"q": typed}).status_code == 200


def test_a_phrase_looked_for_in_only_some_quotes_holding_its_words_says_so(client, db, settings):
    """On PostgreSQL a phrase is looked for among at most QUOTE_PHRASE_CHECKS quotes holding all its
    words (SQLite looks in every quote): when more hold them, matches may be missing, and the page
    says so, even when it found none."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite looks for a phrase in every quote holding its words")
    first = QuoteFactory(text="Puppets need light, and light needs puppets.")
    for _ in range(3):
        QuoteFactory(participation=first.speaker.participations.get(), article=first.article, text=first.text)
    notice = "quotes hold every word of this phrase"

    settings.QUOTE_PHRASE_CHECKS = 10
    response = client.get("/quotes/", {"q": '"light needs puppets"'})
    assert "4 quotes" in visible_text(response)
    assert notice not in visible_text(response)

    settings.QUOTE_PHRASE_CHECKS = 2
    for phrase, listed in [('"need light"', 2), ('"puppets need puppets"', 0)]:
        response = client.get("/quotes/", {"q": phrase})
        assert len(response.context["page"].object_list) == listed
        assert "More than 2 quotes hold every word of this phrase" in visible_text(response)


def test_a_very_common_word_lists_a_bounded_set_and_asks_to_narrow(client, db, settings):
    settings.QUOTE_SEARCH_CANDIDATES = 3
    first = QuoteFactory(text="Cinema one.")
    for text in ["Cinema two.", "Cinema three.", "Cinema four."]:
        QuoteFactory(participation=first.speaker.participations.get(), article=first.article, text=text)
    response = client.get("/quotes/", {"q": "cinema"})
    assert len(response.context["page"].object_list) == 3
    assert (
        "At least 3 quotes match; 3 of them are listed. Add words or filters to narrow the search."
        in visible_text(response)
    )
    narrowed = client.get("/quotes/", {"q": "cinema four"})
    assert [quote.text for quote in narrowed.context["page"].object_list] == ["Cinema four."]
    assert "narrow the search" not in visible_text(narrowed)


def test_filters_apply_before_the_bound_on_matches(client, db, settings):
    settings.QUOTE_SEARCH_CANDIDATES = 2
    for _ in range(3):
        QuoteFactory(text="Cinema elsewhere.", language="en")
    wanted = QuoteFactory(text="Cinema in German.", language="de")
    assert found(client, q="cinema", language="de") == [wanted.text]
