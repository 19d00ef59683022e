"""Describe every contribution again by its nearest place, after places were imported."""

from django.core.management.base import BaseCommand

from engagement.participation.places import contributions_place_refresh


class Command(BaseCommand):
    help = (
        "Set each contribution's nearest place (from its public location) again: run it after "
        "`import_places`, or once after upgrading to fill the descriptions of older contributions."
    )

    def handle(self, *args, **options) -> None:
        count = contributions_place_refresh()
        self.stdout.write(f"Contributions described: {count}.")
