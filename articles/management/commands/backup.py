"""`manage.py backup [FILE]`: the whole archive in one compressed file, to restore with `restore`.

XML, not JSON: Django's JSON serializer rounds times to the millisecond; its XML keeps them whole."""

from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.utils import timezone

# What a backup leaves out: rebuilt by `migrate` (content types, permissions), or passing (sessions,
# login attempts).
NOT_BACKED_UP = ["contenttypes", "auth.permission", "sessions", "axes"]


class Command(BaseCommand):
    help = "Write the whole archive (coverage, history, comments, users, redirects) to an .xml.gz file."

    def add_arguments(self, parser):
        parser.add_argument("file", nargs="?", help="default: backups/archive-<date and time>.xml.gz")

    def handle(self, *args, file=None, **options):
        path = Path(file or settings.BASE_DIR / "backups" / f"archive-{timezone.now():%Y%m%d-%H%M%S}.xml.gz")
        path.parent.mkdir(parents=True, exist_ok=True)
        call_command(
            "dumpdata",
            format="xml",
            # Content types and permissions by name (their ids differ between databases); every
            # other row keeps its id, so that a restored archive is the same archive.
            natural_foreign=True,
            exclude=NOT_BACKED_UP,
            output=str(path),
            verbosity=0,
        )
        self.stdout.write(str(path))
