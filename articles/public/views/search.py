"""The site search: everything that matches, grouped by kind."""

from django.shortcuts import render
from django.utils.translation import gettext as _

from ... import search
from ...models import Article, Festival, Panel, Person, Quote

SITE_SEARCH_RESULTS = 5


def site_search(request):
    """Festivals, people, sessions, articles and quotes that match what was typed."""
    text = request.GET.get("q", "").strip()
    notice = None
    if len(text) > 500:
        notice = _("Searches are limited to 500 characters; the rest was left out.")
        text = text[:500]
    results = {}
    if search.has_words(text):
        results = found_in_each_kind(text)
    elif text:
        notice = _("Type at least one word to search for.")
    return render(
        request,
        "articles/site_search.html",
        {
            "search_text": text,
            "results": results,
            "found_anything": any(results.values()),
            "notice": notice,
        },
    )


def found_in_each_kind(text):
    quotes = Quote.objects.in_context().public()
    panels, articles = Panel.objects.public().with_edition(), Article.objects.public()
    count = SITE_SEARCH_RESULTS
    return {
        "festivals": search.search_festivals(Festival.objects.public().by_local_name(), text)[:count],
        "people": search.suggest_people(Person.objects.public(), text, limit=count),
        "panels": search.first_found(search.search_panels(panels, text), rows=panels, count=count),
        "articles": search.first_found(search.search_articles(articles, text), rows=articles, count=count),
        "quotes": search.RankedResults(
            search.search_quotes(quotes, text), rows=quotes, order=["-search_rank", "-pk"]
        )[:count],
    }
