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
