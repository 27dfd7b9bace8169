"""Every public page runs the same number of SQL queries however much coverage the archive holds."""

import pytest
from django.contrib.sites.models import Site
from django.core.cache import cache

from articles import search
from tests.helpers.archive import build_archive

# page → queries: the page's own rows, then one per prefetched relation, plus count and page for lists.
EXPECTED_QUERIES = {
    "home": 4,
    "festival-list": 2,
    "festival-detail": 2,
    "edition-detail": 4,
    "panel-detail": 8,  # and onward: the same edition, the same topics, the same people
    # people: count and page, plus the letters people file under (then kept in the cache)
    "person-list": 3,
    "person-list-letter": 3,
    "person-detail": 4,
    "topic-list": 1,
    "topic-detail": 6,
    "article-list": 3,
    "article-detail": 6,
    # quotes: count and page, plus the festival, topic and language choices of the form (then kept in
    # the cache until coverage changes), plus each filter's lookup
    "quote-list": 5,
    "quote-list-speaker": 6,
    "quote-list-topic": 6,
    "quote-list-search": 5,
    "quote-list-everything": 9,
    "quote-detail": 1,
    "person-suggest": 1,
    # site search: festivals, people, the ids of matching sessions then their first rows, the ids of
    # matching articles (none match here, so no rows are fetched), the ids of matching quotes
    "site-search": 6,
    # feeds: the festival, topic or person, then the items
    "article-feed": 1,
    "festival-feed": 2,
    "topic-feed": 2,
    "person-feed": 2,
}


# Pages that search text; on PostgreSQL a text search first asks how each language reads the words.
TEXT_SEARCHES = {"quote-list-search", "quote-list-everything", "site-search"}


@pytest.mark.django_db
@pytest.mark.parametrize("size", [1, 6])
def test_every_public_page_runs_a_fixed_number_of_queries(client, django_assert_num_queries, size):
    urls = build_archive(size)
    assert set(urls) == set(EXPECTED_QUERIES)
    for page, url in urls.items():
        cache.clear()  # each page as its first reader gets it: no page and no option list kept yet
        Site.objects.get_current()  # cached once per process, as a running site has it
        expected = EXPECTED_QUERIES[page] + (search.preparation_queries() if page in TEXT_SEARCHES else 0)
        with django_assert_num_queries(expected, info=page):
            response = client.get(url)
        assert response.status_code == 200, page
        if page.startswith("quote-list"):
            assert response.context["page"].paginator.count > 0, f"{page} should find quotes"
