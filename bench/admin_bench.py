"""Measure the editors' admin on the benchmark archive (build it first with build_archive.py).

usage: python bench/admin_bench.py [--samples N] [--only WORDS]

Every admin page an editor opens, fetched whole through Django (session, view, queries, template),
in process, as a superuser, with parameters drawn from the archive: the index, each list with its
filters and searches, each change, add, delete and history page, the import, "Find quotes" and
"Merge people" pages, the autocompletes, and saving an article's page. Prints a Markdown table of
each page's p50 and p95, the size of its largest answer, its SQL queries (the fewest and the most
of five samples) and whether it meets the targets: p95 within 300 ms and answers within 300 KB.

The archive has no readers' comments, change history or redirects: they are added for the run, in
a transaction rolled back at its end (as is saving an article), so that the archive stays as built.
"""

import argparse
import random
import statistics
import time
from contextlib import contextmanager

from setup import django_on_bench_database

TARGET_MS = 300
TARGET_KB = 300
COMMENTS = 100_000
VERSIONS = 12  # of each record whose history is opened
QUERY_SAMPLES = 5


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def body_of(response):
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.content


class Archive:
    """Parameters drawn from the archive, each list `n` long."""

    def __init__(self, rng, n):
        from articles.models import Article, Edition, Festival, Panel, Person, Quote

        self.rng, self.n = rng, n
        self.festivals = list(Festival.objects.order_by("pk"))
        self.editions = self.some(Edition)
        self.people = self.some(Person, participations__isnull=False)
        self.panels = self.some(Panel, quotes__isnull=False)
        self.quotes = self.some(Quote)
        self.articles = self.some(Article)
        self.articles_of_50 = self.articles_with_quotes(45, 55)
        self.article_most = Article.objects.get(pk=self.articles_with_quotes(0, 10_000, most=True)[0])
        self.words = [self.word_of(quote.text) for quote in self.quotes]
        self.common_words = self.common()
        self.pairs = self.people_on_one_stage()

    def some(self, model, **filters):
        top = model.objects.order_by("-pk").values_list("pk", flat=True).first()
        ids = [self.rng.randrange(1, top + 1) for _ in range(self.n * 4)]
        found = list(model.objects.filter(pk__in=ids, **filters).distinct().order_by("pk")[: self.n])
        self.rng.shuffle(found)
        return found

    def articles_with_quotes(self, fewest, most_quotes, most=False):
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT article_id FROM articles_quote GROUP BY article_id HAVING count(*) BETWEEN %s AND %s "
                "ORDER BY count(*) DESC, article_id LIMIT %s",
                [fewest, most_quotes, 1 if most else 5000],
            )
            ids = [row[0] for row in cursor.fetchall()]
        return ids if most else self.rng.sample(ids, min(self.n, len(ids)))

    def word_of(self, text):
        words = [word.strip(".,?!") for word in text.split() if len(word) > 5]
        return self.rng.choice(words or ["festival"])

    def common(self):
        """The words of the archive's vocabulary that quotes hold most often (Zipf: the first ones)."""
        from build_archive import VOCABULARY

        return [VOCABULARY[language].split()[rank] for language in ("en", "fr") for rank in range(15)]

    def people_on_one_stage(self):
        pairs = []
        for panel in self.panels:
            on_stage = list(panel.participations.values_list("person_id", flat=True)[:2])
            if len(on_stage) == 2:
                pairs.append(on_stage)
        return pairs

    def pick(self, items):
        return [self.rng.choice(items) for _ in range(self.n)]


def autocomplete(model, field, term):
    return f"/admin/autocomplete/?app_label=articles&model_name={model}&field_name={field}&term={term}"


