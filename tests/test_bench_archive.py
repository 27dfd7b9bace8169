"""The benchmarks' archive builder (bench/build_archive.py) streams rows with COPY, column by column:
a migration that adds a column without a database default breaks it, and the benchmark figures with
it. It is run here at a small size, on PostgreSQL, whose COPY and indexes it needs."""

import sys
from pathlib import Path

import pytest
from django.db import connection

from articles.models import Quote
from tests.helpers.pages import visible_text

BENCH = Path(__file__).resolve().parents[1] / "bench"

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="the archive is built with PostgreSQL's COPY"
    ),
]


@pytest.fixture
def build_archive(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import build_archive

    yield build_archive
    sys.modules.pop("build_archive", None)
    sys.modules.pop("setup", None)


def test_the_benchmark_archive_builds_on_the_current_schema_and_is_searchable(build_archive, client):
    build_archive.build(quotes=500, people=80, panels=40)

    assert Quote.objects.count() == 500
    quote = Quote.objects.public().select_related("speaker").order_by("pk").first()
    by_speaker = client.get("/quotes/", {"speaker": quote.speaker.slug})
    assert by_speaker.status_code == 200
    assert quote.speaker.name in visible_text(by_speaker)
    word = max(quote.text.split(), key=len).strip(".?!,")
    by_word = client.get("/quotes/", {"q": word})
    assert "No quotes to show" not in visible_text(by_word)
    assert client.get(quote.get_absolute_url()).status_code == 200
