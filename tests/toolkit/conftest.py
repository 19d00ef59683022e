"""Pilots made through the services, so the tests of those services stand on the real rules.

The organisation, its member, the campaign and the contribution are the shared personas and
world of tests/conftest.py; `PilotFactory` makes a pilot at a status without the services.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagement.models import Contribution
from tests.factories import HYPOTHESIS, INSIDE
from toolkit.models import Pilot
from toolkit.pilots import services
from toolkit.pilots.services import MeasurePlan


def proposal(**overrides) -> dict:
    """Keyword arguments of a valid proposal, dated from today, with `overrides` applied."""
    today = timezone.localdate()
    fields = {
        "title": "Benches on the way to Länsikeskus",
        "geometry": INSIDE,
        "hypothesis": HYPOTHESIS,
        "starts_on": today - timedelta(days=1),
        "ends_on": today + timedelta(days=30),
        "measures": [MeasurePlan(name="Walkers counted a day", unit="people", target="120")],
        "asks": "A permit to place the benches.",
    }
    fields.update(overrides)
    return fields


def report(pilot: Pilot, user, **overrides) -> Pilot:
    fields = {
        "actuals": {m.pk: "130" for m in pilot.measures.all()},
        "narrative": "Residents used the benches every day.",
        "next_step": Pilot.NextStep.SCALE_UP,
        "outcome": Contribution.Status.PLANNED,
    }
    fields.update(overrides)
    return services.pilot_report(user=user, pilot=pilot, **fields)


REVIEW = {
    Pilot.Status.CHANGES_REQUESTED: ("request_changes", "Say where the benches stand."),
    Pilot.Status.APPROVED: ("approve", ""),
    Pilot.Status.DECLINED: ("decline", "The path is rebuilt this summer."),
    Pilot.Status.REPORTED: ("approve", ""),
}


@pytest.fixture
def make_pilot(campaign, contribution, organisation, organisation_member, moderator):
    """A pilot brought to `status` by the services: proposed by the organisation's member,
    reviewed by the campaign's moderator (or `reviewer`), reported by the member."""

    def make(
        status: str = Pilot.Status.PROPOSED,
        *,
        campaign=campaign,
        contributions=None,
        reviewer=moderator,
        starts_in: int = -1,
        days: int = 30,
        **overrides,
    ) -> Pilot:
        today = timezone.localdate()
        starts_on = today + timedelta(days=starts_in)
        pilot = services.pilot_propose(
            user=organisation_member,
            organisation=organisation,
            campaign=campaign,
            contributions=contributions or [contribution],
            **proposal(starts_on=starts_on, ends_on=starts_on + timedelta(days=days), **overrides),
        )
        if status in REVIEW:
            decision, reason = REVIEW[status]
            services.pilot_review(actor=reviewer, pilot=pilot, decision=decision, reason=reason)
        if status == Pilot.Status.REPORTED:
            report(pilot, organisation_member)
        pilot.refresh_from_db()
        return pilot

    return make
