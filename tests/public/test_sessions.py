"""The session page: when, where, who was on stage and what they said, and where to go on from it."""

import datetime

from articles.models import Panel, Quote
from tests.factories import (
    ArticleFactory,
    PanelFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
)
from tests.helpers.demo import PANEL_URL
from tests.helpers.pages import visible_text


def test_panel_page_shows_when_where_who_what_and_coverage(client, demo):
    text = visible_text(client.get(PANEL_URL))
    assert "Saturday, Feb. 17, 2024" in text
    assert "Berlin" in text
    for name, affiliation in [
        ("Dave Clark", "Director, Los Angeles; represented by Secret Level"),
        ("AC Coppens", "Founder, The Catalysts"),
        ("Christina Caspers-Roemer", "Managing director, Trixter"),
        ("Simon Weisse", "Miniatures specialist and prop maker, Berlin"),
    ]:
        assert f"{name} Panelist {affiliation}" in text
    for quote in Quote.objects.all():
        assert quote.text in text
    assert "Berlin débat de la menace" in text
    for topic in ["Artificial intelligence", "Visual effects", "Jobs", "Miniatures"]:
        assert topic in text


def test_panel_page_groups_quotes_by_speaker_in_stage_order(client, demo):
    text = visible_text(client.get(PANEL_URL))
    said = text[text.index("What they said") :]
    clark, coppens, caspers, weisse = (
        said.index(name) for name in ["Dave Clark", "AC Coppens", "Christina Caspers-Roemer", "Simon Weisse"]
    )
    assert clark < coppens < caspers < weisse
    clark_quotes = Quote.objects.filter(speaker__slug="dave-clark")
    assert clark_quotes.count() == 4
    assert all(clark < said.index(quote.text) < coppens for quote in clark_quotes)


def test_press_conferences_and_keynotes_show_their_kind(client, db):
    quote = QuoteFactory(
        participation__panel__kind=Panel.Kind.PRESS_CONFERENCE, participation__role="keynote"
    )
    text = visible_text(client.get(quote.panel.get_absolute_url()))
    assert "Press conference" in text
    assert "Keynote speaker" in text


def covered(panel):
    """The panel, made public by a published article covering it."""
    ArticleFactory().panels.add(panel)
    return panel


def test_a_panel_page_leads_on_to_the_same_edition_topics_and_people(client, db):
    topic = TopicFactory(name="Streaming")
    person = PersonFactory(name="Ada Onward")
    panel = covered(PanelFactory(title="This session"))
    panel.topics.add(topic)
    ParticipationFactory(panel=panel, person=person)
    same_edition = covered(PanelFactory(title="Next door", edition=panel.edition))
    same_topic = covered(PanelFactory(title="Streaming elsewhere"))
    same_topic.topics.add(topic)
    same_person = covered(PanelFactory(title="Ada again"))
    ParticipationFactory(panel=same_person, person=person)
    unpublished = PanelFactory(title="Not yet covered", edition=panel.edition)
    unpublished.topics.add(topic)
    ParticipationFactory(panel=unpublished, person=person)

    response = client.get(panel.get_absolute_url())
    onward = visible_text(response).split("More sessions", 1)[1]
    assert f"Also at {panel.edition} Next door" in onward
    assert f"On the same topics Streaming elsewhere {same_topic.edition}" in onward
    assert f"The same people elsewhere Ada again {same_person.edition} · Ada Onward" in onward
    assert "Not yet covered" not in onward
    assert "This session" not in onward
    html = response.content.decode()
    for other in (same_edition, same_topic, same_person):
        assert html.count(f'href="{other.get_absolute_url()}"') == 1


def test_a_session_sharing_topics_and_people_is_listed_once_among_the_onward_links(client, db):
    topic, person = TopicFactory(), PersonFactory(name="Ada Onward")
    panel = covered(PanelFactory(title="This session"))
    both = covered(PanelFactory(title="Ada on streaming again"))
    for session in (panel, both):
        session.topics.add(topic)
        ParticipationFactory(panel=session, person=person)

    onward = visible_text(client.get(panel.get_absolute_url())).split("More sessions", 1)[1]

    assert onward.count("Ada on streaming again") == 1
    assert "The same people elsewhere Ada on streaming again" in onward
    assert "On the same topics" not in onward


def test_a_panel_alone_in_the_archive_has_no_onward_links(client, db):
    panel = covered(PanelFactory())
    assert "More sessions" not in visible_text(client.get(panel.get_absolute_url()))


def test_sessions_on_the_same_topics_are_listed_latest_first(client, db):
    topic = TopicFactory()
    panel = covered(PanelFactory(title="This session"))
    panel.topics.add(topic)
    for year in (2019, 2025, 2022):
        other = covered(
            PanelFactory(title=f"Streaming in {year}", edition__year=year, date=datetime.date(year, 5, 12))
        )
        other.topics.add(topic)

    onward = visible_text(client.get(panel.get_absolute_url())).split("On the same topics", 1)[1]

    assert [onward.index(f"Streaming in {year}") for year in (2025, 2022, 2019)] == sorted(
        onward.index(f"Streaming in {year}") for year in (2025, 2022, 2019)
    )
