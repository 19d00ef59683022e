"""The contributions API: GeoJSON by PostGIS, filters, paging, writes through the service."""

import json
import time
import uuid

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.management import call_command
from django.db import connection

from engagement.models import Campaign, Contribution, Participant
from tests.factories import ContributionFactory, ThemeFactory

pytestmark = pytest.mark.django_db
URL = "/api/v1/contributions/"


def post(client, payload, **headers):
    return client.post(URL, data=json.dumps(payload), content_type="application/json", **headers)


def valid_payload(campaign, theme_, **overrides):
    payload = {
        "campaign": campaign.slug,
        "kind": "need",
        "theme": theme_.slug,
        "title": "Lights on the forest path",
        "body": "The path to the school is dark in winter.",
        "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
    }
    payload.update(overrides)
    return payload


def test_list_is_a_geojson_feature_collection(client, theme):
    contribution = ContributionFactory(
        campaign=theme.campaign, theme=theme, title="Skate spot", exact_location_public=True
    )

    response = client.get(URL, {"campaign": theme.campaign.slug})

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    body = response.json()
    assert body["type"] == "FeatureCollection"
    assert body["numberMatched"] == body["numberReturned"] == 1
    (feature,) = body["features"]
    assert feature["type"] == "Feature"
    assert feature["id"] == contribution.pk
    assert feature["geometry"] == {"type": "Point", "coordinates": [23.63, 61.5]}
    assert feature["properties"]["title"] == "Skate spot"
    assert feature["properties"]["theme"] == theme.slug
    assert feature["properties"]["kind"] == "idea"
    assert feature["properties"]["status"] == "new"
    assert feature["properties"]["url"] == f"/contributions/{contribution.pk}/"


def test_list_shows_only_published_contributions(client, theme):
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Visible")
    ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Waiting",
        moderation_state=Contribution.ModerationState.PENDING,
    )
    ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Hidden",
        moderation_state=Contribution.ModerationState.HIDDEN,
    )
    titles = [f["properties"]["title"] for f in client.get(URL).json()["features"]]
    assert titles == ["Visible"]


def test_bbox_keeps_only_contributions_inside_the_box(client, theme):
    west = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=Point(23.615, 61.50, srid=4326)
    )
    ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=Point(23.645, 61.50, srid=4326)
    )
    response = client.get(URL, {"campaign": theme.campaign.slug, "bbox": "23.61,61.49,23.62,61.51"})
    assert [f["id"] for f in response.json()["features"]] == [west.pk]


def test_filters_by_theme_kind_status_and_area(client, theme):
    other_theme = ThemeFactory(campaign=theme.campaign)
    match = ContributionFactory(campaign=theme.campaign, theme=theme, kind="need", status="planned")
    ContributionFactory(campaign=theme.campaign, theme=other_theme, kind="need", status="planned")
    ContributionFactory(campaign=theme.campaign, theme=theme, kind="idea", status="planned")
    ContributionFactory(campaign=theme.campaign, theme=theme, kind="need", status="new")
    response = client.get(
        URL,
        {
            "theme": theme.slug,
            "kind": "need",
            "status": "planned",
            "area": theme.campaign.area.slug,
        },
    )
    assert [f["id"] for f in response.json()["features"]] == [match.pk]


def test_paging_reports_matches_and_links_to_the_next_page(client, theme):
    made = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(5)]
    first = client.get(URL, {"limit": 2}).json()
    assert first["numberMatched"] == 5
    assert first["numberReturned"] == 2
    assert [f["id"] for f in first["features"]] == [made[4].pk, made[3].pk]
    (link,) = first["links"]
    assert link["rel"] == "next" and "offset=2" in link["href"]
    last = client.get(URL, {"limit": 2, "offset": 4}).json()
    assert [f["id"] for f in last["features"]] == [made[0].pk]
    assert last["links"] == []


@pytest.mark.parametrize(
    "query",
    [
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "24,61,23,62"},
        {"kind": "rant"},
        {"campaign": "no-such-campaign"},
        {"limit": "0"},
        {"limit": "100000"},
    ],
)
def test_bad_query_answers_400_with_the_field(client, query):
    response = client.get(URL, query)
    assert response.status_code == 400
    assert set(response.json()) == set(query)


def test_errors_follow_accept_language(client):
    response = client.get(URL, {"bbox": "1,2,3"}, headers={"accept-language": "sv"})
    assert "fyra" in response.json()["bbox"][0]


