"""Measure site search (/search/?q=…) on the benchmark archive (build it first with build_archive.py).

usage: python bench/site_search_bench.py [--samples N]

For each kind of words readers type, drawn from the archive: the whole page through Django, in
process, each address fetched once untimed first; and its slowest SQL statement. Prints a Markdown
table of p50 and p95 in milliseconds.
"""

import argparse
import random
import statistics
import time

from search_bench import percentile, timed
from setup import django_on_bench_database, sample_quotes


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=50)
    args = parser.parse_args()
    django_on_bench_database()

    from django.db import connection
    from django.test import Client

    from articles.models import Quote

    rng = random.Random(7)
    client = Client(HTTP_HOST="localhost")
    quotes = sample_quotes(rng, args.samples)

    def words_of(text):
        return [word.strip(".?!,") for word in text.split() if len(word.strip(".?!,")) > 1]

    kinds = {
        "a surname": [quote.speaker.name.split()[-1] for quote in quotes],
        "a word said": [rng.choice(words_of(quote.text)) for quote in quotes],
        "festival and year": [
            f"{quote.panel.edition.festival.name} {quote.panel.edition.year}" for quote in quotes
        ],
        "two words of a session's title": [
            " ".join(rng.sample(words_of(quote.panel.title), 2)) if len(words_of(quote.panel.title)) > 1
            else quote.panel.title
            for quote in quotes
        ],
        "a two-letter word": [rng.choice(["ai", "tv", "we", "de", "of", "vr", "la"]) for _ in quotes],
    }  # fmt: skip

    print(f"{Quote.objects.count():,} quotes; {args.samples} samples per kind\n")
    print("| words typed | page p50 | page p95 | slowest statement p50 | slowest statement p95 |")
    print("|---|---|---|---|---|")
    for kind, typed in kinds.items():
        pages, slowest = [], []
        for text in typed:
            client.get("/search/", {"q": text})
            statements = []

            def measure(execute, sql, params, many, context, statements=statements):
                started = time.perf_counter()
                try:
                    return execute(sql, params, many, context)
                finally:
                    statements.append((time.perf_counter() - started) * 1000)

            with connection.execute_wrapper(measure):
                pages.append(timed(lambda text=text: client.get("/search/", {"q": text})))
            slowest.append(max(statements))
        print(
            f"| {kind} | {statistics.median(pages):.1f} ms | {percentile(pages, 0.95):.1f} ms "
            f"| {statistics.median(slowest):.1f} ms | {percentile(slowest, 0.95):.1f} ms |",
            flush=True,
        )


if __name__ == "__main__":
    main()
