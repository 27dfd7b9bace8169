"""Measure the editors' admin on the benchmark archive (build it first with build_archive.py).

usage: python bench/admin_bench.py [--samples N]

Each page is fetched whole through Django (login, changelist or autocomplete, queries, template), in
process, as a superuser; parameters are drawn from the archive. Prints a Markdown table of p50, p95
and the number of SQL queries of each page.
"""

import argparse
import random
import statistics
import time

from setup import django_on_bench_database


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=30)
    args = parser.parse_args()
    django_on_bench_database()

    from django.contrib.auth.models import User
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article, Festival, Panel, Person, Quote

    rng = random.Random(11)
    user, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)

    def some(model, k, **filters):
        top = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        ids = [rng.randrange(1, top + 1) for _ in range(k * 3)]
        return list(model.objects.filter(pk__in=ids, **filters).order_by("?")[:k])

    n = args.samples
    people = some(Person, n)
    festivals = list(Festival.objects.all())
    articles = some(Article, n)
    panels = some(Panel, n)
    quotes = some(Quote, n)
    words = [
        rng.choice([w for w in q.text.split() if len(w) > 5] or ["festival"]).strip(".,?!") for q in quotes
    ]

    def autocomplete(model, field, term):
        return f"/admin/autocomplete/?app_label=articles&model_name={model}&field_name={field}&term={term}"

    pages = {
        "quotes, first page": ["/admin/articles/quote/"] * n,
        "quotes, a later page": [f"/admin/articles/quote/?p={rng.randrange(2, 2000)}" for _ in range(n)],
        "quotes by festival": [
            f"/admin/articles/quote/?panel__edition__festival__id__exact={rng.choice(festivals).pk}"
            for _ in range(n)
        ],
        "quotes by language": [
            f"/admin/articles/quote/?language={rng.choice(['fr', 'de', 'es'])}" for _ in range(n)
        ],
        "quotes, search a word": [f"/admin/articles/quote/?q={word}" for word in words],
        "people, first page": ["/admin/articles/person/"] * n,
        "people, search a name": [f"/admin/articles/person/?q={p.name.split()[-1]}" for p in people],
        "articles, first page": ["/admin/articles/article/"] * n,
        "articles, published in a year": [
            f"/admin/articles/article/?published_on__year={rng.randrange(2014, 2026)}" for _ in range(n)
        ],
        "sessions, first page": ["/admin/articles/panel/"] * n,
        "a quote's change page": [f"/admin/articles/quote/{q.pk}/change/" for q in quotes],
        "an article's change page": [f"/admin/articles/article/{a.pk}/change/" for a in articles],
        "autocomplete: speaker": [autocomplete("quote", "speaker", p.name.split()[-1][:5]) for p in people],
        "autocomplete: session": [autocomplete("quote", "panel", p.title.split()[0][:5]) for p in panels],
        "autocomplete: article": [autocomplete("quote", "article", a.title.split()[0][:5]) for a in articles],
        "autocomplete: participant": [
            autocomplete("participation", "person", p.name.split()[0][:4]) for p in people
        ],
    }

    print(
        f"{Quote.objects.count():,} quotes, {Person.objects.count():,} people, "
        f"{Article.objects.count():,} articles; {n} samples per page\n"
    )
    print("| page | p50 | p95 | SQL queries |")
    print("|---|---|---|---|")
    for name, urls in pages.items():
        client.get(urls[0])  # warm as a running site would be
        times = []
        for url in urls:
            started = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        with CaptureQueriesContext(connection) as captured:
            client.get(urls[0])
        print(
            f"| {name} | {statistics.median(times):.0f} ms | {percentile(times, 0.95):.0f} ms "
            f"| {len(captured.captured_queries)} |",
            flush=True,
        )


if __name__ == "__main__":
    main()