def test_post_creates_a_contribution_and_returns_its_feature(client, theme):
    response = post(client, valid_payload(theme.campaign, theme, exact_location_public=True))

    assert response.status_code == 201, response.content
    feature = response.json()
    stored = Contribution.objects.get(pk=feature["id"])
    assert stored.title == "Lights on the forest path"
    assert stored.kind == "need"
    assert feature["properties"]["moderation"] == "published"
    assert feature["geometry"]["coordinates"] == [23.631, 61.501]
    assert response["Location"].endswith(f"/api/v1/contributions/{stored.pk}/")
    assert client.get(response["Location"]).json()["id"] == stored.pk


def test_post_outside_the_area_answers_400_and_stores_nothing(client, theme):
    payload = valid_payload(
        theme.campaign, theme, geometry={"type": "Point", "coordinates": [24.5, 61.5]}
    )
    response = post(client, payload)
    assert response.status_code == 400
    assert list(response.json()) == ["geometry"]
    assert not Contribution.objects.exists()


def test_post_reports_every_field_error_at_once(client, theme):
    payload = valid_payload(
        theme.campaign, theme, kind="", theme="nope", title="x", body="", geometry=None
    )
    response = post(client, payload)
    assert response.status_code == 400
    assert set(response.json()) == {"kind", "theme", "title", "body", "geometry"}


def test_post_to_a_closed_campaign_answers_400_with_a_general_error(client, theme):
    Campaign.objects.filter(pk=theme.campaign.pk).update(opens_at="2100-01-01T00:00:00Z")
    response = post(client, valid_payload(theme.campaign, theme))
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_post_with_malformed_geometry_answers_400(client, theme):
    response = post(client, valid_payload(theme.campaign, theme, geometry={"type": "Point"}))
    assert response.status_code == 400
    assert "geometry" in response.json()


def test_unknown_contribution_answers_404(client):
    assert client.get(f"{URL}999999/").status_code == 404


def test_campaigns_endpoint_lists_themes(client, theme):
    body = client.get("/api/v1/campaigns/").json()
    assert body[0]["slug"] == theme.campaign.slug
    assert body[0]["themes"][0]["slug"] == theme.slug


def test_openapi_schema_describes_contributions(client):
    response = client.get("/api/v1/schema/", headers={"accept": "application/json"})
    assert response.status_code == 200
    assert "/api/v1/contributions/" in response.content.decode()


def test_signed_in_post_needs_the_csrf_token_and_records_the_author(theme, resident):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    payload = valid_payload(theme.campaign, theme)
    assert post(client, payload).status_code == 403

    client.get(f"/campaigns/{theme.campaign.slug}/")  # sets the CSRF cookie, as the page does
    token = client.cookies["csrftoken"].value
    response = post(client, payload, headers={"x-csrftoken": token})
    assert response.status_code == 201
    assert Contribution.objects.get(pk=response.json()["id"]).participant.user == resident


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point"},
        {"type": "Circle", "coordinates": [23.6, 61.5]},
        "POINT (23.6 61.5)",
        {"type": "Point", "coordinates": "23.6,61.5"},
        [23.6, 61.5],
    ],
)
def test_post_with_anything_but_a_geojson_geometry_is_refused(client, theme, geometry):
    response = post(client, valid_payload(theme.campaign, theme, geometry=geometry))
    assert response.status_code == 400
    assert list(response.json()) == ["geometry"]


def test_a_crs_member_is_ignored_and_the_point_read_as_wgs84(client, theme):
    geometry = {
        "type": "Point",
        "coordinates": [23.631, 61.501],
        "crs": {"type": "name", "properties": {"name": "/etc/passwd"}},
    }
    payload = valid_payload(theme.campaign, theme, geometry=geometry, exact_location_public=True)
    response = post(client, payload)
    assert response.status_code == 201
    assert response.json()["geometry"]["coordinates"] == [23.631, 61.501]


@pytest.mark.parametrize("coordinates", [[500, 61.5], [23.6, 95], [23.6, -91]])
def test_post_with_coordinates_off_the_globe_answers_400(client, theme, coordinates):
    geometry = {"type": "Point", "coordinates": coordinates}
    response = post(client, valid_payload(theme.campaign, theme, geometry=geometry))
    assert response.status_code == 400
    assert list(response.json()) == ["geometry"]


def _line(*points):
    return {"type": "LineString", "coordinates": [list(p) for p in points]}


