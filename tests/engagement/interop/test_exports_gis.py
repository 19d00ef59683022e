"""The exports as a GIS team reads them: GDAL opens each, GDAL's GeoPackage validator passes,
every layer has an R-tree index, and what they hold is what the REST API serves: the same
contributions at the same public geometries, the same public pilots and the same links between
the two (docs/decisions/0043)."""

import csv
import io
import json
import sqlite3
import subprocess
from datetime import datetime
from pathlib import Path

import pytest
from django.contrib.gis.gdal import DataSource
from django.contrib.gis.geos import GEOSGeometry

from tests.factories import ContributionFactory, PilotFactory

pytestmark = pytest.mark.django_db
VALIDATOR = ["/usr/bin/python3", "-m", "osgeo_utils.samples.validate_gpkg"]
LONG_BODY = "A long description of what the bench should be like. " * 12  # over 600 characters


def _get(client, url: str, **params) -> bytes:
    response = client.get(url, params)
    assert response.status_code == 200, response.content[:500]
    if response.streaming:
        return b"".join(response.streaming_content)
    return response.getvalue()


def _api_contributions(client) -> dict[int, dict]:
    body = json.loads(_get(client, "/api/v1/contributions/", limit=100))
    return {feature["id"]: feature for feature in body["features"]}


def _api_pilots(client) -> dict[int, dict]:
    body = json.loads(_get(client, "/api/v1/pilots/"))
    return {feature["id"]: feature for feature in body["features"]}


@pytest.fixture
def answered(theme):
    """Public contributions of each shape; pilots answering them in every status; a hidden
    contribution answered by a public pilot of its own, which no export may show."""
    campaign = theme.campaign
    point = ContributionFactory(campaign=campaign, theme=theme, point=True, body=LONG_BODY)
    route = ContributionFactory(campaign=campaign, theme=theme, route=True)
    area = ContributionFactory(campaign=campaign, theme=theme, polygon=True)
    hidden = ContributionFactory(campaign=campaign, theme=theme, hidden=True)
    running = PilotFactory(campaign=campaign, running=True, contributions=[point, area])
    reported = PilotFactory(campaign=campaign, reported=True, contributions=[route, hidden])
    declined = PilotFactory(campaign=campaign, declined=True, contributions=[area])
    proposed = PilotFactory(campaign=campaign, proposed=True, contributions=[point])
    of_hidden = PilotFactory(campaign=campaign, running=True, contributions=[hidden])
    return {
        "contributions": [point, route, area],
        "hidden": hidden,
        "public_pilots": [running, reported, declined],
        "private_pilots": [proposed],
        "of_hidden": of_hidden,
        "links": {
            (point.pk, running.pk),
            (area.pk, running.pk),
            (route.pk, reported.pk),
            (area.pk, declined.pk),
        },
    }


@pytest.fixture
def gpkg(client, answered, tmp_path) -> Path:
    target = tmp_path / "export.gpkg"
    target.write_bytes(_get(client, "/exports/contributions.gpkg"))
    return target


def test_gdals_geopackage_validator_passes(gpkg):
    checked = subprocess.run(
        [*VALIDATOR, str(gpkg)], capture_output=True, text=True, timeout=60, check=False
    )

    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Error" not in checked.stdout + checked.stderr


def test_every_layer_has_an_rtree_index_that_gdal_uses(gpkg):
    layers = ["contributions_points", "contributions_lines", "contributions_polygons", "pilots"]
    for layer in layers:
        ogrinfo = subprocess.run(
            ["ogrinfo", "-ro", "-q", "-dialect", "SQLite", "-sql",
             f"SELECT HasSpatialIndex('{layer}', 'geom')", str(gpkg)],
            capture_output=True, text=True, timeout=60, check=False,
        )  # fmt: skip
        assert ogrinfo.returncode == 0, ogrinfo.stderr
        assert "HasSpatialIndex (Integer) = 1" in ogrinfo.stdout, (layer, ogrinfo.stdout)
    with sqlite3.connect(gpkg) as db:
        extensions = db.execute(
            "SELECT table_name, column_name, scope FROM gpkg_extensions "
            "WHERE extension_name = 'gpkg_rtree_index' ORDER BY table_name"
        ).fetchall()
        assert extensions == [(name, "geom", "write-only") for name in sorted(layers)]
        for layer in layers:
            # One index entry per feature, with the feature's own bounds.
            assert (
                db.execute(
                    f'SELECT count(*) FROM "{layer}" JOIN "rtree_{layer}_geom" r ON r.id = fid'
                ).fetchone()
                == db.execute(f'SELECT count(*) FROM "{layer}"').fetchone()
            )
        triggers = {
            row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")
        }
        for layer in layers:
            for suffix in ("insert", "update1", "update2", "update3", "update4", "delete"):
                assert f"rtree_{layer}_geom_{suffix}" in triggers


