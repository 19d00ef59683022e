"""Importing area boundaries from the files cities publish: GeoJSON, GeoPackage, Shapefile."""

import io
import json
import subprocess
import zipfile
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils.translation import override

from geo.models import Area
from geo.services import areas_import
from tests.factories import AreaFactory, UserFactory

pytestmark = pytest.mark.django_db

# Tesoma's box, 23.61-23.65 E, 61.495-61.505 N, as in the factories.
TESOMA = [[23.61, 61.495], [23.65, 61.495], [23.65, 61.505], [23.61, 61.505], [23.61, 61.495]]
# A ring whose edges cross at (23.51, 61.505): two triangles touching at one point.
BOW_TIE = [[23.50, 61.50], [23.52, 61.51], [23.52, 61.50], [23.50, 61.51], [23.50, 61.50]]
# The corners of TESOMA in ETRS-TM35FIN (EPSG:3067), from PROJ's gdaltransform.
TESOMA_TM35 = [
    [319566.427, 6822617.474],
    [321694.107, 6822507.373],
    [321751.356, 6823620.263],
    [319624.360, 6823730.340],
    [319566.427, 6822617.474],
]
# A millionth of a degree: about 0.1 m, far below any error of axis order or projection.
DEGREE_TOLERANCE = 1e-6


@pytest.fixture(autouse=True)
def english():
    """The reasons below are asserted in English; translations have tests of their own."""
    with override("en"):
        yield


def feature(properties: dict, geometry_type: str, coordinates: list) -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": geometry_type, "coordinates": coordinates},
    }


def write_geojson(path: Path, features: list[dict], **members) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", **members, "features": features}))
    return path


@pytest.fixture
def districts(tmp_path) -> Path:
    """Two districts (one a bow tie), a feature without a name and a street."""
    return write_geojson(
        tmp_path / "districts.geojson",
        [
            feature({"nimi": "Tesoma", "koodi": "tesoma-1"}, "Polygon", [TESOMA]),
            feature({"nimi": "Kalkku", "koodi": "kalkku-2"}, "Polygon", [BOW_TIE]),
            feature({"nimi": None, "koodi": "nameless"}, "Polygon", [TESOMA]),
            feature({"nimi": "Tesomankatu", "koodi": "street"}, "LineString", TESOMA[:2]),
        ],
    )


@pytest.fixture
def tampere(db) -> Area:
    return AreaFactory(name="Tampere", slug="tampere", kind=Area.Kind.CITY)


def ogr2ogr(*arguments: str | Path) -> None:
    subprocess.run(["ogr2ogr", *map(str, arguments)], check=True, capture_output=True)


def tm35_geojson(tmp_path: Path) -> Path:
    """Tesoma in ETRS-TM35FIN coordinates, in a GeoJSON that does not say so."""
    return write_geojson(
        tmp_path / "tm35.geojson", [feature({"nimi": "Tesoma"}, "Polygon", [TESOMA_TM35])]
    )


def assert_is_tesoma(area: Area) -> None:
    assert area.boundary.valid
    assert area.boundary.geom_type == "MultiPolygon"
    corners = area.boundary[0].exterior_ring.coords
    assert len(corners) == len(TESOMA)
    # PostGIS may start the ring at another corner; each corner must be where it should.
    for expected in TESOMA:
        assert any(
            abs(x - expected[0]) < DEGREE_TOLERANCE and abs(y - expected[1]) < DEGREE_TOLERANCE
            for x, y in corners
        ), expected


def test_polygons_become_areas_of_the_kind_inside_the_parent(districts, tampere):
    report = areas_import(path=str(districts), name_field="nimi", kind="district", parent=tampere)

    assert report.created == ["tesoma", "kalkku"]
    assert report.updated == []
    tesoma = Area.objects.get(slug="tesoma")
    assert (tesoma.name, tesoma.name_fi, tesoma.kind) == ("Tesoma", "Tesoma", "district")
    assert tesoma.parent == tampere
    assert_is_tesoma(tesoma)


def test_self_intersecting_polygon_is_repaired_into_its_two_triangles(districts):
    areas_import(path=str(districts), name_field="nimi", kind="neighbourhood")

    kalkku = Area.objects.get(slug="kalkku")
    assert kalkku.boundary.valid
    assert kalkku.boundary.num_geom == 2
    # Each triangle has a 0.01 degree side and its apex 0.01 degrees away, where the edges cross.
    assert [triangle.area for triangle in kalkku.boundary] == pytest.approx([0.00005, 0.00005])
    assert kalkku.kind == "neighbourhood"
    assert kalkku.parent is None


def test_features_without_name_or_polygon_are_refused_by_number_with_reason(districts):
    report = areas_import(path=str(districts), name_field="nimi", kind="district")

    assert report.refused == [
        (3, "The feature has no name."),
        (4, "Only polygons can be areas; this geometry is LINESTRING."),
    ]
    assert Area.objects.count() == 2


