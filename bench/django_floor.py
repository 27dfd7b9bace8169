"""How near a quote search page can come to its SQL floor through Django at all (build the archive
first with build_archive.py).

usage: python bench/django_floor.py [--samples N]

For the speaker filter and combined filters of search_bench.py, each address fetched once untimed
and then timed, in process:
- page: the whole page, as search_bench.py times it;
- SQL floor: the statements the page ran, replayed on the same connection;
- ORM: the same statements made by the ORM as the view makes them (the same querysets, articles/search/,
  the paginator) and their rows made into models, without django-filter, form or template;
- request: /robots.txt, a view that queries nothing and renders no template, through every middleware;
- base template: base.html with an empty content block, rendered for the page's request.
Prints p50 and p95 in milliseconds, each also as a multiple of the SQL floor's.
"""

import argparse
import random
import statistics

from search_bench import fetched_with_statements, percentile, replay, timed
from setup import django_on_bench_database, sample_quotes


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    django_on_bench_database()

    from django.template import engines
    from django.test import Client

    from articles import search
    from articles.models import Festival, Person, Quote
    from articles.models.quotes import QUOTES_LATEST_FIRST
    from articles.public.pagination import BoundedPaginator

    rng = random.Random(7)
    client = Client(HTTP_HOST="localhost")
    quotes = sample_quotes(rng, args.samples)
    empty_page = engines["django"].from_string('{% extends "base.html" %}')

    def first_page(rows):
        page = BoundedPaginator(rows, 25).page(1)
        return page.paginator.count, list(page)

    def speaker_orm(quote):
        person = Person.objects.public().get(slug=quote.speaker.slug)
        return first_page(
            Quote.objects.in_context().public().filter(speaker=person).order_by(*QUOTES_LATEST_FIRST)
        )

    def word_of(quote):
        return rng.choice(
            [token.strip(".?!,") for token in quote.text.split() if len(token.strip(".?!,")) > 3]
        )

    def combined_orm(quote, word):
        edition = quote.panel.edition
        festival = Festival.objects.public().get(slug=edition.festival.slug)
        shown = Quote.objects.in_context().public()
        filtered = shown.filter(
            panel__edition__festival=festival, panel__edition__year=edition.year, language=quote.language
        )
        return first_page(
            search.RankedResults(
                search.search_quotes(filtered, word), rows=shown, order=["-search_rank", "-pk"]
            )
        )

    kinds = {
        "speaker filter": [
            (f"/quotes/?speaker={quote.speaker.slug}", lambda quote=quote: speaker_orm(quote))
            for quote in quotes
        ],
        "combined filters": [
            (
                f"/quotes/?q={word}&festival={quote.panel.edition.festival.slug}"
                f"&year={quote.panel.edition.year}&language={quote.language}",
                lambda quote=quote, word=word: combined_orm(quote, word),
            )
            for quote, word in ((quote, word_of(quote)) for quote in quotes)
        ],
    }

    print(f"{len(quotes)} samples per kind; p50 / p95 in ms, (× the SQL floor's p50 / p95)\n")
    print("| query | SQL floor | ORM | request | base template | ORM + request + base | page |")
    print("|---|---|---|---|---|---|---|")
    for kind, cases in kinds.items():
        for url, _ in cases[:5]:
            client.get(url)
        times = {name: [] for name in ("floor", "orm", "request", "base", "page")}
        for url, orm in cases:
            response, statements = fetched_with_statements(client, url)
            orm()
            times["page"].append(timed(lambda url=url: client.get(url)))
            times["floor"].append(timed(lambda statements=statements: replay(statements)))
            times["orm"].append(timed(orm))
            times["request"].append(timed(lambda: client.get("/robots.txt")))
            times["base"].append(timed(lambda request=response.wsgi_request: empty_page.render({}, request)))
        figures = {
            name: (statistics.median(values), percentile(values, 0.95)) for name, values in times.items()
        }
        floor = figures["floor"]
        figures["sum"] = tuple(sum(figures[name][at] for name in ("orm", "request", "base")) for at in (0, 1))

        def cell(name, figures=figures, floor=floor):
            p50, p95 = figures[name]
            return f"{p50:.1f} / {p95:.1f} ({p50 / floor[0]:.1f}× / {p95 / floor[1]:.1f}×)"

        print(
            f"| {kind} | {floor[0]:.1f} / {floor[1]:.1f} | {cell('orm')} | {cell('request')} "
            f"| {cell('base')} | {cell('sum')} | {cell('page')} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
