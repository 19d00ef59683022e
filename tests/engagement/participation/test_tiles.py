"""The map's vector tiles over HTTP: public rows only, one feature per privacy cell, clusters,
filters, caching, and refusals; decoded with tests/mvt.py."""

import math

import pytest
from django.contrib.gis.geos import LineString, Point
from django.db import connection, transaction

from engagement.models import Campaign, Contribution
from engagement.moderation import services as moderation
from engagement.participation import services
from engagement.participation.tiles import tile_cache
from tests.factories import ContributionFactory, ThemeFactory
from tests.mvt import decode, tile_for, to_lonlat
from tests.transforms import transformed

pytestmark = pytest.mark.django_db


def _cell_near_länsikeskus() -> tuple[int, int]:
    """The south-west corner of a 100 m ETRS-TM35FIN cell at Länsikeskus, placed 0.3 of the way
    into its zoom-14 tile, so no tile edge from z10 to z18 runs within about 15 m of it."""
    x, y = tile_for(23.63, 61.50, 14)
    lon, lat = to_lonlat(14, x, y, 0.3, 0.3, 1)
    point = transformed(Point(lon, lat, srid=4326), 3067)
    return int(point.x // 100 * 100), int(point.y // 100 * 100)


# A 100 m privacy cell of ETRS-TM35FIN at Tesoma, by its south-west corner.
CELL_E, CELL_N = _cell_near_länsikeskus()


@pytest.fixture(autouse=True)
def fresh_tile_cache(settings):
    """No tile from an earlier test, and every write seen at once (not within a second); the
    map version's trigger waits for a commit, which a test never makes, so it fires at once."""
    settings.TILE_VERSION_SECONDS = 0
    tile_cache.clear()
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS contribution_map_version IMMEDIATE")


def at(east: float, north: float) -> Point:
    """A WGS 84 point from ETRS-TM35FIN metres."""
    return transformed(Point(east, north, srid=3067), 4326)


CENTRE = at(CELL_E + 50, CELL_N + 50)


def tile_url(z: int, point: Point = CENTRE) -> str:
    x, y = tile_for(point.x, point.y, z)
    return f"/tiles/contributions/{z}/{x}/{y}.mvt"


def features(client, campaign, z: int, point: Point = CENTRE, **params) -> list[dict]:
    response = client.get(tile_url(z, point), {"campaign": campaign.slug, **params})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    layers = decode(response.content)
    if not layers:
        return []
    x, y = tile_for(point.x, point.y, z)
    layer = layers["contributions"]
    for feature in layer["features"]:
        feature["lonlat"] = [
            to_lonlat(z, x, y, px, py, layer["extent"])
            for part in feature["parts"]
            for px, py in part
        ]
        feature["ids"] = [int(i) for i in str(feature["properties"].get("ids", "")).split(",") if i]
    return layer["features"]


def metres(a: tuple[float, float], b: Point) -> float:
    """Approximate ground distance in metres (enough at these few tens of metres)."""
    dx = (a[0] - b.x) * 111_320 * math.cos(math.radians(b.y))
    dy = (a[1] - b.y) * 110_574
    return math.hypot(dx, dy)


def all_ids(found: list[dict]) -> set[int]:
    return {i for feature in found for i in feature["ids"]}


def test_hidden_withdrawn_and_pending_never_reach_a_tile(client, theme):
    shown = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 10, CELL_N + 10)
    )
    others = [
        ContributionFactory(
            campaign=theme.campaign,
            theme=theme,
            geometry=at(CELL_E + 20, CELL_N + 20),
            **{state: True},
        )
        for state in ("hidden", "withdrawn", "pending")
    ]
    for z in (12, 14, 15, 16, 18):
        found = features(client, theme.campaign, z)
        assert all_ids(found) == {shown.pk}, z
        assert sum(f["properties"]["count"] for f in found) == 1, z
    assert all(o.pk not in all_ids(features(client, theme.campaign, 16)) for o in others)


def test_a_point_lands_on_its_cell_centre_not_its_exact_place(client, theme):
    secret = at(CELL_E + 8, CELL_N + 12)
    ContributionFactory(campaign=theme.campaign, theme=theme, geometry=secret)
    for z in (16, 18, 22):
        (feature,) = features(client, theme.campaign, z)
        (lonlat,) = feature["lonlat"]
        assert metres(lonlat, CENTRE) < 1, z
        assert metres(lonlat, secret) > 50, z


