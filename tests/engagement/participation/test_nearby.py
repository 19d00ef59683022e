""" "Already reported near here": public contributions of the theme near a place, nothing else."""

import pytest
from django.contrib.gis.geos import Point
from django.test import Client

from engagement.models import Contribution
from tests.factories import ContributionFactory, SupportFactory, ThemeFactory
from tests.factories.geo import INSIDE

pytestmark = pytest.mark.django_db

# About 11 m of latitude per 0.0001 degree.
NORTH_60M = Point(INSIDE.x, INSIDE.y + 0.00054, srid=4326)
NORTH_400M = Point(INSIDE.x, INSIDE.y + 0.0036, srid=4326)


def nearby(client: Client, campaign, **query) -> dict:
    response = client.get(
        f"/api/v1/campaigns/{campaign.slug}/nearby/", query, HTTP_ACCEPT_LANGUAGE="en"
    )
    assert response.status_code == 200, response.content
    return response.json()


def ids(body: dict) -> set[int]:
    return {result["id"] for result in body["results"]}


def test_only_published_ones_of_the_theme_within_the_distance_appear(campaign, theme):
    near = ContributionFactory(campaign=campaign, theme=theme, geometry=NORTH_60M)
    ContributionFactory(campaign=campaign, theme=theme, geometry=NORTH_400M)  # too far
    ContributionFactory(campaign=campaign, theme=ThemeFactory(campaign=campaign))  # other theme
    ContributionFactory(campaign=campaign, theme=theme, pending=True)
    ContributionFactory(campaign=campaign, theme=theme, hidden=True)
    ContributionFactory(campaign=campaign, theme=theme, withdrawn=True)
    merged = ContributionFactory(campaign=campaign, theme=theme, duplicate_of=near)
    Contribution.objects.filter(pk=merged.pk).update(moderation_state="published")
    body = nearby(Client(), campaign, theme=theme.slug, lat=INSIDE.y, lon=INSIDE.x)
    assert body["distance_m"] == campaign.duplicate_distance_m == 150
    assert ids(body) == {near.pk}
    (result,) = body["results"]
    assert result["url"] == f"/en/contributions/{near.pk}/"
    assert result["support_url"] == f"/api/v1/contributions/{near.pk}/support/"
    assert result["status_label"] == "New"


def test_the_campaigns_distance_decides(campaign, theme):
    far = ContributionFactory(campaign=campaign, theme=theme, geometry=NORTH_400M)
    query = {"theme": theme.slug, "lat": INSIDE.y, "lon": INSIDE.x}
    assert ids(nearby(Client(), campaign, **query)) == set()
    campaign.duplicate_distance_m = 600
    campaign.save()
    body = nearby(Client(), campaign, **query)
    assert ids(body) == {far.pk}
    # The blurred public point, not the exact one: the distance is to the cell's centre.
    assert 300 <= body["results"][0]["distance_m"] <= 500
    assert body["results"][0]["distance_m"] % 10 == 0


def test_a_blurred_contribution_gives_only_its_public_location(campaign, theme):
    exact = Point(INSIDE.x + 0.0002, INSIDE.y + 0.0001, srid=4326)
    item = ContributionFactory(campaign=campaign, theme=theme, geometry=exact)
    (result,) = nearby(Client(), campaign, theme=theme.slug, lat=INSIDE.y, lon=INSIDE.x)["results"]
    item.refresh_from_db()
    lon, lat = result["location"]["coordinates"]
    assert (round(lon, 6), round(lat, 6)) == (
        round(item.public_point.x, 6),
        round(item.public_point.y, 6),
    )
    assert (round(lon, 6), round(lat, 6)) != (round(exact.x, 6), round(exact.y, 6))


def test_it_says_whether_the_visitor_already_supports_it(
    resident_client, resident_participant, contribution
):
    SupportFactory(contribution=contribution, participant=resident_participant)
    query = {"theme": contribution.theme.slug, "lat": INSIDE.y, "lon": INSIDE.x}
    (mine,) = nearby(resident_client, contribution.campaign, **query)["results"]
    (theirs,) = nearby(Client(), contribution.campaign, **query)["results"]
    assert (mine["supported"], theirs["supported"]) == (True, False)


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ({"lat": 61.5, "lon": 23.63}, "theme"),
        ({"theme": "no such theme", "lat": 61.5, "lon": 23.63}, "theme"),
        ({"theme": "x" * 51, "lat": 61.5, "lon": 23.63}, "theme"),
        ({"theme": "missing", "lat": 61.5, "lon": 23.63}, "theme"),
        ({"theme": 1, "lat": 91, "lon": 23.63}, "lat"),
        ({"theme": 1, "lat": "nan", "lon": 23.63}, "lat"),
        ({"theme": 1, "lat": 61.5, "lon": "1e999"}, "lon"),
        ({"theme": 1, "lat": 61.5}, "lon"),
    ],
)
def test_bad_input_is_a_400_naming_the_field_in_the_readers_language(campaign, query, field):
    if query.get("theme") == 1:
        query["theme"] = ThemeFactory(campaign=campaign).slug
    url = f"/api/v1/campaigns/{campaign.slug}/nearby/"
    english = Client().get(url, query, HTTP_ACCEPT_LANGUAGE="en")
    finnish = Client().get(url, query, HTTP_ACCEPT_LANGUAGE="fi")
    assert english.status_code == finnish.status_code == 400
    assert field in english.json()
    assert english.json()[field] != finnish.json()[field]


def test_another_campaigns_theme_is_refused_and_an_unknown_campaign_is_404(campaign):
    other = ThemeFactory()
    url = f"/api/v1/campaigns/{campaign.slug}/nearby/"
    response = Client().get(url, {"theme": other.slug, "lat": 61.5, "lon": 23.63})
    assert response.status_code == 400
    missing = Client().get("/api/v1/campaigns/no-such/nearby/", {"theme": 1, "lat": 1, "lon": 1})
    assert missing.status_code == 404


def test_the_endpoint_is_in_the_openapi_schema(client):
    schema = client.get("/api/v1/schema/?format=json").json()
    operation = schema["paths"]["/api/v1/campaigns/{slug}/nearby/"]["get"]
    assert {p["name"] for p in operation["parameters"]} >= {"slug", "theme", "lat", "lon"}
    assert {"200", "400", "404"} <= set(operation["responses"])
