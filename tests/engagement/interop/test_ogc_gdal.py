"""GDAL's OAPIF driver, the client QGIS uses, reads the OGC API - Features door of a live
server: every collection, the counts of the REST API, a bbox and EPSG:3067 (decision 0042)."""

import json
import re
import shutil
import subprocess

import pytest
from django.contrib.gis.geos import GEOSGeometry

from engagement.models import Contribution
from tests.factories import ContributionFactory
from tests.factories.toolkit import PilotFactory

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(shutil.which("ogrinfo") is None, reason="gdal-bin is not installed"),
]


def _ogr(*args: str, tool: tuple[str, ...] = ("ogrinfo", "-ro")) -> str:
    result = subprocess.run(
        [*tool, *args],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env={"GDAL_HTTP_TIMEOUT": "30", "CPL_DEBUG": "OFF", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr, result.stderr
    return result.stdout


def _counts(summary: str) -> dict[str, int]:
    layers = re.findall(r"Layer name: (\S+)\n(?:.*\n)*?Feature Count: (\d+)", summary)
    return {name: int(count) for name, count in layers}


@pytest.fixture
def data():
    first = ContributionFactory()
    campaign = first.campaign
    campaign.moderation = "post"
    campaign.save()
    others = [ContributionFactory(campaign=campaign, theme=first.theme) for _ in range(11)]
    ContributionFactory(campaign=campaign, theme=first.theme, route=True)
    ContributionFactory(campaign=campaign, theme=first.theme, hidden=True)
    ContributionFactory(campaign=campaign, theme=first.theme, pending=True)
    Contribution.objects.filter(campaign=campaign).exclude(
        moderation_state__in=["hidden", "pending"]
    ).update(moderation_state="published")
    PilotFactory(running=True, campaign=campaign, contributions=[first])
    PilotFactory(proposed=True, campaign=campaign, contributions=[others[0]])
    return campaign


def test_ogrinfo_reads_every_collection_with_the_apis_counts(live_server, client, data):
    url = f"OAPIF:{live_server.url}/features"
    counts = _counts(_ogr("-al", "-so", url))
    slug = data.slug
    api = client.get("/api/v1/contributions/", {"campaign": slug, "limit": 100}).json()
    pilots = client.get("/api/v1/pilots/").json()
    assert counts[f"contributions-{slug}"] == len(api["features"]) == 13
    assert counts["pilots"] == len(pilots["features"]) == 1
    assert counts["areas"] >= 1

    # Every feature, paged by GDAL through the next links (the default page is 10).
    listing = _ogr("-al", "-oo", "PAGE_SIZE=5", url, f"contributions-{slug}")
    read_ids = sorted(int(i) for i in re.findall(r"^OGRFeature\([^)]*\):(\d+)$", listing, re.M))
    assert read_ids == sorted(f["id"] for f in api["features"])


def test_ogrinfo_with_a_bbox_and_in_etrs_tm35fin(live_server, client, data):
    url = f"OAPIF:{live_server.url}/features"
    layer = f"contributions-{data.slug}"
    api = client.get("/api/v1/contributions/", {"campaign": data.slug, "limit": 100}).json()
    feature = next(f for f in api["features"] if f["geometry"]["type"] == "Point")
    one = GEOSGeometry(json.dumps(feature["geometry"]))
    d = 0.0002
    box = (one.x - d, one.y - d, one.x + d, one.y + d)
    expected = client.get(
        "/api/v1/contributions/",
        {"campaign": data.slug, "bbox": ",".join(map(str, box)), "limit": 100},
    ).json()
    spat = _ogr("-so", "-spat", *map(str, box), url, layer)
    assert f"Feature Count: {len(expected['features'])}" in spat
    # GDAL 3.6 (Debian 12) has no CRS open option for OAPIF (3.7 does): a bbox in EPSG:3067
    # through -spat_srs, and the items in EPSG:3067 read by GDAL's GeoJSON driver.
    point = one.transform(3067, clone=True)
    metric_box = (point.x - 15, point.y - 15, point.x + 15, point.y + 15)
    spat = _ogr(
        *("-f", "GeoJSON", "/vsistdout/", "-spat", *map(str, metric_box), "-spat_srs"),
        *("EPSG:3067", url, layer),
        tool=("ogr2ogr",),
    )
    titles = [f["properties"]["title"] for f in json.loads(spat)["features"]]
    assert feature["properties"]["title"] in titles
    items = (
        f"{live_server.url}/features/collections/{layer}/items/{feature['id']}"
        "?crs=http://www.opengis.net/def/crs/EPSG/0/3067"
    )
    read = _ogr("-al", f"GeoJSON:{items}")
    x, y = map(float, re.search(r"POINT \(([\d.]+) ([\d.]+)\)", read).groups())
    assert abs(x - point.x) < 0.05 and abs(y - point.y) < 0.05
