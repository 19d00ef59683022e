"""`python -m tests.benchmarks.seed N`: the bench campaign holds exactly N synthetic contributions.

Seeding a million takes minutes; a second `make bench` on the same database finds them there and
skips it (one count). Any other number is replaced by N (`seed_synthetic --replace`).
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
    from engagement.models import Contribution

    wanted = int(argv[0])
    present = Contribution.objects.filter(
        campaign__slug=CAMPAIGN, title__startswith=SYNTHETIC_PREFIX
    ).count()
    if present == wanted:
        print(f"{present} synthetic contributions already in {CAMPAIGN}: seeding skipped")
        return 0
    print(f"{present} synthetic contributions in {CAMPAIGN}, {wanted} wanted: seeding")
    call_command("seed_synthetic", contributions=wanted, campaign=CAMPAIGN, replace=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
