"""Import a WordPress export (WXR) into the archive: all or nothing."""

from django.core.management.base import BaseCommand, CommandError

from articles.importers.wordpress import import_wordpress


class Command(BaseCommand):
    help = (
        "Import a WordPress export (Tools → Export in WordPress): posts become articles, categories and "
        "tags topics, comments readers' comments, and the posts' old addresses redirect to their "
        "articles. Posts are matched by their guid, so importing the same export again changes nothing. "
        "The file is read as a stream, whatever its size; if anything is wrong, nothing is written."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", metavar="EXPORT.xml", help="the WordPress export file")
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the export and report what would change; write nothing",
        )

    def handle(self, *args, export, dry_run, **options):
        try:
            with open(export, "rb") as source:
                report = import_wordpress(source, dry_run=dry_run)
        except OSError as error:
            raise CommandError(f"Cannot read {export}: {error.strerror}.") from error
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            count = len(report.errors)
            errors = f"{count} error{'s' if count != 1 else ''}"
            raise CommandError(f"{errors} (listed above); nothing was written.")
        self.stdout.write(self.style.SUCCESS(f"{'Would import' if dry_run else 'Imported'} {export}."))
        for kind, tally in report.counts.items():
            if tally.total:
                self.stdout.write(
                    f"  {kind:<13} {tally.created:>5} created {tally.updated:>5} updated "
                    f"{tally.unchanged:>5} unchanged"
                )
        if report.ignored:
            self.stdout.write(f"Not coverage, left out: {report.ignored_summary()}.")
        if report.skipped:
            self.stdout.write("Left out:")
            for skipped in report.skipped:
                self.stdout.write(f"  {skipped}")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