def lists(a):
    """The lists, unfiltered, filtered, searched and paged."""
    festival_ids = [festival.pk for festival in a.festivals]
    adm = "/admin/articles"
    return {
        "index": ["/admin/"] * a.n,
        "the archive's models (app index)": ["/admin/articles/"] * a.n,
        "festivals": [f"{adm}/festival/"] * a.n,
        "festivals, search a name": [f"{adm}/festival/?q={f.city}" for f in a.pick(a.festivals)],
        "editions": [f"{adm}/edition/"] * a.n,
        "editions of a festival": [f"{adm}/edition/?festival__id__exact={f}" for f in a.pick(festival_ids)],
        "editions, search a festival and year": [
            f"{adm}/edition/?q={f.city}+{a.rng.randrange(2014, 2026)}" for f in a.pick(a.festivals)
        ],
        "sessions": [f"{adm}/panel/"] * a.n,
        "sessions, a later page": [f"{adm}/panel/?p={a.rng.randrange(2, 200)}" for _ in range(a.n)],
        "sessions by festival and year": [
            f"{adm}/panel/?edition__festival__id__exact={a.rng.choice(festival_ids)}"
            f"&edition__year={a.rng.randrange(2014, 2026)}"
            for _ in range(a.n)
        ],
        "sessions by kind and topic": [
            f"{adm}/panel/?kind=keynote&topics__id__exact={a.rng.randrange(1, 41)}" for _ in range(a.n)
        ],
        "sessions, search a common word": [f"{adm}/panel/?q={w}" for w in a.pick(a.common_words[:15])],
        "sessions, search a rare word": [f"{adm}/panel/?q={w}" for w in a.words],
        "people": [f"{adm}/person/"] * a.n,
        "people, a later page": [f"{adm}/person/?p={a.rng.randrange(2, 1000)}" for _ in range(a.n)],
        "people by festival and role": [
            f"{adm}/person/?participations__panel__edition__festival__id__exact={f}"
            f"&participations__role=moderator"
            for f in a.pick(festival_ids)
        ],
        "people, search a name": [f"{adm}/person/?q={p.name.split()[-1]}" for p in a.people],
        "topics": [f"{adm}/topic/"] * a.n,
        "topics of a festival": [
            f"{adm}/topic/?panels__edition__festival__id__exact={f}" for f in a.pick(festival_ids)
        ],
        "topics, search a word": [f"{adm}/topic/?q={w}" for w in a.pick(a.common_words[:15])],
        "articles": [f"{adm}/article/"] * a.n,
        "articles, a later page": [f"{adm}/article/?p={a.rng.randrange(2, 400)}" for _ in range(a.n)],
        "articles published in a year": [
            f"{adm}/article/?published_on__year={a.rng.randrange(2014, 2026)}" for _ in range(a.n)
        ],
        "articles by status, language and festival": [
            f"{adm}/article/?status=draft&language=fr&panels__edition__festival__id__exact={f}"
            for f in a.pick(festival_ids)
        ],
        "articles, search a common word": [f"{adm}/article/?q={w}" for w in a.pick(a.common_words)],
        "articles, search a rare word": [f"{adm}/article/?q={w}" for w in a.words],
        "quotes": [f"{adm}/quote/"] * a.n,
        "quotes, a later page": [f"{adm}/quote/?p={a.rng.randrange(2, 2000)}" for _ in range(a.n)],
        "quotes by festival": [
            f"{adm}/quote/?panel__edition__festival__id__exact={f}" for f in a.pick(festival_ids)
        ],
        "quotes by language and status": [
            f"{adm}/quote/?language={a.rng.choice(['fr', 'de', 'es'])}&article__status=draft"
            for _ in range(a.n)
        ],
        "quotes, search a common word": [f"{adm}/quote/?q={w}" for w in a.pick(a.common_words)],
        "quotes, search a rare word": [f"{adm}/quote/?q={w}" for w in a.words],
        "quotes, search a speaker": [f"{adm}/quote/?q={p.name.split()[-1]}" for p in a.people],
        "comments": ["/admin/articles/readercomment/"] * a.n,
        "comments awaiting moderation": ["/admin/articles/readercomment/?status=pending"] * a.n,
        "comments, search a word": [f"/admin/articles/readercomment/?q={w}" for w in a.pick(a.common_words)],
        "redirects": ["/admin/redirects/redirect/"] * a.n,
        "redirects, search an address": [f"/admin/redirects/redirect/?q=report-{a.rng.randrange(900)}"] * a.n,
    }


