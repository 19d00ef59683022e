"""The same client sees the same answers from /features/ and from pygeoapi, the reference
Python server, serving the same public rows (the REST API's features, as a GeoJSON file through
pygeoapi's GeoJSON provider): counts, ids, properties and geometries (decision 0042)."""

import json
import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from django.contrib.gis.geos import GEOSGeometry

from engagement.models import Contribution
from tests.factories import ContributionFactory

PYGEOAPI = Path(sys.executable).parent / "pygeoapi"
pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not PYGEOAPI.exists(), reason="pygeoapi is not installed"),
    pytest.mark.skipif(shutil.which("ogr2ogr") is None, reason="gdal-bin is not installed"),
]
# The properties both servers carry (the REST API's feature has an excerpt, not the body).
COMMON = ("title", "kind", "theme", "status", "supports", "comments")
CONFIG = """
server:
  bind: {{host: 127.0.0.1, port: {port}}}
  url: http://127.0.0.1:{port}
  mimetype: application/json; charset=UTF-8
  encoding: utf-8
  languages: [en-US]
  limits: {{default_items: 10, max_items: 1000}}
  map: {{url: "https://tile.openstreetmap.org/{{z}}/{{x}}/{{y}}.png", attribution: "OSM"}}
logging: {{level: ERROR}}
metadata:
  identification: {{title: t, description: d, keywords: [k], keywords_type: theme,
    terms_of_service: t, url: "http://127.0.0.1"}}
  license: {{name: CC-BY 4.0, url: "https://creativecommons.org/licenses/by/4.0/"}}
  provider: {{name: p, url: "http://127.0.0.1"}}
  contact: {{name: n, position: p, address: a, city: c, stateorprovince: s, postalcode: "1",
    country: FI, phone: "1", fax: "1", email: "a@example.org", url: "http://127.0.0.1",
    hours: h, instructions: i, role: pointOfContact}}
resources:
  {name}:
    type: collection
    title: {name}
    description: d
    keywords: [k]
    extents: {{spatial: {{bbox: [-180, -90, 180, 90],
      crs: "http://www.opengis.net/def/crs/OGC/1.3/CRS84"}}}}
    providers:
      - {{type: feature, name: GeoJSON, data: "{data}", id_field: id}}
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def campaign():
    first = ContributionFactory()
    campaign = first.campaign
    for n in range(14):
        ContributionFactory(campaign=campaign, theme=first.theme, route=n == 3, polygon=n == 5)
    ContributionFactory(campaign=campaign, theme=first.theme, hidden=True)
    Contribution.objects.filter(campaign=campaign).exclude(moderation_state="hidden").update(
        moderation_state="published"
    )
    return campaign


@pytest.fixture
def pygeoapi(campaign, client, tmp_path):
    """pygeoapi on loopback over the REST API's public features of the campaign."""
    api = client.get("/api/v1/contributions/", {"campaign": campaign.slug, "limit": 100}).json()
    # In id order, the order /features/ pages in (pygeoapi pages in the file's order).
    features = [
        {**f, "properties": {k: f["properties"][k] for k in COMMON}}
        for f in sorted(api["features"], key=lambda f: f["id"])
    ]
    data = tmp_path / "public.geojson"
    data.write_text(json.dumps({"type": "FeatureCollection", "features": features}))
    port = _free_port()
    name = f"contributions-{campaign.slug}"
    config = tmp_path / "pygeoapi.yml"
    config.write_text(CONFIG.format(port=port, name=name, data=data))
    env = {
        **os.environ,
        "PYGEOAPI_CONFIG": str(config),
        "PYGEOAPI_OPENAPI": str(tmp_path / "openapi.yml"),
    }
    subprocess.run(
        [PYGEOAPI, "openapi", "generate", config, "--output-file", env["PYGEOAPI_OPENAPI"]],
        env=env,
        check=True,
        capture_output=True,
        timeout=120,
    )
    server = subprocess.Popen(
        [PYGEOAPI, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                if httpx.get(f"{url}/conformance", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            pytest.fail("pygeoapi did not start")
        yield url, name, api
    finally:
        server.terminate()
        server.wait(timeout=10)


def _read(url: str, layer: str, *options: str) -> dict[int, dict]:
    """Every feature as GDAL's OAPIF driver reads it, by id, written back as GeoJSON."""
    result = subprocess.run(
        [
            "ogr2ogr",
            "-f",
            "GeoJSON",
            "/vsistdout/",
            "-preserve_fid",
            *options,
            f"OAPIF:{url}",
            layer,
        ],
        capture_output=True,
        text=True,
        timeout=90,
        check=False,
        env={"PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stderr
    assert "ERROR" not in result.stderr, result.stderr
    return {f["id"]: f for f in json.loads(result.stdout)["features"]}


def _same(ours: dict[int, dict], reference: dict[int, dict]) -> None:
    assert sorted(ours) == sorted(reference)
    for pk, feature in reference.items():
        mine = ours[pk]
        for key in COMMON:
            assert mine["properties"][key] == feature["properties"][key], (pk, key)
        a = GEOSGeometry(json.dumps(mine["geometry"]))
        b = GEOSGeometry(json.dumps(feature["geometry"]))
        assert a.equals_exact(b, tolerance=1e-6), pk


def test_gdal_reads_the_same_features_from_both_servers(live_server, pygeoapi):
    url, name, api = pygeoapi
    reference = _read(url, name, "-oo", "PAGE_SIZE=4")
    ours = _read(f"{live_server.url}/features", name, "-oo", "PAGE_SIZE=4")
    assert len(reference) == len(api["features"]) == 15
    _same(ours, reference)

    one = GEOSGeometry(json.dumps(api["features"][0]["geometry"])).centroid
    box = [str(v) for v in (one.x - 0.002, one.y - 0.002, one.x + 0.002, one.y + 0.002)]
    _same(
        _read(f"{live_server.url}/features", name, "-spat", *box), _read(url, name, "-spat", *box)
    )


def test_plain_http_sees_the_same_pages_from_both_servers(live_server, pygeoapi):
    url, name, _api = pygeoapi
    for params in ({"limit": "4", "offset": "8"}, {"limit": "1000"}):
        reference = httpx.get(f"{url}/collections/{name}/items", params={**params, "f": "json"})
        ours = httpx.get(f"{live_server.url}/features/collections/{name}/items", params=params)
        reference, ours = reference.json(), ours.json()
        assert ours["numberMatched"] == reference["numberMatched"]
        assert ours["numberReturned"] == reference["numberReturned"]
        assert sorted(f["id"] for f in ours["features"]) == sorted(
            f["id"] for f in reference["features"]
        )
    one = httpx.get(f"{url}/collections/{name}/items/{reference['features'][0]['id']}").json()
    mine = httpx.get(f"{live_server.url}/features/collections/{name}/items/{one['id']}").json()
    assert GEOSGeometry(json.dumps(mine["geometry"])).equals_exact(
        GEOSGeometry(json.dumps(one["geometry"])), tolerance=1e-6
    )
