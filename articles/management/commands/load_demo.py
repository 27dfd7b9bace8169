"""Load the demo coverage that ships with the project. Safe to run again: it updates, never duplicates."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from articles.importers.coverage import load_coverage

DEMO_COVERAGE = Path(__file__).resolve().parents[2] / "demo_coverage"


class Command(BaseCommand):
    help = "Load the demo festival coverage (idempotent)."

    def handle(self, *args, **options):
        for path in sorted(DEMO_COVERAGE.glob("*.json")):
            counts = load_coverage(json.loads(path.read_text(encoding="utf-8")))
            summary = ", ".join(f"{count} {kind}" for kind, count in counts.items())
            self.stdout.write(self.style.SUCCESS(f"Loaded {path.name}: {summary}."))
