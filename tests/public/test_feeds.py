"""Atom feeds of coverage (all, per festival, per topic) and of a person's quotes, which feed readers
parse without errors, linked from the pages they follow."""

import feedparser
import pytest

from articles.models import Article
from tests.factories import ArticleFactory, PanelFactory, QuoteFactory, TopicFactory

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_coverage_feed_lists_published_articles_latest_first(client, demo, settings):
    draft = ArticleFactory(title="Not yet published", status=Article.Status.DRAFT)
    feed = parsed(client, "/articles/feed.atom")
    titles = [entry.title for entry in feed.entries]
    assert titles == list(Article.objects.public().order_by("-published_at").values_list("title", flat=True))
    assert draft.title not in titles
    article = Article.objects.public().first()
    entry = feed.entries[0]
    assert entry.link == f"http://{settings.SITE_DOMAIN}{article.get_absolute_url()}"
    assert article.summary[:40] in entry.summary


def test_a_festival_feed_holds_only_that_festivals_coverage(client, db):
    here, elsewhere = PanelFactory(), PanelFactory()
    covering_here = ArticleFactory(title="At this festival")
    covering_here.panels.add(here)
    ArticleFactory(title="At another festival").panels.add(elsewhere)
    feed = parsed(client, f"/festivals/{here.edition.festival.slug}/feed.atom")
    assert [entry.title for entry in feed.entries] == ["At this festival"]
    assert here.edition.festival.name in feed.feed.title


def test_a_topic_feed_holds_the_coverage_of_its_sessions(client, db):
    topic = TopicFactory(name="Dubbing")
    panel = PanelFactory()
    panel.topics.add(topic)
    ArticleFactory(title="Voices in every language").panels.add(panel)
    ArticleFactory(title="Off topic").panels.add(PanelFactory())
    feed = parsed(client, f"/topics/{topic.slug}/feed.atom")
    assert [entry.title for entry in feed.entries] == ["Voices in every language"]


def test_a_person_feed_holds_their_quotes_escaped(client, db, settings):
    quote = QuoteFactory(text='We said <script>alert("x")</script> on stage & off it')
    QuoteFactory(text="Somebody else entirely")
    response = client.get(f"/people/{quote.speaker.slug}/feed.atom")
    assert b"<script>" not in response.content
    feed = parsed(client, f"/people/{quote.speaker.slug}/feed.atom")
    assert len(feed.entries) == 1
    assert feed.entries[0].link == f"http://{settings.SITE_DOMAIN}{quote.get_absolute_url()}"
    assert "&lt;script&gt;" in feed.entries[0].summary
    assert quote.speaker.name in feed.feed.title


def test_a_person_feed_quotes_in_the_marks_of_its_language_with_the_affiliation_at_the_time(client, db):
    quote = QuoteFactory(text="On découvre « ensemble » un film.", language="fr")
    url = f"/people/{quote.speaker.slug}/feed.atom"
    french = parsed(client, f"/fr{url}").entries[0]
    assert french.title.startswith("«\u00a0On découvre “ensemble” un film.\u00a0» — ")
    assert f"{quote.speaker.name}, Producer, Example Films, {quote.panel.title}" in french.summary
    assert parsed(client, f"/de{url}").entries[0].title.startswith("„On découvre ‚ensemble‘ un film.“")
    english = parsed(client, url).entries[0]
    assert english.title.startswith("“On découvre ‘ensemble’ un film.”")
    assert english.author == quote.speaker.name
    assert english.published_parsed[:3] == quote.article.published_at.timetuple()[:3]


def test_feeds_of_unknown_things_are_not_found(client, db):
    for url in ("/festivals/nowhere/feed.atom", "/people/nobody/feed.atom", "/topics/nothing/feed.atom"):
        assert client.get(url).status_code == 404


def test_pages_link_their_feeds(client, demo):
    quote = QuoteFactory()
    person = quote.speaker
    html = client.get(person.get_absolute_url()).content.decode()
    assert f'<link rel="alternate" type="application/atom+xml" title="Quotes by {person.name}" ' in html
    assert f'href="/people/{person.slug}/feed.atom">' in html
    assert 'href="/articles/feed.atom"' in client.get("/").content.decode()
