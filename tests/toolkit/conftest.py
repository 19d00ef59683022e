"""An organisation and its pilots, made through the services so tests stand on the real rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from engagement.models import Contribution
from tests.factories import INSIDE, ContributionFactory, UserFactory
from toolkit.models import Organisation, Pilot
from toolkit.pilots import services
from toolkit.pilots.services import MeasurePlan

HYPOTHESIS = "If there is a bench every 200 m, then more older residents walk to the shops."


@pytest.fixture
def organisation_member(db):
    """Runs the pilots of the Tesoma traders' association."""
    return UserFactory(username="oona", first_name="Oona", email="oona@example.org")


@pytest.fixture
def organisation(organisation_member) -> Organisation:
    return services.organisation_register(
        user=organisation_member,
        name="Tesoman yrittäjät ry",
        kind=Organisation.Kind.ASSOCIATION,
        business_id="1572860-0",
    )


@pytest.fixture
def contribution(theme) -> Contribution:
    return ContributionFactory(campaign=theme.campaign, theme=theme, title="Benches by the path")


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
