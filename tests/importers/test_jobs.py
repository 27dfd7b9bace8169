"""Imports from the admin run in the background (articles/importers/jobs.py): the request returns at
once, the worker imports, the status page shows the progress and then the report."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase

from articles.importers.coverage import load_files
from articles.importers.jobs import Progress
from articles.models import ImportJob, Quote
from tests.helpers.importing import IMPORT_URL, demo_coverage, table
from tests.helpers.pages import visible_text
from tests.helpers.tasks import run_tasks

# The worker runs as in production, closing connections it finds in a transaction: no test transaction.
pytestmark = pytest.mark.django_db(transaction=True)


def post(client, data, name="coverage.json"):
    content = json.dumps(data).encode()
    with TestCase.captureOnCommitCallbacks(execute=True):
        return client.post(IMPORT_URL, {"file": SimpleUploadedFile(name, content, "application/json")})


def test_the_request_returns_at_once_and_the_worker_imports(admin_client):
    response = post(admin_client, demo_coverage())

    assert response.status_code == 302
    job = ImportJob.objects.get()
    waiting = admin_client.get(response["Location"])
    assert "Waiting to start" in visible_text(waiting)
    assert '<meta http-equiv="refresh" content="2">' in waiting.content.decode()
    assert not Quote.objects.exists()
    assert job.upload.storage.exists(job.upload.name)

    run_tasks()

    done = admin_client.get(response["Location"])
    assert ["quotes", "9", "0", "0"] in table(done, "import-counts")
    records = sum(int(row[1]) for row in table(done, "import-counts"))
    assert f"Done: {records} of {records} records read" in visible_text(done)
    assert 'http-equiv="refresh"' not in done.content.decode()
    assert Quote.objects.count() == 9
    assert not job.upload.storage.exists(job.upload.name)  # the upload is not kept once imported


def test_the_editor_comes_back_to_an_import_from_the_import_page(admin_client):
    location = post(admin_client, demo_coverage(), name="berlinale.json")["Location"]
    run_tasks()

    page = admin_client.get(IMPORT_URL)

    assert table(page, "recent-imports")[0][0] == "berlinale.json"
    assert table(page, "recent-imports")[0][3] == "Done"
    assert f'href="{location}"' in page.content.decode()


def test_an_import_that_fails_says_so_and_writes_nothing(admin_client):
    data = demo_coverage()
    data["articles"][0]["quotes"][0]["speaker"] = "nobody"
    location = post(admin_client, data)["Location"]
    run_tasks()

    page = admin_client.get(location)

    assert "Failed" in visible_text(page)
    assert "The file has 1 problem; nothing was written." in visible_text(page)
    assert not Quote.objects.exists()


def test_an_unknown_import_is_not_found(admin_client):
    assert admin_client.get("/admin/articles/article/import/999999/").status_code == 404


def test_the_import_tells_how_many_records_it_has_read():
    heard = []
    raw = json.dumps(demo_coverage()).encode()

    assert load_files([("demo.json", raw)], progress=lambda done, total: heard.append((done, total))).ok

    records = sum(len(data) for data in demo_coverage().values()) + sum(
        len(item.get(key, []))
        for items in demo_coverage().values()
        for item in items
        for key in ("participants", "quotes")
    )
    assert heard[0] == (1, records)
    assert heard[-1] == (records, records)
    assert [done for done, _ in heard] == list(range(1, records + 1))


@pytest.mark.django_db(transaction=True)
def test_the_progress_is_committed_at_once_while_the_import_is_still_open(django_db_blocker):
    job = ImportJob.objects.create(kind=ImportJob.Kind.COVERAGE, file_name="big.json", language="en")
    progress = Progress(job)
    try:
        progress(120, 5000)
    finally:
        progress.close()

    job.refresh_from_db()
    assert (job.done, job.total, job.percent) == (120, 5000, 2)
