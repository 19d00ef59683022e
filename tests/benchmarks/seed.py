"""`python -m tests.benchmarks.seed N`: the demo, and exactly N synthetic contributions in its
campaign, for `make bench`.

Seeding a million takes minutes, and `load_demo` describes every contribution of the campaign by
its nearest place again (minutes at 100,000), so a second `make bench` on the same database that
finds N there skips both (one count). Any other number is replaced: the old synthetic ones are
deleted, the demo loaded, then N seeded.
"""

import os
import sys

import django

CAMPAIGN = "tesoma-together"


def main(argv: list[str]) -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    django.setup()
    from django.core.management import call_command

    from engagement.management.commands.seed_synthetic import SYNTHETIC_PREFIX
    from engagement.models import Campaign, Contribution

    wanted = int(argv[0])
    campaign = Campaign.objects.filter(slug=CAMPAIGN).first()
    present = (
        Contribution.objects.filter(campaign=campaign, title__startswith=SYNTHETIC_PREFIX).count()
        if campaign
        else 0
    )
    if present == wanted:
        print(f"{present} synthetic contributions already in {CAMPAIGN}: demo and seeding skipped")
        return 0
    print(f"{present} synthetic contributions in {CAMPAIGN}, {wanted} wanted: seeding")
    if present:
        call_command("seed_synthetic", contributions=0, campaign=CAMPAIGN, replace=True)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    call_command("seed_synthetic", contributions=wanted, campaign=CAMPAIGN)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
