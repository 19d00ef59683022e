"""The pilots API: public pilots only, GeoJSON written by PostGIS, detail and result."""

import pytest

from engagement.moderation import services as moderation
from geo.models import Area
from tests.factories import (
    AreaFactory,
    CampaignFactory,
    ContributionFactory,
    ParticipantFactory,
    ThemeFactory,
)
from toolkit.models import Pilot
from toolkit.pilots import services

pytestmark = pytest.mark.django_db
URL = "/api/v1/pilots/"
UNDER_REVIEW = [Pilot.Status.PROPOSED, Pilot.Status.CHANGES_REQUESTED]


def listed(client, **params) -> list[int]:
    response = client.get(URL, params)
    assert response.status_code == 200, response.content
    return [feature["id"] for feature in response.json()["features"]]


def test_list_is_a_geojson_feature_collection(client, make_pilot, campaign, contribution):
    pilot = make_pilot(Pilot.Status.APPROVED)

    response = client.get(URL, {"campaign": campaign.slug}, HTTP_ACCEPT="application/geo+json")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == body["numberReturned"] == 1
    (feature,) = body["features"]
    assert feature == {
        "type": "Feature",
        "id": pilot.pk,
        "geometry": {"type": "Point", "coordinates": [23.63, 61.5]},
        "properties": {
            "title": "Benches on the way to Länsikeskus",
            "organisation": "Tesoman yrittäjät ry",
            "status": "running",
            "starts_on": pilot.starts_on.isoformat(),
            "ends_on": pilot.ends_on.isoformat(),
            "url": pilot.get_absolute_url(),
            "contributions": [contribution.pk],
        },
    }
    assert feature["properties"]["url"] == f"/pilots/{pilot.pk}/"


def test_the_url_is_in_the_language_of_the_request(client, make_pilot, campaign):
    pilot = make_pilot(Pilot.Status.APPROVED)
    response = client.get(URL, {"campaign": campaign.slug}, HTTP_ACCEPT_LANGUAGE="sv")
    assert response.json()["features"][0]["properties"]["url"] == f"/sv/pilots/{pilot.pk}/"


def test_list_shows_only_public_pilots_the_latest_start_first(client, make_pilot, campaign):
    declined = make_pilot(Pilot.Status.DECLINED, starts_in=-10)
    approved = make_pilot(Pilot.Status.APPROVED, starts_in=-2)
    reported = make_pilot(Pilot.Status.REPORTED, starts_in=-5)
    hidden = [make_pilot(status, starts_in=-1) for status in UNDER_REVIEW]

    assert listed(client, campaign=campaign.slug) == [approved.pk, reported.pk, declined.pk]
    # Other tests' committed rows may share the database; these pilots must be among them.
    everywhere = listed(client)
    assert {approved.pk, reported.pk, declined.pk} <= set(everywhere)
    assert not {p.pk for p in hidden} & set(everywhere)


def test_list_filters_by_campaign(client, make_pilot, campaign, administrator):
    here = make_pilot(Pilot.Status.APPROVED)
    other_campaign = CampaignFactory()
    there = make_pilot(
        Pilot.Status.APPROVED,
        campaign=other_campaign,
        contributions=[ContributionFactory(campaign=other_campaign)],
        reviewer=administrator,
    )
    assert listed(client, campaign=campaign.slug) == [here.pk]
    assert listed(client, campaign=other_campaign.slug) == [there.pk]
    response = client.get(URL, {"campaign": "no-such-campaign"})
    assert response.status_code == 400
    assert set(response.json()) == {"campaign"}


def test_list_filters_by_status_and_running_means_started_and_not_ended(
    client, make_pilot, campaign
):
    running = make_pilot(Pilot.Status.APPROVED, starts_in=-1)
    upcoming = make_pilot(Pilot.Status.APPROVED, starts_in=5)
    ended = make_pilot(Pilot.Status.APPROVED, starts_in=-30, days=20)
    declined = make_pilot(Pilot.Status.DECLINED)
    reported = make_pilot(Pilot.Status.REPORTED)

    assert listed(client, campaign=campaign.slug, status="running") == [running.pk]
    assert set(listed(client, campaign=campaign.slug, status="approved")) == {
        running.pk,
        upcoming.pk,
        ended.pk,
    }
    assert listed(client, campaign=campaign.slug, status="declined") == [declined.pk]
    assert listed(client, campaign=campaign.slug, status="reported") == [reported.pk]
    statuses = {
        f["id"]: f["properties"]["status"]
        for f in client.get(URL, {"campaign": campaign.slug}).json()["features"]
    }
    assert statuses == {
        running.pk: "running",
        upcoming.pk: "approved",
        ended.pk: "approved",
        declined.pk: "declined",
        reported.pk: "reported",
    }


@pytest.mark.parametrize("status", UNDER_REVIEW)
def test_proposals_cannot_be_asked_for(client, make_pilot, campaign, status):
    make_pilot(status)
    response = client.get(URL, {"campaign": campaign.slug, "status": status})
    assert response.status_code == 400
    assert set(response.json()) == {"status"}