def forms(a, comments, redirects):
    """Change, add, delete and history pages, and the article admin's own pages."""
    adm = "/admin/articles"
    pages = {
        "a festival (its editions inline)": [f"{adm}/festival/{f.pk}/change/" for f in a.pick(a.festivals)],
        "an edition": [f"{adm}/edition/{e.pk}/change/" for e in a.editions],
        "a session (who was on stage inline)": [f"{adm}/panel/{p.pk}/change/" for p in a.panels],
        "a person (their sessions inline)": [f"{adm}/person/{p.pk}/change/" for p in a.people],
        "a topic": [f"{adm}/topic/{a.rng.randrange(1, 41)}/change/" for _ in range(a.n)],
        "an article (45–55 quotes inline)": [f"{adm}/article/{pk}/change/" for pk in a.articles_of_50],
        f"the article with most quotes ({a.article_most.quotes.count()})": [
            f"{adm}/article/{a.article_most.pk}/change/"
        ]
        * a.n,
        "a quote": [f"{adm}/quote/{q.pk}/change/" for q in a.quotes],
        "a comment": [f"{adm}/readercomment/{pk}/change/" for pk in a.pick(comments)],
        "a redirect": [f"/admin/redirects/redirect/{pk}/change/" for pk in a.pick(redirects)],
    }
    for model in ["festival", "edition", "panel", "person", "topic", "article", "quote"]:
        pages[f"add: {model}"] = [f"{adm}/{model}/add/"] * a.n
    pages["add: redirect"] = ["/admin/redirects/redirect/add/"] * a.n
    pages |= {
        "delete: a quote": [f"{adm}/quote/{q.pk}/delete/" for q in a.quotes],
        "delete: an article (its quotes listed)": [f"{adm}/article/{pk}/delete/" for pk in a.articles_of_50],
        "delete: a session": [f"{adm}/panel/{p.pk}/delete/" for p in a.panels],
        "delete: a person": [f"{adm}/person/{p.pk}/delete/" for p in a.people],
        "delete: an edition": [f"{adm}/edition/{e.pk}/delete/" for e in a.editions],
        "history: a session": [f"{adm}/panel/{p.pk}/history/" for p in a.panels],
        "history: a person": [f"{adm}/person/{p.pk}/history/" for p in a.people],
        "history: an article": [f"{adm}/article/{pk}/history/" for pk in a.articles_of_50],
        "history: a quote": [f"{adm}/quote/{q.pk}/history/" for q in a.quotes],
        "history: an article's version": [
            f"{adm}/article/{pk}/history/{version}/" for pk, version in a.article_versions
        ],
        "import coverage": [f"{adm}/article/import/"] * a.n,
        "import: the format": [f"{adm}/article/import/format/"] * a.n,
        "import from WordPress": [f"{adm}/article/import/wordpress/"] * a.n,
        "find quotes in an article": [f"{adm}/article/{pk}/find-quotes/" for pk in a.articles_of_50],
        "merge two people": [f"{adm}/person/merge/?ids={one},{two}" for one, two in a.pairs],
    }
    return pages


def autocompletes(a):
    def first_word(text, letters):
        return text.split()[0][:letters]

    return {
        "autocomplete: speaker": [autocomplete("quote", "speaker", p.name.split()[-1][:5]) for p in a.people],
        "autocomplete: a quote's session": [
            autocomplete("quote", "panel", first_word(p.title, 5)) for p in a.panels
        ],
        "autocomplete: a quote's article": [
            autocomplete("quote", "article", first_word(article.title, 5)) for article in a.articles
        ],
        "autocomplete: an article's sessions": [
            autocomplete("article", "panels", first_word(p.title, 5)) for p in a.panels
        ],
        "autocomplete: an article's topics": [
            autocomplete("article", "topics", w[:4]) for w in a.pick(a.common_words[:15])
        ],
        "autocomplete: who was on stage": [
            autocomplete("participation", "person", first_word(p.name, 4)) for p in a.people
        ],
        "autocomplete: a session's edition": [
            autocomplete("panel", "edition", f.city[:5]) for f in a.pick(a.festivals)
        ],
        "autocomplete: an edition's festival": [
            autocomplete("edition", "festival", f.city[:4]) for f in a.pick(a.festivals)
        ],
    }


