"""The gazetteer: importing places from a city's files, finding them by name, the nearest one."""

import json
import subprocess
from pathlib import Path

import pytest
from django.contrib.gis.geos import LineString, Point, Polygon
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.utils.translation import override

from geo.models import Place, search_fold
from geo.place_import import places_import, places_mapping_parse
from geo.places import place_nearest, places_search
from tests.factories import PlaceFactory

pytestmark = pytest.mark.django_db

# Two address points of Tesoma and a street in ETRS-TM35FIN (EPSG:3067), as a city publishes them.
ADDRESSES_TM35 = [
    ({"katu": "Tesoman valtatie", "gata": None, "nro": "13", "tunnus": "A1"}, [320700, 6823100]),
    ({"katu": "Tesoman puistotie", "gata": None, "nro": "4", "tunnus": "A2"}, [320800, 6823300]),
]


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


def write_geojson(path: Path, features: list[dict], **members) -> Path:
    path.write_text(json.dumps({"type": "FeatureCollection", **members, "features": features}))
    return path


def point_feature(properties: dict, coordinates: list) -> dict:
    return {
        "type": "Feature",
        "properties": properties,
        "geometry": {"type": "Point", "coordinates": coordinates},
    }


@pytest.fixture
def addresses(tmp_path) -> Path:
    return write_geojson(
        tmp_path / "osoitteet.geojson",
        [point_feature(p, c) for p, c in ADDRESSES_TM35],
        crs={"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3067"}},
    )


MAPPING = {"name": "katu", "name_sv": "gata", "number": "nro", "id": "tunnus"}


# Import ----------------------------------------------------------------------------------------


def test_address_points_are_imported_reprojected_with_their_numbers(addresses):
    report = places_import(path=str(addresses), mapping=MAPPING)
    assert (report.created, report.updated) == (2, 0)
    place = Place.objects.get(source="osoitteet", source_id="A1")
    assert place.name_fi == "Tesoman valtatie 13"
    assert place.kind == Place.Kind.ADDRESS
    # 320700 E, 6823100 N in TM35FIN lies in Tesoma, around 23.63 E, 61.50 N.
    assert 23.60 < place.point.x < 23.66 and 61.49 < place.point.y < 61.51
    assert place.search_text == "| tesoman valtatie 13 |"


def test_importing_the_same_file_again_updates_rather_than_duplicates(addresses):
    places_import(path=str(addresses), mapping=MAPPING)
    report = places_import(path=str(addresses), mapping=MAPPING, approximate=True)
    assert (report.created, report.updated) == (0, 2)
    assert Place.objects.count() == 2
    assert Place.objects.filter(approximate=True).count() == 2


def test_a_geopackage_with_lines_and_swedish_names_is_imported(tmp_path):
    source = write_geojson(
        tmp_path / "streets.geojson",
        [
            {
                "type": "Feature",
                "properties": {"fi": "Hämeenkatu", "sv": "Tavastgatan", "tunnus": 7},
                "geometry": {
                    "type": "LineString",
                    "coordinates": [[23.75, 61.498], [23.77, 61.4985]],
                },
            }
        ],
    )
    geopackage = tmp_path / "streets.gpkg"
    subprocess.run(["ogr2ogr", "-f", "GPKG", geopackage, source], check=True, capture_output=True)
    call_command(
        "import_places",
        str(geopackage),
        "--map",
        "name=fi,name_sv=sv,id=tunnus",
        "--kind",
        "street",
        stdout=open("/dev/null", "w"),  # noqa: SIM115
    )
    street = Place.objects.get()
    assert (street.name_fi, street.name_sv, street.kind) == ("Hämeenkatu", "Tavastgatan", "street")
    assert street.geometry.geom_type == "LineString"
    assert street.geometry.intersects(street.point)


def test_a_file_with_bad_features_is_refused_whole_naming_each(tmp_path):
    path = write_geojson(
        tmp_path / "bad.geojson",
        [
            point_feature({"nimi": "Länsikeskus"}, [23.63, 61.50]),
            point_feature({"nimi": ""}, [23.63, 61.50]),
            {"type": "Feature", "properties": {"nimi": "Kuu"}, "geometry": None},
            point_feature({"nimi": "Länsikeskus"}, [23.631, 61.501]),
        ],
    )
    with pytest.raises(ValidationError) as refused:
        places_import(path=str(path), mapping={"name": "nimi"})
    messages = refused.value.messages
    assert messages[0] == "Nothing was imported. Correct these features:"
    assert "bad.geojson: feature 2: The feature has no name." in messages
    assert "bad.geojson: feature 3: The feature has no geometry." in messages
    assert any(
        m.startswith("bad.geojson: feature 4: Feature 1 already has the id") for m in messages
    )
    assert not Place.objects.exists()


