"""One rule for "running" and for what the public sees: the predicate, the queryset filter,
the pilot list page, the API and the pages that show a pilot all agree."""

import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from engagement.models import Contribution
from toolkit.models import Pilot
from toolkit.pilots.selectors import pilots_public
from toolkit.pilots.status import (
    PUBLIC_STATUSES,
    RUNNING,
    pilot_is_running,
    pilot_shown_status,
    running_q,
    shown_status_expression,
)
from toolkit.rules import pilot_is_public

pytestmark = pytest.mark.django_db

# How the pilot's dates lie around today: (starts in, lasts days), and whether an approved
# pilot so dated runs.
DATES = {
    "starts tomorrow": (1, 30, False),
    "starts today": (0, 30, True),
    "half way": (-10, 30, True),
    "ends today": (-30, 30, True),
    "ended yesterday": (-30, 29, False),
}


@pytest.mark.parametrize("dates", DATES)
def test_predicate_filter_and_shown_status_agree_for_every_status(make_pilot, dates):
    starts_in, length, approved_runs = DATES[dates]
    pilot = make_pilot(starts_in=starts_in, days=length)
    for status in Pilot.Status.values:
        Pilot.objects.filter(pk=pilot.pk).update(status=status)
        pilot.refresh_from_db()
        runs = status == Pilot.Status.APPROVED and approved_runs
        row = Pilot.objects.filter(pk=pilot.pk).annotate(shown=shown_status_expression())
        assert pilot_is_running(pilot) is runs, status
        assert row.filter(running_q()).exists() is runs, status
        assert row.get().shown == pilot_shown_status(pilot) == (RUNNING if runs else status)


def test_the_public_statuses_are_those_the_rule_lets_anyone_see():
    public = {s for s in Pilot.Status.values if pilot_is_public(Pilot(status=s))}
    assert public == set(PUBLIC_STATUSES) == {"approved", "reported", "declined"}


def test_public_pilots_are_those_of_the_public_statuses(make_pilot):
    pilots = {status: make_pilot(status) for status in Pilot.Status.values}
    assert set(pilots_public()) == {pilots[s] for s in PUBLIC_STATUSES}


def _listed_on_page(client, **params) -> dict[int, str]:
    """Pilot id -> the status the pilot list page shows for it."""
    html = client.get("/en/pilots/", params).content.decode()
    items = re.findall(
        r'<a href="/en/pilots/(\d+)/">.*?</a></h2>\s*<p class="contribution-meta">(.*?)</p>',
        html,
        re.S,
    )
    return {int(pk): [part.strip() for part in meta.split("·")][2] for pk, meta in items}


def _listed_by_api(client, **params) -> dict[int, str]:
    features = client.get("/api/v1/pilots/", params).json()["features"]
    return {f["id"]: f["properties"]["status"] for f in features}


def test_the_list_page_and_the_api_list_the_same_running_pilots(client, make_pilot, campaign):
    started = make_pilot(Pilot.Status.APPROVED, starts_in=-1)
    upcoming = make_pilot(Pilot.Status.APPROVED, starts_in=5)
    ended = make_pilot(Pilot.Status.APPROVED, starts_in=-30, days=20)
    make_pilot(Pilot.Status.REPORTED)

    assert set(_listed_on_page(client, status="running")) == {started.pk}
    assert set(_listed_by_api(client, status="running")) == {started.pk}
    approved = {started.pk, upcoming.pk, ended.pk}
    assert set(_listed_on_page(client, status="approved")) == approved
    assert set(_listed_by_api(client, status="approved")) == approved
    # An unknown status on the page filters nothing; the API refuses it.
    assert len(_listed_on_page(client, status="maybe")) == 4
    assert client.get("/api/v1/pilots/", {"status": "maybe"}).status_code == 400


def test_a_started_pilot_reads_running_everywhere_and_the_others_their_status(
    client, make_pilot, contribution, campaign
):
    started = make_pilot(Pilot.Status.APPROVED, starts_in=-1)
    upcoming = make_pilot(Pilot.Status.APPROVED, starts_in=5)
    ended = make_pilot(Pilot.Status.APPROVED, starts_in=-30, days=20)

    assert _listed_on_page(client) == {
        started.pk: "Running",
        upcoming.pk: "Approved",
        ended.pk: "Approved",
    }
    assert _listed_by_api(client) == {
        started.pk: "running",
        upcoming.pk: "approved",
        ended.pk: "approved",
    }
    for pilot, label in ((started, "Running"), (ended, "Approved")):
        page = client.get(f"/en/pilots/{pilot.pk}/").content.decode()
        assert f"Status: <strong>{label}</strong>" in page
        assert client.get(f"/api/v1/pilots/{pilot.pk}/").json()["status"] == label.lower()
    # The contribution the pilots answer, and the campaign's page, say the same.
    for url in (f"/en/contributions/{contribution.pk}/", f"/en/campaigns/{campaign.slug}/"):
        page = client.get(url).content.decode()
        assert f"{started.title}</a> · Tesoman yrittäjät ry · Running" in page, url


def test_the_demo_bike_shelter_pilot_reads_running_in_the_list_on_its_page_and_in_the_api(
    client,
):
    call_command("load_demo", stdout=io.StringIO())
    pilot = Pilot.objects.get(title="Katettu pyöräparkki kokeiluun bussipysäkille")
    assert pilot.status == Pilot.Status.APPROVED
    assert pilot.starts_on < timezone.localdate() < pilot.ends_on

    assert _listed_on_page(client)[pilot.pk] == "Running"
    assert _listed_on_page(client, status="running") == {pilot.pk: "Running"}
    assert (
        "Status: <strong>Running</strong>" in client.get(f"/en/pilots/{pilot.pk}/").content.decode()
    )
    assert _listed_by_api(client, status="running") == {pilot.pk: "running"}
    shelter = Contribution.objects.get(title="Katettu pyöräparkki bussipysäkille")
    page = client.get(f"/en/contributions/{shelter.pk}/").content.decode()
    assert f"{pilot.title}</a> · {pilot.organisation.name} · Running" in page