def test_an_exact_place_made_public_stays_exact_when_alone(client, theme):
    exact = at(CELL_E + 8, CELL_N + 12)
    ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=exact, exact_location_public=True
    )
    (feature,) = features(client, theme.campaign, 18, exact)
    assert metres(feature["lonlat"][0], exact) < 1


def test_two_pins_in_one_cell_are_one_feature_with_their_count(client, theme):
    first = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 10, CELL_N + 90)
    )
    second = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        kind="need",
        geometry=at(CELL_E + 90, CELL_N + 10),
        exact_location_public=True,
    )
    elsewhere = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 150, CELL_N + 50)
    )
    for z in (15, 16, 18):
        found = features(client, theme.campaign, z)
        (cell,) = [f for f in found if first.pk in f["ids"]]
        assert cell["properties"]["count"] == 2
        assert set(cell["ids"]) == {first.pk, second.pk}
        assert (cell["properties"]["ideas"], cell["properties"]["needs"]) == (1, 1)
        assert metres(cell["lonlat"][0], CENTRE) < 1, "the exact one does not move the cell"
        assert cell["properties"]["type"] == "cell"
        assert elsewhere.pk not in cell["ids"]


def test_a_single_feature_carries_its_kind_status_and_theme(client, theme):
    item = ContributionFactory(campaign=theme.campaign, theme=theme, kind="need", geometry=CENTRE)
    Contribution.objects.filter(pk=item.pk).update(status="planned")
    (feature,) = features(client, theme.campaign, 16)
    west, south, east, north = (float(v) for v in feature["properties"].pop("bbox").split(","))
    assert west < CENTRE.x < east and south < CENTRE.y < north
    assert east - west < 0.003 and north - south < 0.0015, "the privacy cell's own box"
    assert feature["properties"] | {"ids": None} == {
        "type": "cell",
        "count": 1,
        "ideas": 0,
        "needs": 1,
        "kind": "need",
        "status": "planned",
        "theme": theme.slug,
        "ids": None,
    }


def test_filters_choose_what_a_tile_shows(client, theme):
    other_theme = ThemeFactory(campaign=theme.campaign, slug="parks")
    idea = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=CENTRE, title="Skate ramp by the library"
    )
    need = ContributionFactory(
        campaign=theme.campaign,
        theme=other_theme,
        kind="need",
        geometry=at(CELL_E + 160, CELL_N + 60),
    )
    Contribution.objects.filter(pk=need.pk).update(status="done")
    campaign = theme.campaign
    assert all_ids(features(client, campaign, 15)) == {idea.pk, need.pk}
    assert all_ids(features(client, campaign, 15, kind="need")) == {need.pk}
    assert all_ids(features(client, campaign, 15, theme="parks")) == {need.pk}
    assert all_ids(features(client, campaign, 15, status="done")) == {need.pk}
    assert all_ids(features(client, campaign, 15, q="skate")) == {idea.pk}
    assert all_ids(features(client, campaign, 12, kind="idea")) == {idea.pk}
    other = ThemeFactory().campaign
    assert features(client, other, 15) == []


def test_low_zoom_clusters_count_every_public_contribution_once(client, theme):
    made = [
        ContributionFactory(
            campaign=theme.campaign,
            theme=theme,
            geometry=at(CELL_E + 5 + 9 * i, CELL_N + 5 + 11 * i),
        )
        for i in range(12)
    ]
    ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 100, CELL_N + 100), hidden=True
    )
    pair = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=at(CELL_E + 95, CELL_N + 95)
    )
    for z in (10, 12, 13, 14):
        found = features(client, theme.campaign, z)
        assert {f["properties"]["type"] for f in found} == {"cluster"}
        assert sum(f["properties"]["count"] for f in found) == 13, z
        assert all_ids(found) == {m.pk for m in made} | {pair.pk}, z
        # One privacy cell is never split between two clusters.
        (together,) = [f for f in found if pair.pk in f["ids"]]
        assert made[0].pk in together["ids"]
        west, south, east, north = (float(v) for v in together["properties"]["bbox"].split(","))
        lon, lat = together["lonlat"][0]
        assert west <= lon <= east and south <= lat <= north
    (one,) = features(client, theme.campaign, 10)
    assert one["properties"]["count"] == 13


def test_routes_are_shapes_up_close_and_part_of_clusters_further_out(client, theme):
    route = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        geometry=LineString(at(CELL_E + 20, CELL_N + 20), at(CELL_E + 80, CELL_N + 70), srid=4326),
    )
    (shape,) = features(client, theme.campaign, 16)
    assert shape["type"] == "LineString" and shape["ids"] == [route.pk]
    assert shape["properties"]["type"] == "shape"
    (cluster,) = features(client, theme.campaign, 12)
    assert cluster["type"] == "Point" and cluster["ids"] == [route.pk]


