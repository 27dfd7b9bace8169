"""The site search: people, festivals, sessions, articles and quotes for the words typed, whatever
their accents and case, the first of each in order."""

import datetime

import pytest

from articles.search import site
from tests.factories import ParticipationFactory, QuoteFactory
from tests.helpers.pages import visible_text


def test_site_search_groups_people_sessions_articles_and_quotes(client, demo):
    response = client.get("/search/", {"q": "weisse"})
    assert [person.name for person in response.context["results"]["people"]] == ["Simon Weisse"]
    response = client.get("/search/", {"q": "world building"})
    assert [panel.title for panel in response.context["results"]["panels"]] == [
        "AI and World-Building in Film and TV"
    ]
    response = client.get("/search/", {"q": "hollywood"})
    assert len(response.context["results"]["articles"]) == 1
    assert len(response.context["results"]["quotes"]) >= 1
    headings = [
        line.split(">")[1].split("<")[0] for line in response.content.decode().splitlines() if "<h2" in line
    ]
    assert headings == ["People", "Sessions", "Articles", "Quotes"]


def test_site_search_finds_an_article_by_a_word_of_its_text(db, client):
    QuoteFactory(article__title="Report from Munich", article__body="The Q&A ran over: a long Fragerunde.")
    results = client.get("/search/", {"q": "fragerunde"}).context["results"]
    assert [article.title for article in results["articles"]] == ["Report from Munich"]


def test_a_site_search_that_finds_nothing_says_so_once(client, demo):
    response = client.get("/search/", {"q": "zzyzx"})
    text = visible_text(response)
    assert "Nothing in the archive matches “zzyzx”. Check the spelling, or try fewer words." in text
    assert "<h2" not in response.content.decode().split("<h1")[1]
    partly = visible_text(client.get("/search/", {"q": "outils"}))  # only words said
    assert "Craignez la personne qui utilise ces outils" in partly
    assert "No people match." in partly and "Nothing in the archive" not in partly


@pytest.mark.parametrize(
    ("typed", "session", "article"),
    [
        ("ecrire", True, False),
        ("ÉCRIRE", True, False),
        ("lefevre", False, True),
        ("grosser", False, True),
        ("muller", False, True),
        ("Größer Écrire", False, False),
    ],
)
def test_site_search_finds_sessions_and_articles_whatever_their_accents_and_case(
    db, client, typed, session, article
):
    QuoteFactory(
        participation=ParticipationFactory(panel__title="Écrire pour les plateformes"),
        article__title="Größer als gedacht",
        article__author="Jörg Müller",
        article__summary="Avec Hélène Lefèvre-Dupré et d'autres.",
    )
    results = client.get("/search/", {"q": typed}).context["results"]
    assert [panel.title for panel in results["panels"]] == (
        ["Écrire pour les plateformes"] if session else []
    )
    assert [found.title for found in results["articles"]] == (["Größer als gedacht"] if article else [])


@pytest.mark.parametrize(
    ("typed", "found"), [("ai", ["AI in the writers' room"]), ("AI", ["AI in the writers' room"]),
                         ("writer", ["AI in the writers' room"]), ("aid", []), ("riters", [])],
)  # fmt: skip
def test_site_search_matches_the_beginnings_of_words_not_letters_inside_them(db, client, typed, found):
    QuoteFactory(
        participation__panel__title="AI in the writers' room",
        article__title="AI in the writers' room, reported",
    )
    QuoteFactory(participation__panel__title="Said and done", article__title="Said and done, reported")
    results = client.get("/search/", {"q": typed}).context["results"]
    assert [panel.title for panel in results["panels"]] == found
    assert [article.title for article in results["articles"]] == [f"{title}, reported" for title in found]


@pytest.mark.parametrize(
    ("typed", "found_session"),
    [("cannes", True), ("Festival de Cannes 2025", True), ("cannes 2024", False),
     ("weiss-ozturk", True), ("Öztürk keynote", True), ("öztürk berlinale", False)],
)  # fmt: skip
def test_site_search_finds_sessions_by_festival_year_and_people_on_stage(db, client, typed, found_session):
    keynote = ParticipationFactory(
        panel__title="Keynote",
        panel__edition__festival__name="Festival de Cannes",
        panel__edition__festival__short_name="Cannes",
        person__name="Jürgen Weiß-Öztürk",
    )
    QuoteFactory(participation=keynote)
    QuoteFactory(participation__panel__title="Another keynote", participation__panel__edition__year=2024)
    results = client.get("/search/", {"q": typed}).context["results"]
    assert [panel.title for panel in results["panels"]] == (["Keynote"] if found_session else [])


@pytest.mark.parametrize(
    ("typed", "listed"), [("berlinale", True), ("Berlinale 2024", True), ("2024", False)]
)
def test_site_search_leads_to_a_festival_named(client, demo, typed, listed):
    html = client.get("/search/", {"q": typed}).content.decode()
    assert ('<h2 id="found-festivals">Festivals</h2>' in html) == listed
    assert ('<a href="/festivals/berlinale/">' in html) == listed


@pytest.mark.parametrize("typed", ["", "&&&", "x" * 600, "<script>x</script>"])
def test_site_search_handles_odd_input(client, demo, typed):
    response = client.get("/search/", {"q": typed})
    assert response.status_code == 200
    assert "<script>x</script>" not in response.content.decode()


@pytest.mark.parametrize("candidates", [200, 2], ids=["few-matches", "more-matches-than-candidates"])
def test_site_search_lists_the_first_sessions_and_articles_in_order_however_many_match(
    db, client, monkeypatch, candidates
):
    """Up to FIRST_FOUND_CANDIDATES matches are put in order among themselves; beyond that the
    database lists them in order itself. Either way the reader gets the same first five."""
    monkeypatch.setattr(site, "FIRST_FOUND_CANDIDATES", candidates)
    for day in [5, 1, 4, 2, 6, 3]:
        QuoteFactory(
            participation__panel__title=f"Keynote on day {day}",
            participation__panel__date=datetime.date(2025, 5, day),
            article__title=f"Keynote report {day}",
            article__published_on=datetime.date(2025, 6, day),
        )
    QuoteFactory(participation__panel__title="Another session", article__title="Another report")
    results = client.get("/search/", {"q": "keynote"}).context["results"]
    assert [panel.title for panel in results["panels"]] == [
        f"Keynote on day {day}" for day in [1, 2, 3, 4, 5]
    ]
    assert [article.title for article in results["articles"]] == [
        f"Keynote report {day}" for day in [6, 5, 4, 3, 2]
    ]
