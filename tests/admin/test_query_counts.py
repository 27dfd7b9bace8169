"""Every admin page an editor opens runs the same number of SQL queries however much the archive
holds: an article's quotes, a session's people, a person's sessions, a record's versions, what a
deletion takes along (bench/admin_bench.py measures them on a million quotes)."""

import pytest
from django.contrib.redirects.models import Redirect
from django.urls import reverse

from articles.models import Article, Edition, Panel, Person, Quote, ReaderComment
from tests.factories import (
    ArticleFactory,
    EditionFactory,
    FestivalFactory,
    ParticipationFactory,
    QuoteFactory,
    ReaderCommentFactory,
    TopicFactory,
)
from tests.helpers.admin_forms import admin_url

# page → queries: the session and the user, then the page's own.
EXPECTED_QUERIES = {
    "festival": 4,
    "edition": 4,
    "session": 8,
    "person": 6,
    "article": 9,
    "quote": 10,
    "comment": 3,
    "history: session": 7,
    "history: person": 7,
    "history: article": 7,
    "history: quote": 10,
    "delete: edition": 4,
    "delete: session": 7,
    "delete: person": 5,
    "delete: article": 7,
    "delete: quote": 4,
    "merge two people": 9,
    "find quotes": 10,
    "autocomplete: speaker": 6,
    "autocomplete: session": 6,
    "autocomplete: edition": 5,
    "autocomplete: article": 6,
}


def archive(size):
    """A festival of `size` editions; a session of `size` + 1 people on stage, covered by an article
    quoting them `size` × 3 times, with `size` readers' comments; one of those people on `size`
    sessions; `size` versions of each. Returns one address for each kind of page."""
    festival = FestivalFactory(name="Festival of Words")
    editions = [EditionFactory(festival=festival, year=2020 + number) for number in range(size)]
    first = ParticipationFactory(panel__edition=editions[0])
    panel, person = first.panel, first.person
    panel.topics.add(TopicFactory())
    on_stage = [first, *(ParticipationFactory(panel=panel) for _ in range(size))]
    for edition in editions[1:]:
        ParticipationFactory(person=person, panel__edition=edition)
    article = ArticleFactory(body="“Words said on stage by someone who spoke at length about it,” they said.")
    for number in range(size * 3):
        QuoteFactory(participation=on_stage[number % len(on_stage)], article=article, language="fr")
    quote, other = article.quotes.first(), on_stage[1].person
    for _ in range(size):
        ReaderCommentFactory(content_object=article, is_public=False)
        for record in (panel, person, article, quote):
            record.save()  # a version each time

    def autocomplete(model, field, term):
        query = f"app_label=articles&model_name={model}&field_name={field}&term={term}"
        return f"{reverse('admin:autocomplete')}?{query}"

    return {
        "festival": admin_url(festival.__class__, "change", festival.pk),
        "edition": admin_url(Edition, "change", editions[0].pk),
        "session": admin_url(Panel, "change", panel.pk),
        "person": admin_url(Person, "change", person.pk),
        "article": admin_url(Article, "change", article.pk),
        "quote": admin_url(Quote, "change", quote.pk),
        "comment": admin_url(ReaderComment, "change", ReaderComment.objects.first().pk),
        "history: session": admin_url(Panel, "history", panel.pk),
        "history: person": admin_url(Person, "history", person.pk),
        "history: article": admin_url(Article, "history", article.pk),
        "history: quote": admin_url(Quote, "history", quote.pk),
        "delete: edition": admin_url(Edition, "delete", editions[0].pk),
        "delete: session": admin_url(Panel, "delete", panel.pk),
        "delete: person": admin_url(Person, "delete", person.pk),
        "delete: article": admin_url(Article, "delete", article.pk),
        "delete: quote": admin_url(Quote, "delete", quote.pk),
        "merge two people": f"{reverse('admin:articles_person_merge')}?ids={person.pk},{other.pk}",
        "find quotes": admin_url(Article, "find_quotes", article.pk),
        "autocomplete: speaker": autocomplete("quote", "speaker", person.name.split()[0]),
        "autocomplete: session": autocomplete("quote", "panel", "Session"),
        "autocomplete: edition": autocomplete("panel", "edition", "Festival"),
        "autocomplete: article": autocomplete("quote", "article", "Report"),
    }


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_every_admin_page_runs_a_fixed_number_of_queries(admin_client, django_assert_num_queries, size):
    Redirect.objects.create(site_id=1, old_path="/old/", new_path="/new/")
    urls = archive(size)
    assert set(urls) == set(EXPECTED_QUERIES)
    for url in urls.values():
        admin_client.get(url)  # what a running site has looked up once (the site, content types)
    for page, url in urls.items():
        with django_assert_num_queries(EXPECTED_QUERIES[page], info=page):
            response = admin_client.get(url)
        assert response.status_code == 200, page