def test_list_filters_by_theme_of_the_answered_contributions(
    client, make_pilot, campaign, theme, contribution
):
    other_theme = ThemeFactory(campaign=campaign, slug="green-yards")
    benches = make_pilot(Pilot.Status.APPROVED)
    both = make_pilot(
        Pilot.Status.APPROVED,
        contributions=[contribution, ContributionFactory(campaign=campaign, theme=other_theme)],
    )
    yards = make_pilot(
        Pilot.Status.APPROVED,
        contributions=[ContributionFactory(campaign=campaign, theme=other_theme)],
    )
    params = {"campaign": campaign.slug}
    assert set(listed(client, theme=theme.slug, **params)) == {benches.pk, both.pk}
    assert set(listed(client, theme="green-yards", **params)) == {both.pk, yards.pk}
    assert listed(client, theme="no-such-theme", **params) == []


def test_list_filters_by_area_and_the_areas_below_it(client, make_pilot, campaign):
    city = AreaFactory(name="Tampere", slug="tampere-test", kind=Area.Kind.CITY)
    campaign.area.parent = city
    campaign.area.save()
    pilot = make_pilot(Pilot.Status.APPROVED)

    assert listed(client, area=city.slug) == [pilot.pk]
    assert listed(client, area=campaign.area.slug) == [pilot.pk]
    assert listed(client, area=AreaFactory(slug="elsewhere-test").slug) == []


def test_detail_tells_the_plan_the_participation_and_the_feedback(
    client, make_pilot, contribution, settings
):
    settings.ANALYSIS_MIN_GROUP = 3  # three answers: the average shows
    pilot = make_pilot(Pilot.Status.APPROVED)
    services.pilot_join(pilot=pilot, participant=ParticipantFactory())
    for rating in (4, 5, 5):
        services.pilot_feedback_add(pilot=pilot, participant=ParticipantFactory(), rating=rating)

    response = client.get(f"{URL}{pilot.pk}/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {
        "id": pilot.pk,
        "geometry": {"type": "Point", "coordinates": [23.63, 61.5]},
        "title": "Benches on the way to Länsikeskus",
        "organisation": "Tesoman yrittäjät ry",
        "status": "running",
        "starts_on": pilot.starts_on.isoformat(),
        "ends_on": pilot.ends_on.isoformat(),
        "url": f"/pilots/{pilot.pk}/",
        "contributions": [contribution.pk],
        "hypothesis": pilot.hypothesis,
        "asks": "A permit to place the benches.",
        "planned_methods": "",
        "review_reason": "",
        "measures": [
            {"name": "Walkers counted a day", "unit": "people", "target": 120.0, "actual": None}
        ],
        "participants": 1,
        "feedback": {"count": 3, "average_rating": 4.7},
        "result": None,
        "neighbours_rating": [],
    }


def test_detail_without_feedback_has_no_average(client, make_pilot):
    pilot = make_pilot(Pilot.Status.DECLINED)
    body = client.get(f"{URL}{pilot.pk}/").json()
    assert body["feedback"] == {"count": 0, "average_rating": None}
    assert body["status"] == "declined"
    assert body["review_reason"] == "The path is rebuilt this summer."


def test_a_reported_pilot_shows_its_result(client, make_pilot):
    pilot = make_pilot(Pilot.Status.REPORTED)
    result = {
        "narrative": "Residents used the benches every day.",
        "next_step": "scale_up",
        "outcome": "planned",
    }

    detail = client.get(f"{URL}{pilot.pk}/").json()
    response = client.get(f"{URL}{pilot.pk}/results/")

    assert detail["status"] == "reported"
    assert detail["measures"][0]["actual"] == 130.0
    assert response.status_code == 200
    body = response.json()
    assert body.pop("reported_at")
    assert body == result
    assert detail["result"] == {**result, "reported_at": detail["result"]["reported_at"]}


def test_results_are_not_found_until_reported(client, make_pilot):
    pilot = make_pilot(Pilot.Status.APPROVED)
    assert client.get(f"{URL}{pilot.pk}/results/").status_code == 404


@pytest.mark.parametrize("status", UNDER_REVIEW)
def test_proposals_are_not_found(client, make_pilot, status):
    pilot = make_pilot(status)
    assert client.get(f"{URL}{pilot.pk}/").status_code == 404
    assert client.get(f"{URL}{pilot.pk}/results/").status_code == 404


def test_hidden_contributions_are_not_listed(client, make_pilot, contribution, moderator):
    pilot = make_pilot(Pilot.Status.APPROVED)
    moderation.contribution_moderate(
        actor=moderator, contribution=contribution, action="hide", reason="personal_data"
    )
    assert client.get(f"{URL}{pilot.pk}/").json()["contributions"] == []


def test_schema_documents_the_four_paths(client):
    paths = client.get("/api/v1/schema/", {"format": "json"}).json()["paths"]
    operations = {path: paths[path]["get"]["operationId"] for path in paths if "pilots" in path}
    assert operations == {
        "/api/v1/pilots/": "pilots_list",
        "/api/v1/pilots/{id}/": "pilots_retrieve",
        "/api/v1/pilots/{id}/results/": "pilots_results_retrieve",
        "/api/v1/pilots/suggestions/": "pilots_suggestions_list",
    }


def test_the_feedback_average_is_left_out_below_k_answers(client, make_pilot, settings):
    settings.ANALYSIS_MIN_GROUP = 5
    pilot = make_pilot(Pilot.Status.APPROVED)
    for rating in (5, 4):
        services.pilot_feedback_add(pilot=pilot, participant=ParticipantFactory(), rating=rating)
    body = client.get(f"{URL}{pilot.pk}/").json()
    assert body["feedback"] == {"count": 2, "average_rating": None}