def test_etag_304_and_a_write_changes_the_tile(client, theme, moderator):
    campaign = theme.campaign
    first = ContributionFactory(campaign=campaign, theme=theme, geometry=CENTRE)
    url, params = tile_url(16), {"campaign": campaign.slug}
    response = client.get(url, params)
    etag = response["ETag"]
    assert response["Cache-Control"] == "public, max-age=60"
    assert client.get(url, params, HTTP_IF_NONE_MATCH=etag).status_code == 304
    assert client.get(url, params | {"kind": "need"}, HTTP_IF_NONE_MATCH=etag).status_code == 200

    second = services.contribution_submit(
        campaign=campaign,
        participant=first.participant,
        kind="idea",
        theme=theme,
        title="Second one",
        body="In the same cell.",
        geometry=at(CELL_E + 30, CELL_N + 30),
    )
    response = client.get(url, params, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    (feature,) = features(client, campaign, 16)
    assert feature["properties"]["count"] == 2

    etag = response["ETag"]
    moderation.contribution_moderate(
        actor=moderator, contribution=second, action="hide", reason="spam"
    )
    response = client.get(url, params, HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200 and response["ETag"] != etag
    (feature,) = features(client, campaign, 16)
    assert feature["ids"] == [first.pk]


def test_an_empty_tile_is_an_empty_200(client, campaign):
    response = client.get(tile_url(16), {"campaign": campaign.slug})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.mapbox-vector-tile"
    assert response.content == b""


@pytest.mark.parametrize(
    "path",
    [
        "/tiles/contributions/23/0/0.mvt",
        "/tiles/contributions/2/4/0.mvt",
        "/tiles/contributions/2/0/4.mvt",
        "/tiles/contributions/-1/0/0.mvt",
        "/tiles/contributions/3/-1/0.mvt",
        "/tiles/contributions/99999999999999999999999/0/0.mvt",
        "/tiles/contributions/3/99999999999999999999999/0.mvt",
        "/tiles/contributions/3/0/0.png",
    ],
)
def test_a_tile_that_does_not_exist_is_a_json_404(client, campaign, path):
    response = client.get(path, {"campaign": campaign.slug})
    assert response.status_code == 404
    assert "detail" in response.json()


@pytest.mark.parametrize(
    "params, field",
    [({}, "campaign"), ({"campaign": "nope"}, "campaign"), ({"kind": "bad"}, "kind")],
)
def test_bad_tile_parameters_are_a_json_400(client, campaign, params, field):
    query = {"campaign": campaign.slug} | params if params.get("kind") else params
    response = client.get("/tiles/contributions/3/4/2.mvt", query)
    assert response.status_code == 400
    assert field in response.json()


def test_a_tile_is_read_only(client, campaign):
    assert client.post(tile_url(16) + f"?campaign={campaign.slug}").status_code == 405


def test_a_cached_tile_costs_no_query(client, theme, settings, django_assert_num_queries):
    settings.TILE_VERSION_SECONDS = 60
    ContributionFactory(campaign=theme.campaign, theme=theme, geometry=CENTRE)
    first = client.get(tile_url(16), {"campaign": theme.campaign.slug})
    with django_assert_num_queries(0):
        again = client.get(tile_url(16), {"campaign": theme.campaign.slug})
    assert again.content == first.content and again["ETag"] == first["ETag"]


@pytest.mark.django_db(transaction=True)
def test_a_committed_write_raises_the_map_version_once(theme, moderator):
    """The trigger waits for the commit (no deadlock with other writers) and raises the number
    once per transaction, however many rows it wrote."""
    campaign = theme.campaign
    before = Campaign.objects.get(pk=campaign.pk).map_version
    made = [ContributionFactory(campaign=campaign, theme=theme) for _ in range(3)]
    assert Campaign.objects.get(pk=campaign.pk).map_version == before + 3
    with transaction.atomic():
        for item in made:
            moderation.contribution_moderate(
                actor=moderator, contribution=item, action="hide", reason="spam"
            )
        assert Campaign.objects.get(pk=campaign.pk).map_version == before + 3, "not yet"
    assert Campaign.objects.get(pk=campaign.pk).map_version == before + 4
    Contribution.objects.filter(campaign=campaign).update(status="done")
    assert Campaign.objects.get(pk=campaign.pk).map_version == before + 5
