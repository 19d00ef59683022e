"""Load the Tesoma demo: the area, campaign, themes and resident input that `make run` and the
tests start from, so the site shows a real-looking consultation on an empty database.

The demo is data in `config/demo/data/` (GeoJSON, JSON, Markdown) and the toolkit's content in
`toolkit/content/data/`; `config.demo` reads, checks and writes it. Running it again changes
nothing: areas, the campaign and themes are matched on their slugs, and a contribution whose title
already exists in the campaign is skipped.
"""

from typing import Any

from django.core.management.base import BaseCommand, CommandError

from config.demo.read import demo_data_read
from config.demo.write import demo_write
from toolkit.content.datafiles import DataFileError


class Command(BaseCommand):
    help = (
        "Load the Tesoma demo: Tampere and Tesoma areas, the 'Tesoma together' campaign, "
        "its themes, sample contributions, the toolkit's content and pilots. Safe to run "
        "repeatedly."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            data = demo_data_read()
        except DataFileError as error:
            raise CommandError(str(error)) from None
        loaded = demo_write(data)
        self.stdout.write(
            self.style.SUCCESS(
                f"Tesoma demo ready: areas {', '.join(loaded.areas)}; "
                f"campaign {loaded.campaign.slug} with {loaded.themes} themes; "
                f"{loaded.created} contributions created, {loaded.existing} already there."
            )
        )
        self.stdout.write(f"Open /campaigns/{loaded.campaign.slug}/")
        self.stdout.write(f"Toolkit: {loaded.cards} method cards, {loaded.stories} stories.")
        self.stdout.write("Demo accounts (development only; sign in at /accounts/login/):")
        accounts = data.accounts
        for official in accounts.officials:
            self.stdout.write(f"  {official.role:12} {official.email} / {official.password}")
        member, editor = accounts.organisation_member, accounts.editor
        self.stdout.write(f"  {'organisation':12} {member.email} / {member.password}")
        self.stdout.write(f"  {'editor':12} {editor.email} / {editor.password}")
