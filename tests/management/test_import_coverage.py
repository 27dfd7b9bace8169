"""`manage.py import_coverage`: files named on the command line or standard input, the counts it
prints, and a dry run."""

import io

import pytest
from django.core.management import call_command

from articles.models import Article, Quote
from tests.helpers.importing import DEMO_FILE, counts, demo_coverage, failed_import, run_import, write

pytestmark = pytest.mark.django_db


def test_the_command_imports_a_file_and_prints_the_counts(tmp_path):
    out, _ = run_import(write(tmp_path, demo_coverage()))
    assert counts() == {
        "Festival": 1,
        "Edition": 1,
        "Topic": 5,
        "Person": 4,
        "Panel": 1,
        "Participation": 4,
        "Article": 1,
        "Quote": 9,
    }
    assert "quotes            9 created     0 updated     0 unchanged" in out
    assert "people            4 created" in out
    quote = Quote.objects.get(position=6)
    assert quote.speaker.slug == "christina-caspers-roemer"
    assert quote.text.startswith("Je me base toujours sur les créateurs humains.")
    assert Article.objects.get().is_public


def test_a_dry_run_reports_what_would_change_and_writes_nothing(tmp_path):
    out, _ = run_import("--dry-run", write(tmp_path, demo_coverage()))
    assert "Would import" in out and "Dry run: nothing was written." in out
    assert "quotes            9 created" in out
    assert counts() == dict.fromkeys(counts(), 0)


def test_several_files_load_together_and_fail_together(tmp_path):
    data = demo_coverage()
    people = {"people": data.pop("people")}
    first, second = write(tmp_path, people, "people.json"), write(tmp_path, data, "coverage.json")
    run_import(first, second)
    assert Quote.objects.count() == 9

    broken = demo_coverage()
    broken["festivals"][0]["website"] = "nowhere"
    _, stderr = failed_import(first, write(tmp_path, broken, "broken.json"))
    assert "broken.json: festivals[0] (berlinale), website: Enter a valid URL." in stderr


def test_the_command_reads_standard_input():
    out = io.StringIO()
    call_command("import_coverage", "-", stdin=io.StringIO(DEMO_FILE.read_text(encoding="utf-8")), stdout=out)
    assert Quote.objects.count() == 9
