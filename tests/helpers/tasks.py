"""Background work as the site runs it: tasks queued in the database, taken by the real worker."""

import io

from django.core.management import call_command
from django.test import TestCase
from django.urls import resolve


def run_tasks():
    """Run every queued task with `manage.py db_worker --batch`, as `make run` runs the worker. Only
    in a test with transaction=True: the worker closes a connection it finds in a transaction."""
    call_command(
        "db_worker",
        "--batch",
        "--no-startup-delay",
        "--no-reload",
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )


def submit_import(client, url, data):
    """Post an import form; once it is queued (the request's transaction committed), run the worker
    and return the import's status page, or the form's own answer when it refused the upload."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(url, data)
    if response.status_code != 302 or resolve(response["Location"]).url_name != "articles_article_import_job":
        return response
    run_tasks()
    return client.get(response["Location"])
