"""The OGC API - Features door (decision 0042): read as a client reads it, parameters refused
with a 400 in JSON, and only what the public may see."""

import json
from datetime import timedelta

import pytest
from django.contrib.gis.geos import GEOSGeometry, Point
from django.utils import timezone

from engagement.models import Contribution
from tests.factories import ContributionFactory
from tests.factories.toolkit import PilotFactory
from tests.transforms import transformed

pytestmark = pytest.mark.django_db
ROOT = "/features"
STORED = Point(23.6312, 61.5013, srid=4326)


@pytest.fixture
def published():
    shown = ContributionFactory(geometry=STORED)
    campaign = shown.campaign
    campaign.moderation = "post"
    campaign.save()
    exact = ContributionFactory(campaign=campaign, theme=shown.theme, exact_location_public=True)
    route = ContributionFactory(campaign=campaign, theme=shown.theme, route=True)
    for trait in ("hidden", "pending", "withdrawn"):
        ContributionFactory(campaign=campaign, theme=shown.theme, **{trait: True})
    Contribution.objects.filter(pk__in=[shown.pk, exact.pk, route.pk]).update(
        moderation_state=Contribution.ModerationState.PUBLISHED
    )
    return campaign, [shown, exact, route]


def _items(client, campaign, **params):
    return client.get(f"{ROOT}/collections/contributions-{campaign.slug}/items", params)


def test_the_landing_page_links_conformance_and_collections(client):
    body = client.get(f"{ROOT}/").json()
    rels = {link["rel"] for link in body["links"]}
    assert {"self", "alternate", "conformance", "data", "service-doc"} <= rels
    assert client.get(ROOT).status_code == 200
    conformance = client.get(f"{ROOT}/conformance").json()["conformsTo"]
    assert "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core" in conformance
    assert "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs" in conformance


def test_the_landing_page_is_html_for_a_browser(client, published):
    campaign, _ = published
    page = client.get(f"{ROOT}/", headers={"accept": "text/html,application/xhtml+xml"})
    assert page["Content-Type"].startswith("text/html")
    assert f"contributions-{campaign.slug}" in page.content.decode()
    sv = client.get(f"{ROOT}/?f=html", headers={"accept-language": "sv"})
    assert "Samlingar" in sv.content.decode()


def test_collections_list_each_campaign_the_areas_and_the_pilots(client, published):
    campaign, _ = published
    body = client.get(f"{ROOT}/collections").json()
    ids = [c["id"] for c in body["collections"]]
    assert f"contributions-{campaign.slug}" in ids
    assert "areas" in ids and "pilots" in ids
    one = client.get(f"{ROOT}/collections/contributions-{campaign.slug}").json()
    assert one["storageCrs"] == "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
    assert "http://www.opengis.net/def/crs/EPSG/0/3067" in one["crs"]
    assert len(one["extent"]["spatial"]["bbox"][0]) == 4


def test_items_are_the_public_ones_at_their_public_location(client, published):
    campaign, shown = published
    response = _items(client, campaign)
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Crs"] == "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>"
    body = response.json()
    assert body["numberMatched"] == 3 and body["numberReturned"] == 3
    assert "timeStamp" in body
    assert sorted(f["id"] for f in body["features"]) == sorted(c.pk for c in shown)
    api = client.get("/api/v1/contributions/", {"campaign": campaign.slug, "limit": 100}).json()
    api_geometries = {f["id"]: GEOSGeometry(json.dumps(f["geometry"])) for f in api["features"]}
    for feature in body["features"]:
        geometry = GEOSGeometry(json.dumps(feature["geometry"]))
        assert geometry.equals_exact(api_geometries[feature["id"]], tolerance=1e-6)
        assert "participant" not in feature["properties"]
        assert feature["properties"]["url"].startswith("http://testserver/")
    point = next(f for f in body["features"] if f["id"] == shown[0].pk)
    assert point["geometry"]["coordinates"] != [STORED.x, STORED.y]


def test_a_hidden_contribution_is_not_found(client, published):
    campaign, _ = published
    hidden = Contribution.objects.get(campaign=campaign, moderation_state="hidden")
    url = f"{ROOT}/collections/contributions-{campaign.slug}/items/{hidden.pk}"
    response = client.get(url)
    assert response.status_code == 404
    assert response.json()["code"] == "NotFound"
    assert client.get(f"{ROOT}/collections/nothing/items").status_code == 404


def test_paging_links_walk_every_feature(client, published):
    campaign, shown = published
    first = _items(client, campaign, limit=2).json()
    assert first["numberReturned"] == 2 and first["numberMatched"] == 3
    next_link = next(link["href"] for link in first["links"] if link["rel"] == "next")
    second = client.get(next_link.removeprefix("http://testserver")).json()
    assert second["numberReturned"] == 1
    assert "next" not in {link["rel"] for link in second["links"]}
    assert "prev" in {link["rel"] for link in second["links"]}
    ids = [f["id"] for f in first["features"] + second["features"]]
    assert sorted(ids) == sorted(c.pk for c in shown)
    assert _items(client, campaign, limit=5000).json()["numberReturned"] == 3


