"""What the quote cards and the quote search's selects cost of the pages that show them, on the
1,000,000-quote archive (build it first with build_archive.py): the measurement behind writing the
card in Python (articles/templatetags/quote_cards.py) and the selects as a template include.

usage: python bench/template_bench.py [--samples 50]

For the quote search by speaker (25 cards and the form's selects), a person's page (25 cards) and a
session's page (all its quotes), each address drawn from a real quote: the whole page through
Django in process; then, with the context the page was made with, its cards alone as the archive
writes them (the quote_card tag), the same cards written as a plain template include
(templates/quote_card.html here, which tests/test_bench_templates.py keeps equal to the tag's), and
the quote search's selects alone (templates/includes/select.html). Each address is fetched once
untimed first, so that rows and templates are in memory.
"""

import argparse
import random
import statistics
import time
from pathlib import Path

from search_bench import percentile
from setup import django_on_bench_database, sample_quotes

BENCH = Path(__file__).resolve().parent
# The loops of each page, with the card's options as that page passes them.
CARD_LOOPS = {
    "quote search (speaker)": ("page", "show_speaker=True show_panel=True"),
    "person page": ("page", "show_panel=True"),
    "session page": ("quotes_of_the_page", "hide_source=single_source"),
}


def timed(function, *args, repeat=1):
    """Milliseconds a call of function(*args) takes, on average over `repeat` calls."""
    started = time.perf_counter()
    for _ in range(repeat):
        function(*args)
    return (time.perf_counter() - started) * 1000 / repeat


def share(times, page):
    """The median of `times`, and its share of the page's median."""
    return f"{statistics.median(times):.2f} ms ({statistics.median(times) / page:.0%})" if times else "–"


def card_templates():
    """{page kind: (the cards as the archive writes them, the cards as a template include)}."""
    from django.template import Engine, engines

    include_engine = Engine(
        dirs=[str(BENCH / "templates")],
        libraries={
            "card_parts": "card_parts",
            "i18n": "django.templatetags.i18n",
            "typography": "articles.templatetags.typography",
        },
    )
    templates = {}
    for kind, (quotes, options) in CARD_LOOPS.items():
        loop = f"{{% for quote in {quotes} %}}{{% quote_card quote {options} %}}{{% endfor %}}"
        tag = engines["django"].from_string("{% load quote_cards %}" + loop)
        include = include_engine.from_string(
            f'{{% for quote in {quotes} %}}{{% include "quote_card.html" with {options} %}}{{% endfor %}}'
        )
        templates[kind] = (tag, include)
    return templates


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()
    django_on_bench_database()

    from django.template import Context, engines
    from django.test import Client
    from django.test.utils import setup_test_environment, teardown_test_environment

    client = Client(HTTP_HOST="localhost")

    def fetched_with_context(url):
        """The page, with the context it was made with (kept only while Django's test
        instrumentation is on, which would slow the timed fetches)."""
        setup_test_environment()
        try:
            response = client.get(url)
        finally:
            teardown_test_environment()
        contexts = response.context  # one per template rendered; each holds the view's context
        context = (contexts[0] if isinstance(contexts, list) else contexts).flatten()
        context["quotes_of_the_page"] = [
            quote for _participation, quotes in context.get("quotes_by_speaker", []) for quote in quotes
        ]
        return response, context

    quotes = sample_quotes(random.Random(13), args.samples)
    templates = card_templates()
    selects = engines["django"].from_string(
        "{% for field, options in filter.fields_with_options %}{% if options %}"
        '{% include "includes/select.html" %}{% endif %}{% endfor %}'
    )
    addresses = {
        "quote search (speaker)": [f"/quotes/?speaker={quote.speaker.slug}" for quote in quotes],
        "person page": [quote.speaker.get_absolute_url() for quote in quotes],
        "session page": [quote.panel.get_absolute_url() for quote in quotes],
    }
    print(f"{args.samples} addresses of each kind; share of the page's p50 in brackets\n")
    print("| page | page p50 / p95 | cards as the tag writes them | cards as a template include | selects |")
    print("|---|---|---|---|---|")
    for kind, urls in addresses.items():
        tag, include = templates[kind]
        pages, tag_times, include_times, select_times = [], [], [], []
        for url in urls:
            response, context = fetched_with_context(url)
            assert response.status_code == 200, (url, response.status_code)
            request = response.wsgi_request
            pages.append(timed(client.get, url))
            tag_times.append(timed(tag.render, context, request, repeat=3))
            include_times.append(timed(include.render, Context(context), repeat=3))
            if "filter" in context:
                select_times.append(timed(selects.render, context, request, repeat=3))
        page = statistics.median(pages)
        print(
            f"| {kind} | {page:.1f} / {percentile(pages, 0.95):.1f} ms | {share(tag_times, page)} "
            f"| {share(include_times, page)} | {share(select_times, page)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