@pytest.mark.parametrize(
    ("geometry", "message"),
    [
        # A bow tie: the area's edges cross.
        (
            {
                "type": "Polygon",
                "coordinates": [
                    [
                        [23.62, 61.498],
                        [23.64, 61.502],
                        [23.64, 61.498],
                        [23.62, 61.502],
                        [23.62, 61.498],
                    ]
                ],
            },
            "cross",
        ),
        (_line(*[(23.62 + i * 0.00003, 61.50) for i in range(501)]), "500"),
        (_line((23.62, 61.50), (23.62, 61.50)), "two different points"),
        ({"type": "MultiPoint", "coordinates": [[23.62, 61.5], [23.63, 61.5]]}, "shapes"),
        (_line((23.62, 61.50), (23.64, 61.60)), "outside"),
    ],
)
def test_geometry_rules_answer_400_through_the_api(client, theme, geometry, message):
    response = post(
        client,
        valid_payload(theme.campaign, theme, geometry=geometry),
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert message in response.json()["geometry"][0]
    assert not Contribution.objects.exists()


def test_a_route_longer_than_20_km_is_refused_through_the_api(client, theme):
    from geo.models import Area
    from tests.factories import box

    Area.objects.filter(pk=theme.campaign.area_id).update(boundary=box(23.0, 61.0, 24.5, 62.0))
    response = post(
        client,
        valid_payload(theme.campaign, theme, geometry=_line((23.1, 61.5), (23.6, 61.5))),
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert "km" in response.json()["geometry"][0]


def test_a_repeated_idempotency_key_returns_the_same_contribution(client, theme):
    payload = valid_payload(theme.campaign, theme, idempotency_key=str(uuid.uuid4()))
    first = post(client, payload)
    second = post(client, payload)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Contribution.objects.count() == 1


def test_a_first_send_whose_answer_is_lost_is_stored_once_when_sent_again(client, theme):
    """The campaign page gives an anonymous browser its participant cookie (and no row yet), so
    the repeat of a first send whose answer (and its cookie) was lost, on a walk's patchy
    connection, comes as the same participant and its idempotency key holds (decision 0046)."""
    page = client.get(theme.campaign.get_absolute_url())
    token = page.cookies[settings.PARTICIPANT_COOKIE].value
    assert token and not Participant.objects.exists()
    payload = valid_payload(theme.campaign, theme, idempotency_key=str(uuid.uuid4()))
    first = post(client, payload)
    client.cookies[settings.PARTICIPANT_COOKIE] = token  # the answer never arrived
    second = post(client, payload)
    assert first.status_code == second.status_code == 201
    assert first.json()["id"] == second.json()["id"]
    assert Contribution.objects.count() == Participant.objects.count() == 1
    # A page seen again keeps the browser's token.
    assert settings.PARTICIPANT_COOKIE not in client.get(theme.campaign.get_absolute_url()).cookies


def test_a_filled_honeypot_is_refused_through_the_api(client, theme):
    response = post(client, valid_payload(theme.campaign, theme, website="http://spam"))
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_anonymous_rate_limit_answers_429_with_a_friendly_message(client, theme, settings):
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (2, 3600), "comment": (2, 3600)}
    for _ in range(2):
        assert post(client, valid_payload(theme.campaign, theme)).status_code == 201
    response = post(client, valid_payload(theme.campaign, theme), headers={"accept-language": "en"})
    assert response.status_code == 429
    assert "wait a moment" in response.json()["non_field_errors"][0]
    assert Contribution.objects.count() == 2


def test_a_rate_limited_answer_says_when_to_try_again(client, theme, settings):
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (1, 3600), "comment": (1, 3600)}
    assert post(client, valid_payload(theme.campaign, theme)).status_code == 201
    before = time.time()
    response = post(client, valid_payload(theme.campaign, theme))
    assert response.status_code == 429
    wait = int(response["Retry-After"])
    # The hour is a clock-aligned window: the client may try again when it ends.
    window_end = (int(before // 3600) + 1) * 3600
    assert abs(before + wait - window_end) <= 2


def test_the_hourly_limit_lasts_the_hour_in_the_database_cache(client, theme, settings):
    """Django's database cache resets a key's expiry to its default timeout (300 s) on incr;
    the counter must still expire only when its window ends."""
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": "yhdessa_rate_test_cache",
        }
    }
    call_command("createcachetable")
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (5, 3600), "comment": (5, 3600)}
    for _ in range(2):
        assert post(client, valid_payload(theme.campaign, theme)).status_code == 201
    now = time.time()
    window_end = (int(now // 3600) + 1) * 3600
    with connection.cursor() as cursor:
        cursor.execute("SELECT cache_key, expires FROM yhdessa_rate_test_cache")
        rows = cursor.fetchall()
    counters = [(key, expires) for key, expires in rows if ":rate:contribution:" in key]
    assert counters, rows
    for _key, expires in counters:
        assert abs(expires.timestamp() - window_end) <= 2