def test_skip_invalid_imports_the_good_features_and_lists_the_others(tmp_path):
    path = write_geojson(
        tmp_path / "mixed.geojson",
        [point_feature({"nimi": "Länsikeskus"}, [23.63, 61.50]), point_feature({}, [23.6, 61.5])],
    )
    report = places_import(path=str(path), mapping={"name": "nimi"}, skip_invalid=True)
    assert report.created == 1
    assert [number for number, _ in report.skipped] == [2]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"not json at all", "could not be read"),
        (b'{"type": "FeatureCollection", "crs": {"type": "link"}, "features": []}', "by name"),
    ],
)
def test_unreadable_files_are_refused_by_the_command(tmp_path, content, message):
    path = tmp_path / "places.geojson"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_places", str(path), "--map", "name=nimi")


def test_the_mapping_must_name_existing_fields_and_known_roles(addresses):
    with pytest.raises(ValidationError, match="no field nimi"):
        places_import(path=str(addresses), mapping={"name": "nimi"})
    with pytest.raises(ValidationError, match="role=attribute"):
        places_mapping_parse("name=katu,colour=red")
    with pytest.raises(ValidationError, match="attribute of name"):
        places_mapping_parse("id=tunnus")
    assert places_mapping_parse(" name=katu , id=tunnus ") == {"name": "katu", "id": "tunnus"}


# Search ----------------------------------------------------------------------------------------


def test_folding_ignores_case_accents_and_punctuation():
    assert search_fold("  LÄNSI-keskus  Å ") == "lansi keskus a"


@pytest.fixture
def gazetteer() -> dict[str, Place]:
    return {
        "lansikeskus": PlaceFactory(name_fi="Länsikeskus"),
        "library": PlaceFactory(
            name_fi="Tesoman kirjasto", name_sv="Tesoma bibliotek", kind=Place.Kind.LIBRARY
        ),
        "street": PlaceFactory(name_fi="Tesoman valtatie", kind=Place.Kind.STREET),
        "address": PlaceFactory(name_fi="Tesoman valtatie 13", kind=Place.Kind.ADDRESS),
        "tesoma": PlaceFactory(name_fi="Tesoma", kind=Place.Kind.NEIGHBOURHOOD),
        "lake": PlaceFactory(name_fi="Tesomajärvi", kind=Place.Kind.LAKE),
    }


def names(text: str) -> list[str]:
    with override("fi"):
        return [place.name for place in places_search(text=text)]


def test_search_matches_a_names_beginning_and_a_words_beginning(gazetteer):
    assert names("läns") == ["Länsikeskus"]
    assert names("kirj") == ["Tesoman kirjasto"]  # the second word
    assert names("keskus") == []  # not the middle of a word


def test_search_ignores_case_and_accents(gazetteer):
    assert names("LANSIKESKUS") == names("länsikeskus") == ["Länsikeskus"]
    assert names("tesomajarvi") == ["Tesomajärvi"]


def test_search_finds_swedish_names(gazetteer):
    assert names("biblio") == ["Tesoman kirjasto"]
    with override("sv"):
        assert [p.name for p in places_search(text="bibliotek")] == ["Tesoma bibliotek"]


def test_a_whole_name_ranks_first_then_names_beginning_so_then_words(gazetteer):
    assert names("tesoma") == [
        "Tesoma",  # the whole name
        "Tesomajärvi",  # names beginning so, shorter first
        "Tesoman kirjasto",
        "Tesoman valtatie",
        "Tesoman valtatie 13",
    ]
    assert names("tesoman valtatie") == ["Tesoman valtatie", "Tesoman valtatie 13"]


def test_search_returns_at_most_ten():
    for number in range(15):
        PlaceFactory(name_fi=f"Tesoman valtatie {number}", kind=Place.Kind.ADDRESS)
    assert len(names("tesoman")) == 10


def test_search_of_nothing_finds_nothing_and_of_too_much_is_refused(gazetteer):
    assert names("") == names("  -- ") == []
    with pytest.raises(ValidationError):
        names("a" * 101)


# The nearest place -----------------------------------------------------------------------------


def test_the_nearest_place_is_measured_to_its_own_geometry():
    street = PlaceFactory(
        name_fi="Tesoman valtatie",
        kind=Place.Kind.STREET,
        geometry=LineString((23.60, 61.50), (23.66, 61.50), srid=4326),
    )
    # About 111 m north of the line; its point (on the line) would be farther.
    near = place_nearest(geometry=Point(23.61, 61.501, srid=4326))
    assert near.place == street
    assert near.distance == 110


def test_a_landmark_wins_over_a_nearer_address_unless_the_address_is_much_nearer():
    PlaceFactory(name_fi="Tesoman valtatie 13", kind=Place.Kind.ADDRESS)  # at 61.5000
    school = PlaceFactory(
        name_fi="Tesoman koulu", kind=Place.Kind.SCHOOL, geometry=Point(23.63, 61.503, srid=4326)
    )
    # 133 m from the address, 200 m from the school: the school says more.
    assert place_nearest(geometry=Point(23.63, 61.5012, srid=4326)).place == school
    # 33 m from the address, 300 m from the school: the address.
    assert place_nearest(geometry=Point(23.63, 61.5003, srid=4326)).place.kind == "address"


def test_no_place_beyond_the_distance_describes_a_spot():
    PlaceFactory(geometry=Polygon.from_bbox((23.60, 61.50, 23.601, 61.501)))
    assert place_nearest(geometry=Point(23.64, 61.50, srid=4326)) is None
