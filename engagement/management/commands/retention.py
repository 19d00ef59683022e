"""`manage.py retention [--dry-run] [--days N]`: the retention rules the worker runs daily."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from engagement.participation.retention import retention_cutoff, retention_run


class Command(BaseCommand):
    help = (
        "Remove what links old input to a person (cookie tokens, address hashes, unconfirmed "
        "sign-ups, feedback e-mail addresses) after RETENTION_DAYS; contributions stay."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--dry-run", action="store_true", help="count what would change, change nothing"
        )
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help=f"retention period in days (default: RETENTION_DAYS, {settings.RETENTION_DAYS})",
        )

    def handle(self, *args: object, dry_run: bool, days: int | None, **options: object) -> None:
        if days is not None and days < 1:
            raise CommandError("--days must be at least 1.")
        counts = retention_run(days=days, dry_run=dry_run)
        cutoff = retention_cutoff(days=days)
        verb = "would change" if dry_run else "changed"
        self.stdout.write(f"Retention before {cutoff:%Y-%m-%d %H:%M %Z} ({verb}):")
        for name, count in counts.items():
            self.stdout.write(f"  {name.replace('_', ' ')}: {count}")
