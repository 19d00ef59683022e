"""Load the Tesoma demo: the area, campaign, themes and resident input that `make run` and the
tests start from, so the site shows a real-looking consultation on an empty database.

The demo is data in `config/demo/data/` (GeoJSON, JSON, Markdown) and the toolkit's content in
`toolkit/content/data/`; `config.demo` reads, checks and writes it, and builds the orientation
map of Tesoma into MAP_PMTILES_DIR (`build_basemap`). Running it again changes
nothing: areas, the campaign and themes are matched on their slugs, and a contribution whose title
already exists in the campaign is skipped.
"""

import dataclasses
import secrets
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from config.demo.basemap import demo_basemap_build
from config.demo.read import demo_data_read
from config.demo.schema import AccountData, AccountsData, DemoData
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
        published = data.accounts
        if not settings.DEMO_PUBLIC_PASSWORDS:
            data = _with_random_passwords(data)
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
        self._build_basemap()
        if settings.DEMO_PUBLIC_PASSWORDS:
            self.stdout.write("Demo accounts (development only; sign in at /accounts/login/):")
            for role, account in _roles(data.accounts):
                self.stdout.write(f"  {role:12} {account.email} / {account.password}")
        else:
            self._print_private_passwords(data.accounts, published)

    def _build_basemap(self) -> None:
        """The orientation map the default MAP_BASE_LAYERS shows (skipped when up to date); a
        folder the process may not write leaves the maps without it, not the demo unloaded."""
        try:
            result = demo_basemap_build()
        except OSError as error:
            self.stderr.write(f"Base map not built ({error}); the maps show no base map.")
            return
        state = "built" if result.built else "up to date"
        self.stdout.write(f"Base map {result.path.name} {state} ({result.tiles} tiles).")

    def _print_private_passwords(self, accounts: AccountsData, published: AccountsData) -> None:
        """Each account's random password, shown this once; an account that still has the
        README's password (loaded earlier under development settings) gets a random one now."""
        self.stdout.write(
            "Demo accounts with random passwords, shown only now (sign in at /accounts/login/):"
        )
        readme = {account.email: account.password for _, account in _roles(published)}
        users = get_user_model().objects
        for role, account in _roles(accounts):
            user = users.get(username=account.email)
            if user.check_password(readme[account.email]):
                user.set_password(account.password)
                user.save(update_fields=["password"])
            if user.check_password(account.password):
                self.stdout.write(f"  {role:12} {account.email} / {account.password}")
            else:
                self.stdout.write(f"  {role:12} {account.email} (password unchanged)")


def _roles(accounts: AccountsData) -> list[tuple[str, AccountData]]:
    return [
        *((official.role, official) for official in accounts.officials),
        ("organisation", accounts.organisation_member),
        ("editor", accounts.editor),
    ]


def _with_random_passwords(data: DemoData) -> DemoData:
    """The demo with a new random password for each account instead of the published ones."""

    def fresh(account: AccountData) -> AccountData:
        return dataclasses.replace(account, password=secrets.token_urlsafe(12))

    accounts = data.accounts
    return dataclasses.replace(
        data,
        accounts=dataclasses.replace(
            accounts,
            officials=[fresh(official) for official in accounts.officials],
            organisation_member=fresh(accounts.organisation_member),
            editor=fresh(accounts.editor),
        ),
    )
