"""Coverage files to import (the demo file's, changed as a test needs), through the command or the admin."""

import copy
import io
import json
from html.parser import HTMLParser

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from articles.management.commands.load_demo import DEMO_COVERAGE
from articles.models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic
from tests.helpers.tasks import submit_import

MODELS = [Festival, Edition, Topic, Person, Panel, Participation, Article, Quote]
DEMO_FILE = next(DEMO_COVERAGE.glob("*.json"))
ARTICLE = "articles[0] (berlin-debat-menace-ia-emplois-hollywood)"
IMPORT_URL = "/admin/articles/article/import/"


def demo_coverage():
    """A fresh copy of the demo file's coverage, to change before importing."""
    return copy.deepcopy(json.loads(DEMO_FILE.read_text(encoding="utf-8")))


def counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def write(tmp_path, data, name="coverage.json"):
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


def run_import(*args):
    """Run the command; return (stdout, stderr), or raise its CommandError with stderr attached."""
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("import_coverage", *args, stdout=out, stderr=err)
    except CommandError as error:
        error.stderr = err.getvalue()
        raise
    return out.getvalue(), err.getvalue()


def failed_import(*args):
    with pytest.raises(CommandError) as failure:
        run_import(*args)
    return str(failure.value), failure.value.stderr


def upload(client, data, name="coverage.json", **fields):
    """Upload a file to import; the import's status page once the worker has run it."""
    content = data if isinstance(data, bytes) else json.dumps(data, ensure_ascii=False).encode()
    file = SimpleUploadedFile(name, content, "application/json")
    return submit_import(client, IMPORT_URL, {"file": file, **fields})


class TableRows(HTMLParser):
    """The rows of the table with a given id, each a list of its cells' text."""

    def __init__(self, table_id):
        super().__init__()
        self.table_id, self.inside, self.rows, self.cell = table_id, False, [], None

    def handle_starttag(self, tag, attrs):
        if tag == "table" and dict(attrs).get("id") == self.table_id:
            self.inside = True
        elif self.inside and tag == "tr":
            self.rows.append([])
        elif self.inside and tag in ("td", "th"):
            self.cell = ""

    def handle_endtag(self, tag):
        if tag == "table":
            self.inside = False
        elif self.inside and tag in ("td", "th") and self.cell is not None:
            self.rows[-1].append(" ".join(self.cell.split()))
            self.cell = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell += data


def table(response, table_id):
    parser = TableRows(table_id)
    parser.feed(response.content.decode())
    return parser.rows[1:]  # without the header
