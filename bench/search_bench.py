"""Measure quote search on the benchmark archive (build it first with build_archive.py).

usage: python bench/search_bench.py [--samples N] [--baseline-samples N]

For each kind of query, with parameters drawn from the archive itself:
- page: the whole page rendered by Django (URL routing, filters, queries, template), in process;
- floor: the same SQL statements the page ran, with the same parameters, executed again directly;
- icontains: the naive way (`text__icontains` / `name__icontains`, count and first page), the baseline.
Prints a Markdown table of p50 and p95 in milliseconds.
"""

import argparse
import random
import statistics
import time

from setup import django_on_bench_database, sample_quotes


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def timed(function):
    started = time.perf_counter()
    function()
    return (time.perf_counter() - started) * 1000


def fetched_with_statements(client, url):
    """The response to `url`, and the SQL statements it ran with their parameters."""
    from django.db import connection

    statements = []

    def capture(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(capture):
        response = client.get(url)
    return response, statements


def replay(statements):
    """The statements run again as the page ran them, with their parameters apart: a statement the
    connection has prepared (settings: DATABASE_PREPARED_STATEMENTS) is not planned again."""
    from django.db import connection

    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            cursor.fetchall()


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=100)
    parser.add_argument("--baseline-samples", type=int, default=15)
    args = parser.parse_args()
    django_on_bench_database()

    from django.test import Client

    from articles.models import Person, Quote

    rng = random.Random(7)
    client = Client(HTTP_HOST="localhost")
    quote_count = Quote.objects.count()
    quotes = sample_quotes(rng, args.samples)

    def word_of(quote):
        """A word from a real quote: common words are drawn as often as readers would meet them."""
        return rng.choice(
            [token.strip(".?!,") for token in quote.text.split() if len(token.strip(".?!,")) > 3]
        )

    def phrase_of(quote):
        tokens = [token for token in quote.text.rstrip(".?!").split() if len(token) > 3]
        start = rng.randrange(max(1, len(tokens) - 1))
        return " ".join(tokens[start : start + 2])

    def icontains_page(queryset):
        def run():
            queryset.count()
            list(queryset.order_by("-pk")[:25])

        return run

    kinds = {
        "speaker filter": [
            (
                f"/quotes/?speaker={q.speaker.slug}",
                icontains_page(Quote.objects.filter(speaker__name__icontains=q.speaker.name)),
            )
            for q in quotes
        ],
        "one-word text search": [
            (f"/quotes/?q={word}", icontains_page(Quote.objects.filter(text__icontains=word)))
            for word in (word_of(q) for q in quotes)
        ],
        "phrase search": [
            (f'/quotes/?q="{phrase}"', icontains_page(Quote.objects.filter(text__icontains=phrase)))
            for phrase in (phrase_of(q) for q in quotes)
        ],
        "combined filters": [
            (
                f"/quotes/?q={word}&festival={q.panel.edition.festival.slug}&year={q.panel.edition.year}"
                f"&language={q.language}",
                icontains_page(
                    Quote.objects.filter(
                        text__icontains=word,
                        panel__edition__festival=q.panel.edition.festival,
                        panel__edition__year=q.panel.edition.year,
                        language=q.language,
                    )
                ),
            )
            for word, q in ((word_of(q), q) for q in quotes)
        ],
        "name type-ahead": [
            (
                f"/people/suggest/?q={typed}",
                lambda typed=typed: list(Person.objects.filter(name__icontains=typed)[:8]),
            )
            for typed in (q.speaker.name.split()[-1][:6] for q in quotes)
        ],
    }

    print(f"{quote_count:,} quotes, {Person.objects.count():,} people; {args.samples} samples per kind\n")
    print(
        "| query | page p50 | page p95 | SQL floor p50 | SQL floor p95 | page / floor (p95) "
        "| icontains p50 | faster than icontains (p50) |"
    )
    print("|---|---|---|---|---|---|---|---|")
    for kind, cases in kinds.items():
        for url, _ in cases[:5]:  # warm the caches as a running site would be
            client.get(url)
        pages, floors = [], []
        for url, _ in cases:
            # The page once untimed, its statements kept: page and floor are then both timed with
            # the rows they read already in memory (timed first, the page alone paid for reading them).
            _, statements = fetched_with_statements(client, url)
            response = None

            def get(url=url):
                nonlocal response
                response = client.get(url)

            pages.append(timed(get))
            assert response.status_code == 200, (url, response.status_code)
            floors.append(timed(lambda statements=statements: replay(statements)))
        baselines = [timed(baseline) for _, baseline in cases[: args.baseline_samples]]
        page_p50, page_p95 = statistics.median(pages), percentile(pages, 0.95)
        floor_p50, floor_p95 = statistics.median(floors), percentile(floors, 0.95)
        icontains_p50 = statistics.median(baselines)
        print(
            f"| {kind} | {page_p50:.1f} ms | {page_p95:.1f} ms | {floor_p50:.1f} ms | {floor_p95:.1f} ms "
            f"| {page_p95 / floor_p95:.1f}× | {icontains_p50:.0f} ms | {icontains_p50 / page_p50:.0f}× |",
            flush=True,
        )


if __name__ == "__main__":
    main()
