"""`manage.py restore FILE`: put back an archive written by `backup`, into a migrated database."""

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from articles.models import Article, Festival, Person, Quote


class Command(BaseCommand):
    help = "Restore an archive written by `manage.py backup` (run `migrate` first)."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--replace", action="store_true", help="empty this database's archive first (it is lost)"
        )

    def handle(self, *args, file, replace=False, **options):
        holds_coverage = any(model.objects.exists() for model in (Festival, Person, Article, Quote))
        if holds_coverage and not replace:
            raise CommandError(
                "This database already holds coverage. Restore into an empty database, or add --replace "
                "to empty it first (what it holds is then lost)."
            )
        with transaction.atomic():
            if replace:
                call_command("flush", interactive=False, verbosity=0)
            call_command("loaddata", file, verbosity=0)
        self.stdout.write(f"Restored {file}.")
