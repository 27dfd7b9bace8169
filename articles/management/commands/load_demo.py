"""Load the demo coverage that ships with the project. Safe to run again: it updates, never duplicates."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.importers.coverage import load_files

DEMO_COVERAGE = Path(__file__).resolve().parents[2] / "demo_coverage"


class Command(BaseCommand):
    help = "Load the demo festival coverage (idempotent)."

    def handle(self, *args, **options):
        for path in sorted(DEMO_COVERAGE.glob("*.json")):
            report = load_files([(path.name, path.read_bytes())])
            if not report.ok:
                raise CommandError(
                    f"{path.name} did not load:\n" + "\n".join(str(error) for error in report.errors)
                )
            self.stdout.write(self.style.SUCCESS(f"Loaded {path.name}: {report.summary()}."))
