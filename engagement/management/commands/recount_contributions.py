"""Count every contribution's supports and comments from scratch and compare with the stored
columns (decision 0026); with --fix, store the true counts."""

from django.core.management.base import BaseCommand, CommandError, CommandParser

from engagement.models import Campaign
from engagement.participation.counters import counter_differences, recount

SHOWN = 20


class Command(BaseCommand):
    help = (
        "Recompute supports_count and comments_count of every contribution from the supports, "
        "comments and blocks, report the contributions whose stored counts differ, and with "
        "--fix store the true counts. Exits 1 when differences remain."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--campaign", help="Only this campaign's contributions (slug).")
        parser.add_argument("--fix", action="store_true", help="Store the true counts.")

    def handle(self, *args, campaign: str | None, fix: bool, **options) -> None:
        campaign_id = None
        if campaign:
            campaign_id = (
                Campaign.objects.filter(slug=campaign).values_list("pk", flat=True).first()
            )
            if campaign_id is None:
                raise CommandError(f"No campaign {campaign!r}.")
        differences = counter_differences(campaign_id=campaign_id)
        for d in differences[:SHOWN]:
            self.stdout.write(
                f"contribution {d.contribution_id}: supports {d.supports_stored} stored, "
                f"{d.supports_true} true; comments {d.comments_stored} stored, "
                f"{d.comments_true} true"
            )
        if len(differences) > SHOWN:
            self.stdout.write(f"… and {len(differences) - SHOWN} more")
        self.stdout.write(f"Contributions whose stored counts differ: {len(differences)}.")
        if differences and fix:
            recount(d.contribution_id for d in differences)
            left = counter_differences(campaign_id=campaign_id)
            self.stdout.write(f"Fixed; differences left: {len(left)}.")
            differences = left
        if differences:
            raise SystemExit(1)
