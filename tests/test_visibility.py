"""What readers can see follows published coverage, through every way editors change it."""

import datetime
import time

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    PanelFactory,
    ParticipationFactory,
    QuoteFactory,
    TopicFactory,
)

pytestmark = pytest.mark.django_db


def status(client, thing):
    return client.get(thing.get_absolute_url()).status_code


def visible(client, *things):
    return [status(client, thing) == 200 for thing in things]


@pytest.fixture
def covered():
    """A quote on a panel with a topic, reported by a published article."""
    quote = QuoteFactory()
    quote.panel.topics.add(TopicFactory())
    return quote


def everything_around(quote):
    panel = quote.panel
    return [
        quote.article,
        quote,
        panel,
        quote.speaker,
        panel.edition,
        panel.edition.festival,
        panel.topics.get(),
    ]


def test_published_coverage_shows_everything_it_reaches(client, covered):
    assert visible(client, *everything_around(covered)) == [True] * 7


def test_a_draft_shows_nothing_it_reaches(client, covered):
    covered.article.status = Article.Status.DRAFT
    covered.article.save()
    assert visible(client, *everything_around(covered)) == [False] * 7
    assert client.get("/quotes/").context["page"].paginator.count == 0


def test_an_article_scheduled_for_later_appears_when_its_time_comes(client, covered):
    article = covered.article
    article.published_at = timezone.now() + datetime.timedelta(seconds=2)
    article.save()
    assert visible(client, *everything_around(covered)) == [False] * 7

    time.sleep(2.1)  # no save in between: nothing has to run for it to appear

    assert visible(client, *everything_around(covered)) == [True] * 7


def test_moving_a_scheduled_article_to_an_earlier_time_shows_it(client, covered):
    covered.article.published_at = timezone.now() + datetime.timedelta(days=3)
    covered.article.save()
    assert visible(client, covered.article, covered.panel) == [False, False]
    covered.article.published_at = timezone.now() - datetime.timedelta(minutes=1)
    covered.article.save()
    assert visible(client, covered.article, covered.panel) == [True, True]


def test_publishing_sets_the_time_once(covered):
    first = covered.article.published_at
    assert first is not None
    covered.article.status = Article.Status.DRAFT
    covered.article.save()
    covered.article.status = Article.Status.PUBLISHED
    covered.article.save()
    covered.article.refresh_from_db()
    assert covered.article.published_at == first


def test_uncovering_a_panel_hides_it_and_its_people(client, covered):
    other_panel = PanelFactory(edition=covered.panel.edition)
    ParticipationFactory(panel=other_panel)
    article = ArticleFactory()
    article.panels.add(other_panel)
    ArticleFactory().panels.add(covered.panel)  # a second, quote-less article covering the panel
    second = covered.panel.articles.exclude(pk=covered.article_id).get()

    covered.panel.articles.remove(covered.article, second)

    assert visible(client, covered.panel, covered.speaker, covered.panel.topics.get()) == [False] * 3
    assert visible(client, other_panel, other_panel.edition) == [True, True]


def test_clearing_an_articles_panels_hides_them(client, covered):
    covered.article.panels.clear()
    assert visible(client, covered.panel, covered.speaker, covered.panel.edition) == [False] * 3


def test_covering_a_panel_later_shows_its_people(client):
    panel = PanelFactory()
    person = ParticipationFactory(panel=panel).person
    assert visible(client, panel, person) == [False, False]
    panel.articles.add(ArticleFactory())
    assert visible(client, panel, person) == [True, True]


def test_someone_taken_off_stage_is_no_longer_shown(client, covered):
    extra = ParticipationFactory(panel=covered.panel)
    assert visible(client, extra.person) == [True]
    extra.delete()
    assert visible(client, extra.person) == [False]


def test_a_participation_given_to_someone_else_moves_visibility(client, covered):
    extra = ParticipationFactory(panel=covered.panel)
    before = extra.person
    extra.person = ParticipationFactory().person  # someone so far only on an uncovered panel
    extra.save()
    assert visible(client, before, extra.person) == [False, True]


def test_a_panel_moved_to_another_edition_takes_its_visibility_along(client, covered):
    old_edition = covered.panel.edition
    new_edition = EditionFactory(
        year=2026, start_date=datetime.date(2026, 5, 1), end_date=datetime.date(2026, 5, 9)
    )
    covered.panel.edition = new_edition
    covered.panel.date = new_edition.start_date
    covered.panel.save()
    assert visible(client, old_edition, old_edition.festival, new_edition, new_edition.festival) == [
        False,
        False,
        True,
        True,
    ]


def test_a_topic_taken_off_its_only_panel_is_hidden(client, covered):
    topic = covered.panel.topics.get()
    topic.panels.remove(covered.panel)
    assert visible(client, topic) == [False]


def test_deleting_the_only_article_covering_a_panel_hides_it(client):
    panel = PanelFactory()
    person = ParticipationFactory(panel=panel).person
    article = ArticleFactory()
    article.panels.add(panel)
    assert visible(client, panel, person) == [True, True]
    article.delete()
    assert visible(client, panel, person) == [False, False]


def test_someone_on_a_draft_and_a_published_panel_is_shown(client, covered):
    draft_panel = PanelFactory()
    ParticipationFactory(panel=draft_panel, person=covered.speaker)
    ArticleFactory(status=Article.Status.DRAFT).panels.add(draft_panel)
    assert visible(client, covered.speaker, draft_panel) == [True, False]


def test_saving_a_copy_read_before_publication_keeps_it_public(client):
    panel = PanelFactory()
    person = ParticipationFactory(panel=panel).person  # read while nothing covered the panel
    panel.articles.add(ArticleFactory())
    person.bio = "A new bio."
    person.save()
    panel.title = "A new title"
    panel.save()
    assert visible(client, person, panel) == [True, True]
