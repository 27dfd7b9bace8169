"""The demo coverage: the customer's first article, held faithfully and loadable again and again."""

import io
import re

from django.core.management import call_command

from articles.models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic

MODELS = [Festival, Edition, Topic, Person, Panel, Participation, Article, Quote]


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_load_demo_twice_changes_nothing(demo):
    before = counts()
    snapshot = list(Quote.objects.values())
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == before
    assert list(Quote.objects.values()) == snapshot


def test_demo_holds_the_panel_its_people_and_the_article(demo):
    panel = Panel.objects.get()
    assert str(panel.edition) == "Berlinale 2024"
    assert panel.edition.festival.name == "Berlin International Film Festival"
    assert [p.person.name for p in panel.participations.all()] == [
        "Dave Clark",
        "AC Coppens",
        "Christina Caspers-Roemer",
        "Simon Weisse",
    ]
    assert panel.participations.get(person__name="AC Coppens").affiliation == "Founder, The Catalysts"
    article = Article.objects.get()
    assert article.language == "fr"
    assert article.is_public
    assert list(article.panels.all()) == [panel]


def test_every_quote_of_the_seed_article_is_held_verbatim_with_its_speaker(demo, seed_article_text):
    seed_quotes = [
        match.group(1)
        for match in re.finditer(r"[«“]\s*(.+?)\s*(?:[»”]|(?=\s+il a insisté))", seed_article_text)
    ]
    body_quotes = seed_quotes[1:]  # the first is the headline's paraphrase
    assert [quote.text for quote in Quote.objects.order_by("position")] == body_quotes
    speakers = [quote.speaker.name.split()[-1] for quote in Quote.objects.order_by("position")]
    assert speakers == [
        "Clark",
        "Coppens",
        "Clark",
        "Clark",
        "Clark",
        "Caspers-Roemer",
        "Caspers-Roemer",
        "Weisse",
        "Weisse",
    ]


def test_the_demo_body_is_written_anew_not_copied(demo, seed_article_text):
    """Summary and body are our own words: outside the quotes, no sentence of the source is reused."""
    article = Article.objects.get()
    body = article.body
    for quote in Quote.objects.all():
        body = body.replace(quote.text, "")
    source_sentences = [
        s.strip() for s in re.split(r"(?<=[.!?])\s+", seed_article_text) if len(s.strip()) > 40
    ]
    for sentence in source_sentences:
        assert sentence not in body
        assert sentence not in article.summary


def test_demo_data_does_not_need_the_shared_folder():
    from articles.management.commands.load_demo import DEMO_COVERAGE

    assert DEMO_COVERAGE.is_relative_to(DEMO_COVERAGE.parents[1])
    assert list(DEMO_COVERAGE.glob("*.json"))
