"""“Find quotes”: the quoted passages of an article proposed as quotes, each with a guessed speaker
(articles/quote_finder.py; tests/admin/test_quote_finder.py has the admin page)."""

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from articles.models import Article
from articles.quote_finder import MINIMUM_WORDS, comparable, find_quotes

DEMO_COVERAGE = Path(__file__).resolve().parents[1] / "articles" / "demo_coverage"


class Someone(NamedTuple):
    name: str
    sort_name: str = ""


CLARK = Someone("Dave Clark")
COPPENS = Someone("AC Coppens")
CASPERS_ROEMER = Someone("Christina Caspers-Roemer", "Caspers-Roemer")
WEISSE = Someone("Simon Weisse")
MUELLER = Someone("Anna Müller")
DEL_TORO = Someone("Guillermo del Toro", "del Toro")
PEOPLE = [CLARK, COPPENS, CASPERS_ROEMER, WEISSE, MUELLER, DEL_TORO]


def found(body, people=PEOPLE):
    """(words, speaker's name) of each proposal."""
    return [
        (proposal.text, proposal.speaker and proposal.speaker.name) for proposal in find_quotes(body, people)
    ]


def demo_article():
    return json.loads((DEMO_COVERAGE / "berlinale-2024-ai-world-building.json").read_text(encoding="utf-8"))[
        "articles"
    ][0]


def test_every_quote_of_the_original_seed_article_is_found_with_its_speaker(seed_article_text):
    coverage = json.loads(
        (DEMO_COVERAGE / "berlinale-2024-ai-world-building.json").read_text(encoding="utf-8")
    )
    people = {
        person["slug"]: Someone(person["name"], person.get("sort_name", "")) for person in coverage["people"]
    }
    proposals = find_quotes(seed_article_text, people.values())
    by_words = {comparable(proposal.text): proposal.speaker for proposal in proposals}
    expected = {comparable(quote["text"]): people[quote["speaker"]] for quote in demo_article()["quotes"]}
    assert len(expected) == 9
    assert {words: by_words.get(words, "not found") for words in expected} == expected
    # The only other passage is the headline's, which names no one: proposed with no speaker.
    others = [(p.text, p.speaker) for p in proposals if comparable(p.text) not in expected]
    assert others == [("Craignez la personne qui utilise ces outils", None)]


def test_a_quote_never_closed_ends_with_its_paragraph_without_the_narrators_aside(seed_article_text):
    proposal = next(p for p in find_quotes(seed_article_text, PEOPLE) if p.text.startswith("Il y a beaucoup"))
    assert proposal.text.endswith("Qu’est-ce que tout cela signifie vraiment ?")
    # Its sentence names no one ("il a insisté"), nor does the one before: Clark opens the next paragraph.
    assert proposal.speaker == CLARK


def test_the_demo_article_proposes_every_stored_quote_with_its_speaker(demo):
    article = Article.objects.get()
    people = [
        participation.person for panel in article.panels.all() for participation in panel.participations.all()
    ]
    proposals = {comparable(p.text): p.speaker for p in find_quotes(article.body, people)}
    stored = {comparable(quote.text): quote.speaker for quote in article.quotes.all()}
    assert len(stored) == 9
    assert proposals == stored


@pytest.mark.parametrize(
    "body",
    [
        "« Nous ne savons pas encore ce que cela change », a dit Weisse.",
        "«Nous ne savons pas encore ce que cela change», a dit Weisse.",
        "«\u202fNous ne savons pas encore ce que cela change\u202f», a dit Weisse.",
        "«\u00a0Nous ne savons pas encore ce que cela change\u00a0», a dit Weisse.",
        "“Nous ne savons pas encore ce que cela change », a dit Weisse.",
        "« Nous ne savons pas encore ce que cela change ”, a dit Weisse.",
        "“Nous ne savons pas encore ce que cela change”, a dit Weisse.",
        '"Nous ne savons pas encore ce que cela change", a dit Weisse.',
        "„Nous ne savons pas encore ce que cela change“, a dit Weisse.",
        "»Nous ne savons pas encore ce que cela change«, a dit Weisse.",
    ],
)
def test_every_convention_of_quote_marks_and_their_mixtures_is_read(body):
    assert found(body) == [("Nous ne savons pas encore ce que cela change", "Simon Weisse")]


def test_a_quote_inside_a_quote_stays_part_of_it():
    body = (
        "Weisse a cité son mentor : « Il me disait ‹ construis petit, pense grand › "
        "et aussi “ne jette rien”, et je l'ai pris au 'pied de la lettre' toute ma vie », "
        "a raconté le décorateur. "
        "Clark a souri."
    )
    assert found(body) == [
        (
            "Il me disait ‹ construis petit, pense grand › et aussi “ne jette rien”, "
            "et je l'ai pris au 'pied de la lettre' toute ma vie",
            "Simon Weisse",
        )
    ]