def test_the_geopackage_holds_what_the_api_serves(client, answered, gpkg):
    api = _api_contributions(client)
    pilots_api = _api_pilots(client)
    source = DataSource(str(gpkg))
    layers = {layer.name: layer for layer in source}

    exported = {}
    for name in ("contributions_points", "contributions_lines", "contributions_polygons"):
        assert len(layers[name]) == 1
        for feature in layers[name]:
            exported[feature.get("id")] = feature
    assert set(exported) == set(api) == {c.pk for c in answered["contributions"]}
    for pk, feature in exported.items():
        shown = GEOSGeometry(json.dumps(api[pk]["geometry"]), srid=4326)
        assert feature.geom.geos.equals_exact(shown, tolerance=1e-6)
        assert feature.get("title") == api[pk]["properties"]["title"]
    assert exported[answered["contributions"][0].pk].get("body") == LONG_BODY

    pilots = layers["pilots"]
    assert pilots.fields == ["id", "title", "organisation", "status", "starts_on", "ends_on", "url"]
    assert {f.get("id") for f in pilots} == set(pilots_api) - {answered["of_hidden"].pk}
    for feature in pilots:
        expected = pilots_api[feature.get("id")]
        properties = expected["properties"]
        assert feature.get("title") == properties["title"]
        assert feature.get("organisation") == properties["organisation"]
        assert feature.get("status") == properties["status"]
        assert str(feature.get("starts_on")) == properties["starts_on"]
        assert feature.get("url") == "http://testserver" + properties["url"]
        shown = GEOSGeometry(json.dumps(expected["geometry"]), srid=4326)
        assert feature.geom.geos.equals_exact(shown, tolerance=1e-6)

    links = {(f.get("contribution_id"), f.get("pilot_id")) for f in layers["contribution_pilots"]}
    assert links == answered["links"]
    # The pilots API's own list of the contributions each pilot answers, less those not exported.
    from_api = {
        (contribution, pilot)
        for pilot, feature in pilots_api.items()
        for contribution in feature["properties"]["contributions"]
    }
    assert links == {(c, p) for c, p in from_api if c in exported}
    with sqlite3.connect(gpkg) as db:
        assert db.execute(
            "SELECT data_type, srs_id FROM gpkg_contents WHERE table_name = 'contribution_pilots'"
        ).fetchone() == ("attributes", None)
    by_id = {pk: set(f.get("pilots").split(";")) - {""} for pk, f in exported.items()}
    assert by_id == {
        c.pk: {str(p) for cc, p in answered["links"] if cc == c.pk}
        for c in answered["contributions"]
    }


def test_geojson_has_the_csvs_columns_whole_bodies_and_absolute_urls(client, answered, tmp_path):
    text = _get(client, "/exports/contributions.csv").decode("utf-8-sig")
    rows = {int(row["id"]): row for row in csv.DictReader(io.StringIO(text, newline=""))}
    target = tmp_path / "export.geojson"
    target.write_bytes(_get(client, "/exports/contributions.geojson"))
    collection = json.loads(target.read_text())
    api = _api_contributions(client)

    features = {feature["id"]: feature for feature in collection["features"]}
    assert set(features) == set(rows) == set(api)
    for pk, feature in features.items():
        properties = feature["properties"]
        row = rows[pk]
        assert list(properties) == [name for name in row if name != "wkt"]
        for name, value in properties.items():
            expected = row[name]
            if name == "pilots":
                assert value == sorted(value)
                assert ";".join(str(v) for v in value) == expected
            elif name == "created_at":  # UTC in GeoJSON (RFC 3339), local time in the CSV
                assert datetime.fromisoformat(value) == datetime.fromisoformat(expected)
                assert value.endswith("+00:00")
            elif name in ("longitude", "latitude"):
                assert value == pytest.approx(float(expected), abs=1.1e-7)
            else:
                assert str(value) == expected, name
        assert properties["url"] == f"http://testserver/contributions/{pk}/"
        assert properties["campaign"] == answered["contributions"][0].campaign.slug
        shown = GEOSGeometry(json.dumps(feature["geometry"]), srid=4326)
        assert shown.equals_exact(GEOSGeometry(row["wkt"], srid=4326), tolerance=1e-7)
        assert shown.equals_exact(
            GEOSGeometry(json.dumps(api[pk]["geometry"]), srid=4326), tolerance=1e-6
        )
    point = features[answered["contributions"][0].pk]["properties"]
    assert point["body"] == LONG_BODY
    assert point["pilots"] == [answered["public_pilots"][0].pk]
    # GDAL reads it as GeoJSON with the same count.
    assert len(DataSource(str(target))[0]) == len(api)


