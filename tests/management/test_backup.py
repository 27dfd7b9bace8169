"""`make backup` / `make restore`: the whole archive out to one file and back, every record equal."""

import io

import pytest
from django.apps import apps
from django.core import serializers
from django.core.management import CommandError, call_command

from articles.management.commands.backup import NOT_BACKED_UP
from articles.models import Article, Quote
from tests.factories import ReaderCommentFactory

pytestmark = pytest.mark.django_db(transaction=True)


def every_record():
    """Every backed-up record, by model, as natural keys write it (ids of content types aside)."""
    records = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if model._meta.app_label in NOT_BACKED_UP or label in NOT_BACKED_UP:
            continue
        rows = model._default_manager.order_by("pk")
        # XML writes times to the microsecond (JSON would round them to the millisecond).
        records[label] = serializers.serialize(
            "xml", rows, use_natural_foreign_keys=True, use_natural_primary_keys=False
        )
    return records


def test_the_demo_archive_round_trips_through_a_backup(demo, editor, tmp_path):
    article = Article.objects.first()
    ReaderCommentFactory(content_object=article, parent=ReaderCommentFactory(content_object=article))
    before = every_record()
    quotes = Quote.objects.public().count()
    backup = tmp_path / "archive.xml.gz"
    call_command("backup", str(backup), stdout=io.StringIO())
    assert backup.stat().st_size > 0

    with pytest.raises(CommandError, match="already holds coverage"):
        call_command("restore", str(backup), stdout=io.StringIO())
    call_command("restore", str(backup), "--replace", stdout=io.StringIO())

    after = every_record()
    assert after.keys() == before.keys()
    for label in before:
        assert after[label] == before[label], f"{label} differs after the restore"
    assert Quote.objects.public().count() == quotes > 0


def test_a_restore_into_an_empty_database(demo, tmp_path):
    before = every_record()
    backup = tmp_path / "archive.xml.gz"
    call_command("backup", str(backup), stdout=io.StringIO())
    call_command("flush", interactive=False, verbosity=0)
    assert not Quote.objects.exists()
    call_command("restore", str(backup), stdout=io.StringIO())
    assert every_record() == before