def test_bbox_in_crs84_and_in_etrs_tm35fin_and_output_in_etrs_tm35fin(client, published):
    campaign, shown = published
    public_point = GEOSGeometry(
        json.dumps(
            client.get(
                f"{ROOT}/collections/contributions-{campaign.slug}/items/{shown[0].pk}"
            ).json()["geometry"]
        )
    )
    box = (
        public_point.x - 0.0001,
        public_point.y - 0.0001,
        public_point.x + 0.0001,
        public_point.y + 0.0001,
    )
    found = _items(client, campaign, bbox=",".join(map(str, box))).json()
    assert shown[0].pk in [f["id"] for f in found["features"]]
    # The true point but not its public one inside: nothing, as for the map.
    metric = transformed(public_point, 3067)
    metric_box = (metric.x - 10, metric.y - 10, metric.x + 10, metric.y + 10)
    found = _items(
        client,
        campaign,
        bbox=",".join(map(str, metric_box)),
        **{"bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/3067"},
    )
    assert shown[0].pk in [f["id"] for f in found.json()["features"]]
    response = _items(client, campaign, crs="http://www.opengis.net/def/crs/EPSG/0/3067")
    assert response["Content-Crs"] == "<http://www.opengis.net/def/crs/EPSG/0/3067>"
    feature = next(f for f in response.json()["features"] if f["id"] == shown[0].pk)
    x, y = feature["geometry"]["coordinates"]
    assert abs(x - metric.x) < 0.02 and abs(y - metric.y) < 0.02


def test_datetime_instants_and_open_intervals(client, published):
    campaign, shown = published
    Contribution.objects.filter(pk=shown[0].pk).update(
        created_at=timezone.now() - timedelta(days=30)
    )
    old = (timezone.now() - timedelta(days=20)).strftime("%Y-%m-%dT%H:%M:%SZ")
    before = _items(client, campaign, datetime=f"../{old}").json()
    assert [f["id"] for f in before["features"]] == [shown[0].pk]
    after = _items(client, campaign, datetime=f"{old}/..").json()
    assert after["numberMatched"] == 2
    day = (timezone.now() - timedelta(days=30)).date().isoformat()
    assert _items(client, campaign, datetime=day).json()["numberMatched"] == 1


@pytest.mark.parametrize(
    "params",
    [
        {"limit": "0"},
        {"limit": "ten"},
        {"offset": "-1"},
        {"offset": "99999999999999999999999"},
        {
            "bbox": "1e300,1e300,1e301,1e301",
            "bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/3067",
        },
        {"bbox": "-1e30,-1e30,1e30,1e30", "bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/3067"},
        {"datetime": "99999-01-01"},
        {"datetime": "2025-05-01T25:00:00Z"},
        {"bbox": "1,2,3"},
        {"bbox": "a,b,c,d"},
        {"bbox": "0,80,10,70"},
        {"bbox": "0,0,1,nan"},
        {"bbox": "0,0,1,1", "bbox-crs": "EPSG:9999"},
        {"bbox-crs": "http://www.opengis.net/def/crs/EPSG/0/3067"},
        {"datetime": "yesterday"},
        {"datetime": "../.."},
        {"datetime": "2025-05-02/2025-05-01"},
        {"datetime": "2025-13-01"},
        {"crs": "http://www.opengis.net/def/crs/EPSG/0/4326x"},
        {"f": "xml"},
        {"colour": "red"},
    ],
)
def test_bad_parameters_are_a_400_in_json(client, published, params):
    campaign, _ = published
    response = _items(client, campaign, **params)
    assert response.status_code == 400
    assert response.json()["code"] == "InvalidParameterValue"


def test_bad_crs_of_a_single_item_and_a_long_id(client, published):
    campaign, shown = published
    url = f"{ROOT}/collections/contributions-{campaign.slug}/items"
    assert client.get(f"{url}/{shown[0].pk}", {"crs": "EPSG:1"}).status_code == 400
    assert client.get(f"{url}/{'9' * 40}").status_code == 404
    assert client.get(f"{url}/abc").status_code == 404


def test_pilots_show_only_public_ones(client):
    shown = PilotFactory(running=True)
    PilotFactory(proposed=True, campaign=shown.campaign, organisation=shown.organisation)
    body = client.get(f"{ROOT}/collections/pilots/items").json()
    assert [f["id"] for f in body["features"]] == [shown.pk]
    assert body["features"][0]["properties"]["url"].startswith("http://testserver/")


def test_areas_are_a_collection(client, published):
    campaign, _ = published
    body = client.get(f"{ROOT}/collections/areas/items", {"limit": 1000}).json()
    assert campaign.area.pk in [f["id"] for f in body["features"]]
