"""Imports started from the admin run in the background: the upload is kept with an ImportJob and a
task queued (Django's task interface, the django-tasks backport, with its database backend), which
`manage.py db_worker` runs. The request returns at once; the job's status page shows the records
done of the total as the import goes, then its report.

The import runs in one transaction, committed only at its end (all or nothing), so the progress is
written on a database connection of its own, which commits at once."""

import logging
import time

from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django_tasks import task

from ..models import ImportJob
from .coverage import load_files
from .wordpress import import_wordpress
from .wordpress.report import KIND_NAMES as WORDPRESS_KIND_NAMES

logger = logging.getLogger(__name__)
PROGRESS_EVERY = 1.0  # seconds between two writes of the progress


def start(kind, upload, *, user, may_publish, dry_run):
    """Keep the upload with a new job and queue its import once the request's transaction commits;
    return the job."""
    job = ImportJob.objects.create(
        kind=kind,
        file_name=upload.name,
        dry_run=dry_run,
        may_publish=may_publish,
        language=translation.get_language() or "en",
        user=user,
    )
    job.upload.save(f"{job.pk}-{kind}.upload", upload, save=True)
    transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


@task()
def run_import(job_id):
    """Import the job's file; keep the report on the job. The upload is deleted once read."""
    job = ImportJob.objects.get(pk=job_id)
    job.status = ImportJob.Status.RUNNING
    job.save(update_fields=["status"])
    progress = Progress(job)
    try:
        with translation.override(job.language):
            report = IMPORTS[job.kind](job, progress)
    except Exception:
        logger.exception("The import of %s (job %s) stopped", job.file_name, job.pk)
        with translation.override(job.language):
            message = _("The import stopped on an unexpected error; nothing was written.")
        job.report = {"ok": False, "errors": [{"record": "", "field": "", "message": message}]}
        job.status = ImportJob.Status.FAILED
        raise
    else:
        job.status = ImportJob.Status.DONE if report["ok"] else ImportJob.Status.FAILED
        job.report = report
    finally:
        progress.close()
        job.finished_at = timezone.now()
        job.done = max(job.done, progress.done)
        job.total = max(job.total, progress.total)
        job.save(update_fields=["status", "report", "finished_at", "done", "total"])
        job.upload.delete(save=False)
        ImportJob.objects.filter(pk=job.pk).update(upload="")


def import_coverage(job, progress):
    with job.upload.open("rb") as upload:
        raw = upload.read()
    report = load_files(
        [(job.file_name, raw)],
        may_publish=job.may_publish,
        dry_run=job.dry_run,
        user=job.user,
        progress=progress,
    )
    return {
        "ok": report.ok,
        "dry_run": report.dry_run,
        "summary": report.summary() if report.ok else "",
        "counts": [[kind, *_tally(tally)] for kind, tally in report.counts.items() if tally.total],
        "changes": [{"record": change.record, "keys": change.keys} for change in report.changes],
        "errors": [_problem(error) for error in report.errors],
    }


def import_wordpress_export(job, progress):
    with job.upload.open("rb") as upload:
        report = import_wordpress(upload, dry_run=job.dry_run, user=job.user, progress=progress)
    return {
        "ok": report.ok,
        "dry_run": report.dry_run,
        "summary": report.summary() if report.ok else "",
        "counts": [
            [str(WORDPRESS_KIND_NAMES[kind]), *_tally(tally)]
            for kind, tally in report.counts.items()
            if tally.total
        ],
        "skipped": [_problem(item) for item in report.skipped],
        "ignored": report.ignored_summary(),
        "errors": [_problem(error) for error in report.errors],
    }


IMPORTS = {ImportJob.Kind.COVERAGE: import_coverage, ImportJob.Kind.WORDPRESS: import_wordpress_export}


def _tally(tally):
    return [tally.created, tally.updated, tally.unchanged]


def _problem(error):
    return {"record": error.record, "field": error.field, "message": error.message}


class Progress:
    """Called by an import with the records done and their total; writes them on the job at most
    once a second, on a connection of its own. Where that connection must wait for the import's
    (SQLite takes one writer at a time), the progress is left for the next write."""

    def __init__(self, job):
        self.job, self.done, self.total, self.written_at = job, 0, 0, 0.0
        self.connection = connections.create_connection(DEFAULT_DB_ALIAS)
        if self.connection.vendor == "sqlite":
            self.connection.settings_dict = {
                **self.connection.settings_dict,
                "OPTIONS": {**self.connection.settings_dict.get("OPTIONS", {}), "timeout": 0.05},
            }

    def __call__(self, done, total):
        self.done, self.total = done, total
        if time.monotonic() - self.written_at < PROGRESS_EVERY:
            return
        self.written_at = time.monotonic()
        table = self.connection.ops.quote_name(ImportJob._meta.db_table)
        try:
            with self.connection.cursor() as cursor:
                cursor.execute(
                    f"UPDATE {table} SET done = %s, total = %s WHERE id = %s", [done, total, self.job.pk]
                )
        except DatabaseError:
            pass  # the next call tries again; the job's row gets the last figures at the end

    def close(self):
        self.connection.close()
