"""`manage.py photos_sweep`: delete uploaded files no row refers to (see config/uploads.py)."""

from datetime import timedelta

from django.core.management.base import BaseCommand, CommandParser

from config.uploads import ORPHAN_AGE, photos_sweep


class Command(BaseCommand):
    help = "Delete photo and other uploaded files that no database row refers to."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--older-than",
            type=int,
            default=int(ORPHAN_AGE.total_seconds()),
            metavar="SECONDS",
            help="keep younger files: their transaction may still be open (default: an hour)",
        )

    def handle(self, *args: object, older_than: int, **options: object) -> None:
        deleted = photos_sweep(older_than=timedelta(seconds=older_than))
        for name in deleted:
            self.stdout.write(name)
        self.stderr.write(f"{len(deleted)} orphan files deleted")
