"""Import coverage files in the archive's JSON format (docs/coverage-format.md): all or nothing."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.importers.coverage import load_files


class Command(BaseCommand):
    help = (
        "Import festivals, editions, topics, people, sessions, articles and quotes from coverage JSON "
        "files (docs/coverage-format.md). Records are matched by slug, so importing a file again changes "
        "nothing. Every record is checked; if any is wrong, nothing is written and each error is listed."
    )
    stealth_options = ("stdin",)

    def add_arguments(self, parser):
        parser.add_argument(
            "files", nargs="+", metavar="FILE.json", help="coverage files; - reads standard input"
        )
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="check the files and report what would change; write nothing",
        )

    def handle(self, *args, files, dry_run, **options):
        report = load_files([(name, self.read(name, options)) for name in files], dry_run=dry_run)
        if not report.ok:
            for error in report.errors:
                self.stderr.write(str(error))
            count = len(report.errors)
            raise CommandError(
                f"{count} error{'s' if count != 1 else ''} (listed above); nothing was written."
            )
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{verb} {', '.join(files)}."))
        for kind, tally in report.counts.items():
            if tally.total:
                self.stdout.write(
                    f"  {kind:<13} {tally.created:>5} created {tally.updated:>5} updated "
                    f"{tally.unchanged:>5} unchanged"
                )
        if report.changes:
            self.stdout.write("Would change, in records already in the archive:" if dry_run else "Changed:")
            for change in report.changes:
                self.stdout.write(f"  {change}")
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")

    def read(self, name, options):
        if name == "-":
            stdin = options.get("stdin") or sys.stdin
            return getattr(stdin, "buffer", stdin).read()
        try:
            return Path(name).read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {name}: {error.strerror}.") from error