def test_no_export_shows_a_hidden_contribution_or_a_private_pilot(client, answered, gpkg):
    hidden = answered["hidden"]
    private = {p.pk for p in answered["private_pilots"]} | {answered["of_hidden"].pk}
    layers = {layer.name: layer for layer in DataSource(str(gpkg))}
    assert not private & {f.get("id") for f in layers["pilots"]}
    assert not private & {f.get("pilot_id") for f in layers["contribution_pilots"]}
    assert hidden.pk not in {f.get("contribution_id") for f in layers["contribution_pilots"]}
    csv_text = _get(client, "/exports/contributions.csv").decode("utf-8-sig")
    geojson = json.loads(_get(client, "/exports/contributions.geojson"))
    assert hidden.title not in csv_text
    assert hidden.pk not in {feature["id"] for feature in geojson["features"]}
    answering = {
        int(pk) for row in csv.DictReader(io.StringIO(csv_text)) for pk in row["pilots"].split(";")
    }
    assert answering == {p.pk for p in answered["public_pilots"]}
    assert answering == {
        pk for feature in geojson["features"] for pk in feature["properties"]["pilots"]
    }


def _validate(path: Path) -> None:
    checked = subprocess.run(
        [*VALIDATOR, str(path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_an_empty_geopackage_is_valid_too(client, theme, tmp_path):
    target = tmp_path / "empty.gpkg"
    target.write_bytes(_get(client, "/exports/contributions.gpkg", campaign=theme.campaign.slug))

    _validate(target)
    layers = {layer.name: len(layer) for layer in DataSource(str(target))}
    assert layers == {"contributions_points": 0, "pilots": 0, "contribution_pilots": 0}


def test_the_workers_geopackage_is_valid_with_absolute_links_in_the_language_asked(
    answered, theme, resident_client, settings, django_capture_on_commit_callbacks, tmp_path
):
    settings.EXPORT_QUEUE_ROWS = 1
    with django_capture_on_commit_callbacks(execute=True):
        asked = resident_client.get(
            "/sv/exports/contributions.gpkg", {"campaign": theme.campaign.slug}
        )
    assert asked.status_code == 302
    target = tmp_path / "job.gpkg"
    target.write_bytes(_get(resident_client, asked["Location"]))

    _validate(target)
    layers = {layer.name: layer for layer in DataSource(str(target))}
    urls = {feature.get("url") for feature in layers["pilots"]}
    assert urls == {f"http://testserver/sv/pilots/{p.pk}/" for p in answered["public_pilots"]}
    links = {(f.get("contribution_id"), f.get("pilot_id")) for f in layers["contribution_pilots"]}
    assert links == answered["links"]


def test_gdal_reads_the_csv_with_its_wkt_geometries(client, answered, tmp_path):
    target = tmp_path / "export.csv"
    target.write_bytes(_get(client, "/exports/contributions.csv"))
    api = _api_contributions(client)

    ogrinfo = subprocess.run(
        ["ogrinfo", "-ro", "-al", "-oo", "GEOM_POSSIBLE_NAMES=wkt", "-oo", "KEEP_GEOM_COLUMNS=NO",
         str(target)],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip

    assert ogrinfo.returncode == 0, ogrinfo.stderr
    assert f"Feature Count: {len(api)}" in ogrinfo.stdout
    assert "pilots: String" in ogrinfo.stdout
    for pk, feature in api.items():
        assert f"  id (String) = {pk}\n" in ogrinfo.stdout
        assert GEOSGeometry(json.dumps(feature["geometry"])).geom_type.upper() in ogrinfo.stdout