@contextmanager
def rolled_back():
    """Everything inside one transaction, undone at the end. Requests keep the connection: Django
    would close one left in a transaction at the end of each (as its own test runner, the bench
    disconnects that)."""
    from django.core import signals
    from django.db import close_old_connections, transaction

    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def add_comments_history_and_redirects(a):
    """Readers' comments (COMMENTS, a tenth awaiting moderation, some replies), VERSIONS versions of
    each record whose history is opened, and old addresses that redirect. Returns their ids."""
    from django.contrib.contenttypes.models import ContentType
    from django.contrib.redirects.models import Redirect
    from django.db import connection
    from django.utils import timezone

    from articles.models import Article, Panel, Person, Quote, ReaderComment

    now = timezone.now()
    article_type = ContentType.objects.get_for_model(Article)
    top = Article.objects.order_by("-pk").values_list("pk", flat=True).first()
    rng = a.rng
    made = ReaderComment.objects.bulk_create(
        (
            ReaderComment(
                content_type=article_type,
                object_pk=str(rng.randrange(1, top + 1)),
                site_id=1,
                user_name=f"Reader {i}",
                user_email=f"reader{i}@example.org",
                comment=" ".join(rng.choice(a.common_words) for _ in range(rng.randrange(8, 60))),
                submit_date=now - timezone.timedelta(minutes=i),
                is_public=rng.random() > 0.1,
                is_removed=rng.random() < 0.02,
            )
            for i in range(COMMENTS)
        ),
        batch_size=5000,
    )
    replies = ReaderComment.objects.bulk_create(
        ReaderComment(
            content_type=article_type,
            object_pk=parent.object_pk,
            parent=parent,
            site_id=1,
            user_name="Editor",
            user_email="desk@example.org",
            comment="Thank you: corrected.",
            submit_date=now,
        )
        for parent in made[: COMMENTS // 20]
    )
    redirects = Redirect.objects.bulk_create(
        Redirect(site_id=1, old_path=f"/2019/02/report-{i}/", new_path=f"/articles/report-{i}/")
        for i in range(1000)
    )
    for model, records in [
        (Panel, a.panels),
        (Person, a.people),
        (Quote, a.quotes),
        (Article, list(Article.objects.filter(pk__in=a.articles_of_50))),
    ]:
        for _ in range(VERSIONS):
            model.history.bulk_history_create(records, update=True, default_change_reason="bench")
    a.article_versions = [
        (record.id, record.history_id)
        for record in Article.history.filter(id__in=a.articles_of_50).order_by("id", "-history_id")[
            ::VERSIONS
        ]
    ]
    with connection.cursor() as cursor:
        for table in ["django_comments", "django_redirect", "articles_historicalarticle"]:
            cursor.execute(f"ANALYZE {table}")
    return [c.pk for c in made + replies], [r.pk for r in redirects]


def measure(client, urls):
    """(milliseconds of each, largest answer in bytes, fewest and most SQL queries)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.get(urls[0])  # warm, as a running site would be
    times, largest = [], 0
    for url in urls:
        started = time.perf_counter()
        response = client.get(url)
        body = body_of(response)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
        largest = max(largest, len(body))
    counts = []
    for url in urls[:QUERY_SAMPLES]:
        with CaptureQueriesContext(connection) as captured:
            body_of(client.get(url))
        counts.append(len(captured.captured_queries))
    return times, largest, (min(counts), max(counts))


def measure_saves(client, a):
    """Saving an article's change page as it was opened (about 50 quotes inline), each in a
    savepoint rolled back."""
    from django.db import connection, transaction
    from django.test.utils import CaptureQueriesContext, setup_test_environment, teardown_test_environment

    from tests.helpers.admin_forms import admin_form_data

    times, counts = [], []
    for pk in a.articles_of_50:
        url = f"/admin/articles/article/{pk}/change/"
        setup_test_environment()  # the page's context, to submit its form as it was rendered
        data = admin_form_data(client.get(url), _save="Save")
        teardown_test_environment()
        with transaction.atomic():
            with CaptureQueriesContext(connection) as captured:
                started = time.perf_counter()
                response = client.post(url, data)
                times.append((time.perf_counter() - started) * 1000)
            transaction.set_rollback(True)
        assert response.status_code == 302, (url, response.status_code)
        counts.append(len(captured.captured_queries))
    return times, 0, (min(counts), max(counts))


def row(name, times, largest, counts):
    p50, p95, kb = statistics.median(times), percentile(times, 0.95), largest / 1024
    missed = [f"p95 over {TARGET_MS} ms"] * (p95 > TARGET_MS) + [f"over {TARGET_KB} KB"] * (kb > TARGET_KB)
    queries = f"{counts[0]}" if counts[0] == counts[1] else f"{counts[0]}–{counts[1]}"
    size = f"{kb:,.0f} KB" if kb >= 1 or largest == 0 else f"{kb:.1f} KB"
    return f"| {name} | {p50:,.0f} / {p95:,.0f} ms | {size} | {queries} | {'; '.join(missed) or 'yes'} |"


def main():
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--samples", type=int, default=30)
    parser.add_argument("--only", default="", help="only the pages whose name holds these words")
    args = parser.parse_args()
    django_on_bench_database()

    from django.contrib.auth.models import User
    from django.test import Client

    from articles.models import Article, Person, Quote

    user, _ = User.objects.get_or_create(
        username="bench-editor", defaults={"is_staff": True, "is_superuser": True}
    )
    client = Client(HTTP_HOST="localhost")
    client.force_login(user)
    archive = Archive(random.Random(11), args.samples)
    print(
        f"{Quote.objects.count():,} quotes, {Person.objects.count():,} people, "
        f"{Article.objects.count():,} articles; {COMMENTS:,} comments and {VERSIONS} versions of each "
        f"record opened added for the run; {args.samples} samples a page\n"
    )
    print("| page | p50 / p95 | largest answer | SQL queries | within 300 ms and 300 KB |")
    print("|---|---|---|---|---|")
    with rolled_back():
        comments, redirects = add_comments_history_and_redirects(archive)
        pages = lists(archive) | forms(archive, comments, redirects) | autocompletes(archive)
        for name, urls in pages.items():
            if args.only.lower() in name.lower():
                print(row(name, *measure(client, urls)), flush=True)
        if args.only.lower() in "save an article (45–55 quotes)":
            print(row("save an article (45–55 quotes)", *measure_saves(client, archive)), flush=True)


if __name__ == "__main__":
    main()