def test_feature_without_geometry_and_a_repeated_slug_are_refused(tmp_path):
    repeated = write_geojson(
        tmp_path / "repeated.geojson",
        [
            feature({"nimi": "Tesoma"}, "Polygon", [TESOMA]),
            {"type": "Feature", "properties": {"nimi": "Lielahti"}, "geometry": None},
            feature({"nimi": "TESOMA"}, "Polygon", [BOW_TIE]),
        ],
    )

    report = areas_import(path=str(repeated), name_field="nimi", kind="district")

    assert report.created == ["tesoma"]
    assert report.refused == [
        (2, "The feature has no geometry."),
        (3, "Feature 1 already has the slug tesoma."),
    ]


def test_running_again_updates_the_areas_instead_of_duplicating_them(districts, tmp_path):
    areas_import(path=str(districts), name_field="nimi", kind="district")
    Area.objects.filter(slug="tesoma").update(name_sv="Tesoma på svenska")
    moved = [[x + 0.1, y] for x, y in TESOMA]
    redrawn = write_geojson(
        tmp_path / "redrawn.geojson",
        [feature({"nimi": "Tesoma"}, "Polygon", [moved])],
    )

    report = areas_import(path=str(redrawn), name_field="nimi", kind="neighbourhood")

    assert (report.created, report.updated) == ([], ["tesoma"])
    assert Area.objects.count() == 2
    tesoma = Area.objects.get(slug="tesoma")
    assert tesoma.boundary.extent == pytest.approx((23.71, 61.495, 23.75, 61.505))
    assert tesoma.kind == "neighbourhood"
    # The Swedish name an editor gave stays; the file speaks only for the default language.
    assert tesoma.name_sv == "Tesoma på svenska"


def test_an_import_that_fails_half_way_writes_nothing(districts, monkeypatch):
    saved = []
    original_save = Area.save

    def save_then_fail(self, *args, **kwargs):
        if saved:
            raise RuntimeError("disk full")
        saved.append(self.slug)
        original_save(self, *args, **kwargs)

    monkeypatch.setattr(Area, "save", save_then_fail)
    with pytest.raises(RuntimeError):
        areas_import(path=str(districts), name_field="nimi", kind="district")

    assert saved == ["tesoma"]
    assert not Area.objects.exists()


def test_geopackage_in_etrs_tm35fin_is_reprojected_to_wgs84(tmp_path):
    geopackage = tmp_path / "areas.gpkg"
    ogr2ogr("-f", "GPKG", geopackage, tm35_geojson(tmp_path), "-a_srs", "EPSG:3067")

    report = areas_import(path=str(geopackage), name_field="nimi", kind="district", layer="tm35")

    assert report.created == ["tesoma"]
    assert_is_tesoma(Area.objects.get(slug="tesoma"))


def test_zipped_shapefile_is_unpacked_and_reprojected(tmp_path):
    shapefile = tmp_path / "alueet.shp"
    ogr2ogr("-f", "ESRI Shapefile", shapefile, tm35_geojson(tmp_path), "-a_srs", "EPSG:3067")
    with zipfile.ZipFile(tmp_path / "alueet.zip", "w") as archive:
        for part in ("shp", "shx", "dbf"):
            archive.write(tmp_path / f"alueet.{part}", f"data/alueet.{part}")
        archive.writestr("data/alueet.prj", (tmp_path / "alueet.prj").read_text())

    report = areas_import(path=str(tmp_path / "alueet.zip"), name_field="nimi", kind="district")

    assert report.created == ["tesoma"], report

    assert_is_tesoma(Area.objects.get(slug="tesoma"))


def test_layer_without_crs_and_with_metric_coordinates_is_refused_whole(tmp_path):
    ogr2ogr("-f", "ESRI Shapefile", tmp_path / "alueet.shp", tm35_geojson(tmp_path))
    (tmp_path / "alueet.prj").unlink()

    with pytest.raises(ValidationError) as excinfo:
        areas_import(path=str(tmp_path / "alueet.shp"), name_field="nimi", kind="district")

    assert excinfo.value.code == "no_srs"
    assert "does not say which coordinate reference system" in excinfo.value.messages[0]
    assert not Area.objects.exists()


def test_geojson_with_metric_coordinates_and_no_crs_is_refused_whole(tmp_path):
    # RFC 7946 GeoJSON is WGS 84, which is what GDAL assumes of a file without a crs member.
    with pytest.raises(ValidationError) as excinfo:
        areas_import(path=str(tm35_geojson(tmp_path)), name_field="nimi", kind="district")

    assert excinfo.value.code == "no_srs"


def test_geojson_naming_etrs_tm35fin_as_its_crs_is_reprojected(tmp_path):
    named = write_geojson(
        tmp_path / "named.geojson",
        [feature({"nimi": "Tesoma"}, "Polygon", [TESOMA_TM35])],
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}},
    )

    areas_import(path=str(named), name_field="nimi", kind="district")

    assert_is_tesoma(Area.objects.get(slug="tesoma"))