@pytest.mark.parametrize("mark", ["«", "“"])
def test_a_quote_running_over_two_paragraphs_is_one_quote(mark):
    closing = {"«": "»", "“": "”"}[mark]
    body = (
        "Guillermo del Toro opened the masterclass with a confession.\n\n"
        f"{mark}I was afraid of monsters for years, and I drew them to stop being afraid.\n\n"
        f"{mark}Then I found out that the monsters were the only ones who understood me{closing}, "
        "he said.\n\n"
        "The audience laughed."
    )
    assert found(body) == [
        (
            "I was afraid of monsters for years, and I drew them to stop being afraid.\n\n"
            "Then I found out that the monsters were the only ones who understood me",
            "Guillermo del Toro",
        )
    ]


def test_paragraphs_typed_in_a_browser_end_with_crlf():
    body = "« Il y a beaucoup de peur dans la salle ? il a insisté.\r\n\r\nClark a continué."
    assert found(body) == [("Il y a beaucoup de peur dans la salle ?", "Dave Clark")]


def test_titles_and_scare_quotes_are_not_proposed():
    body = (
        "Weisse built the miniatures of “Asteroid City” and of «The Grand Budapest Hotel». "
        'He called the process "creative accounting" and said: "Every model starts with a cardboard box."'
    )
    assert found(body) == [("Every model starts with a cardboard box.", "Simon Weisse")]
    assert MINIMUM_WORDS == 4


def test_a_quote_with_no_one_named_near_it_has_no_speaker():
    body = (
        "Dave Clark spoke first about his pitch decks. The room was full. "
        "Many in the audience worked in visual effects. "
        "“We will all have to learn these tools sooner or later,” one of them said. "
        "The session ran late. Nobody left early. Weisse closed the day."
    )
    assert found(body) == [("We will all have to learn these tools sooner or later", None)]


def test_a_pronoun_takes_the_person_named_in_the_sentence_before():
    body = (
        "Christina Caspers-Roemer runs the German studio Trixter. "
        "«Nos clients reviennent toujours au monde réel», a-t-elle déclaré. "
        "Weisse n'était pas d'accord."
    )
    assert found(body) == [("Nos clients reviennent toujours au monde réel", "Christina Caspers-Roemer")]


def test_a_pronoun_takes_the_person_named_in_the_sentence_after_when_none_is_named_before():
    body = (
        "The panel moved on to money.\n\n"
        "“Nobody knows yet who will pay for all of this,” she said.\n\n"
        "Caspers-Roemer went on to describe her clients in Canada."
    )
    assert found(body) == [("Nobody knows yet who will pay for all of this", "Christina Caspers-Roemer")]


def test_an_english_report_attributes_each_quote_to_the_nearest_name():
    body = (
        "Dave Clark and Simon Weisse shared the stage. "
        "“This is a game changer compared with what we are up against,” Clark said. "
        'Weisse was more careful. "I\'m still here, and I will keep building by hand," he told the audience. '
        "“Are we really ready for this?” asked Clark."
    )
    assert found(body) == [
        ("This is a game changer compared with what we are up against", "Dave Clark"),
        ("I'm still here, and I will keep building by hand", "Simon Weisse"),
        ("Are we really ready for this?", "Dave Clark"),
    ]


def test_a_german_report_folds_accents_and_keeps_hyphenated_names_whole():
    roemer = Someone("Paul Roemer")
    body = (
        "Anna Mueller und Christina Caspers-Roemer sprachen über Trixter. "
        "„Wir arbeiten schon lange mit diesen Werkzeugen“, sagte Caspers-Roemer. "
        "»Die Kunden wollen am Ende doch echte Bilder sehen«, ergänzte Muller."
    )
    assert found(body, [MUELLER, CASPERS_ROEMER, roemer]) == [
        ("Wir arbeiten schon lange mit diesen Werkzeugen", "Christina Caspers-Roemer"),
        ("Die Kunden wollen am Ende doch echte Bilder sehen", "Anna Müller"),
    ]


def test_a_name_inside_a_quote_does_not_make_its_speaker():
    body = "« Dave Clark a raison sur un point essentiel, il faut apprendre », a dit Weisse."
    assert found(body) == [("Dave Clark a raison sur un point essentiel, il faut apprendre", "Simon Weisse")]


def test_nothing_is_found_in_an_empty_body():
    assert find_quotes("", PEOPLE) == []
