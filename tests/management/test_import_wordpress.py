"""`manage.py import_wordpress EXPORT.xml [--dry-run]`: the counts and what was left out, or every
problem and nothing written."""

import io

import pytest
from django.core.management import CommandError, call_command

from articles.models import Article
from tests.helpers.wordpress import GERMAN

pytestmark = pytest.mark.django_db


def run(*args):
    out = io.StringIO()
    call_command("import_wordpress", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def test_the_command_imports_an_export_and_says_what_it_did():
    output = run(str(GERMAN))
    assert f"Imported {GERMAN}." in output
    assert "articles          3 created     0 updated     0 unchanged" in output
    assert Article.objects.count() == 3
    assert "articles          0 created     0 updated     3 unchanged" in run(str(GERMAN))


def test_a_dry_run_writes_nothing():
    output = run(str(GERMAN), "--dry-run")
    assert "Dry run: nothing was written." in output
    assert not Article.objects.exists()


def test_a_missing_or_broken_file_is_an_error_and_writes_nothing(tmp_path):
    with pytest.raises(CommandError, match="Cannot read"):
        run(str(tmp_path / "missing.xml"))
    broken = tmp_path / "broken.xml"
    broken.write_bytes(GERMAN.read_bytes()[:4000])
    with pytest.raises(CommandError, match="1 error \\(listed above\\); nothing was written"):
        run(str(broken))
    assert not Article.objects.exists()