@pytest.mark.parametrize("where", ["collection", "feature", "geometry"])
def test_geojson_naming_a_crs_by_link_is_refused_before_gdal_reads_it(tmp_path, where):
    # GDAL 3.6 would fetch the link from the server, wherever the crs member is.
    link = {"type": "link", "properties": {"href": "http://127.0.0.1:9/crs.wkt"}}
    tesoma = feature({"nimi": "Tesoma", "crs": "a plain attribute"}, "Polygon", [TESOMA])
    if where == "feature":
        tesoma["crs"] = link
    elif where == "geometry":
        tesoma["geometry"]["crs"] = link
    members = {"crs": link} if where == "collection" else {}
    linked = write_geojson(tmp_path / "linked.geojson", [tesoma], **members)

    with pytest.raises(ValidationError) as excinfo:
        areas_import(path=str(linked), name_field="nimi", kind="district")

    assert excinfo.value.code == "crs_link"


def test_missing_name_field_and_unknown_kind_refuse_the_whole_file(districts):
    with pytest.raises(ValidationError, match="no field name"):
        areas_import(path=str(districts), name_field="name", kind="district")
    with pytest.raises(ValidationError) as excinfo:
        areas_import(path=str(districts), name_field="nimi", kind="country")
    assert excinfo.value.code == "kind"


def test_command_takes_slugs_from_the_slug_field_and_reports(districts, tampere):
    out = io.StringIO()
    call_command(
        "import_areas",
        str(districts),
        "--name-field=nimi",
        "--slug-field=koodi",
        "--parent=tampere",
        "--kind=neighbourhood",
        stdout=out,
    )

    assert set(Area.objects.filter(parent=tampere).values_list("slug", "kind")) == {
        ("tesoma-1", "neighbourhood"),
        ("kalkku-2", "neighbourhood"),
    }
    assert out.getvalue().splitlines() == [
        "Areas created: 2, updated: 0.",
        "Feature 3 refused: The feature has no name.",
        "Feature 4 refused: Only polygons can be areas; this geometry is LINESTRING.",
    ]


def test_command_with_unknown_parent_is_an_error(districts):
    with pytest.raises(CommandError, match="no area with the slug helsinki"):
        call_command("import_areas", str(districts), "--name-field=nimi", "--parent=helsinki")
    assert not Area.objects.exists()


def test_command_with_unreadable_file_is_an_error(tmp_path):
    garbage = tmp_path / "areas.geojson"
    garbage.write_text("not GeoJSON at all")

    with pytest.raises(CommandError, match="could not be read"):
        call_command("import_areas", str(garbage), "--name-field=nimi")


def import_url() -> str:
    return reverse("admin:geo_area_import")


def test_changelist_offers_the_import_to_an_administrator(admin_client):
    response = admin_client.get(reverse("admin:geo_area_changelist"))

    assert import_url() in response.content.decode()
    page = admin_client.get(import_url())
    assert page.status_code == 200
    assert list(page.context["form"].fields) == [
        "file",
        "name_field",
        "slug_field",
        "kind",
        "parent",
        "layer",
    ]


def test_administrator_uploads_geojson_and_sees_the_report(admin_client, districts, tampere):
    with districts.open("rb") as upload:
        response = admin_client.post(
            import_url(),
            {"file": upload, "name_field": "nimi", "kind": "district", "parent": tampere.pk},
        )

    assert response.status_code == 200
    assert set(Area.objects.filter(parent=tampere).values_list("slug", flat=True)) == {
        "tesoma",
        "kalkku",
    }
    assert [str(m) for m in get_messages(response.wsgi_request)] == [
        "Areas created: 2, updated: 0.",
        "2 features were refused; the reasons are listed below.",
    ]
    assert response.context["report"].refused[0] == (3, "The feature has no name.")
    assert "The feature has no name." in response.content.decode()


def test_a_file_refused_whole_is_explained_on_the_form(admin_client, districts):
    with districts.open("rb") as upload:
        response = admin_client.post(
            import_url(), {"file": upload, "name_field": "name", "kind": "district"}
        )

    assert response.status_code == 200
    assert response.context["form"].non_field_errors() == [
        "The layer has no field name. Its fields are: nimi, koodi."
    ]
    assert not Area.objects.exists()


def test_upload_of_another_kind_of_file_is_refused_in_the_form(admin_client, tmp_path):
    csv = tmp_path / "areas.csv"
    csv.write_text("nimi,wkt\n")
    with csv.open("rb") as upload:
        response = admin_client.post(
            import_url(), {"file": upload, "name_field": "nimi", "kind": "district"}
        )

    assert response.status_code == 200
    assert response.context["form"].errors["file"]
    assert not Area.objects.exists()


def test_non_staff_user_is_sent_to_the_admin_sign_in(client, resident, districts):
    client.force_login(resident)
    with districts.open("rb") as upload:
        response = client.post(
            import_url(), {"file": upload, "name_field": "nimi", "kind": "district"}
        )

    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    assert not Area.objects.exists()


def test_staff_who_may_add_but_not_change_areas_is_refused(client):
    staff = UserFactory(username="editor", is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="add_area"))
    client.force_login(staff)

    assert client.get(import_url()).status_code == 403
