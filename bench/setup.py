"""Shared setup for the benchmarks: Django on the benchmark's own PostgreSQL database."""

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE_URL = os.environ.get("BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/festival_bench")


def django_on_bench_database():
    if not BENCH_DATABASE_URL.startswith("postgres"):
        sys.exit("The benchmarks run on PostgreSQL: set BENCH_DATABASE_URL=postgres://…")
    os.environ["DATABASE_URL"] = BENCH_DATABASE_URL
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "festival.settings")
    os.environ.setdefault("REQUEST_LOG_LEVEL", "WARNING")  # no line per measured request
    # Every measured request does its work: a page served from the page cache measures nothing.
    os.environ.setdefault("PAGE_CACHE_SECONDS", "0")
    # Pages link their static files as a deployment does: hashed names from a collectstatic run.
    os.environ.setdefault("STATIC_ROOT", str(ROOT / "bench" / ".static"))
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("collectstatic", interactive=False, verbosity=0)


def sample_quotes(rng, count):
    """`count` public quotes drawn with `rng`, each with its speaker, session, edition and festival:
    the parameters the benchmarks search with come from real rows."""
    from articles.models import Quote

    max_id = Quote.objects.order_by("-pk").values_list("pk", flat=True).first()
    ids = [rng.randrange(1, max_id + 1) for _ in range(count * 2)]
    return list(
        Quote.objects.public()
        .filter(pk__in=ids)
        .select_related("speaker", "panel__edition__festival")[:count]
    )
