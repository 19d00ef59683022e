"""GeoJSON and JSON from clients: any text gives a 2D geometry or a refusal, never a crash."""

import json

import pytest
from django.core.exceptions import ValidationError
from django.utils.translation import override

from geo.geojson import MAX_JSON_DEPTH, JSONInputError, geometry_from_geojson, json_loads_bounded


@pytest.fixture(autouse=True)
def english():
    with override("en"):
        yield


@pytest.mark.parametrize(
    "geometry",
    [
        {"type": "Point", "coordinates": [23.63, 61.5, 120.5]},
        {"type": "Point", "coordinates": [23.63, 61.5, 120.5, 7]},
        {"type": "LineString", "coordinates": [[23.63, 61.5, 1], [23.64, 61.5]]},
        {
            "type": "Polygon",
            "coordinates": [
                [[23.62, 61.5, 1, 2], [23.63, 61.5, 1, 2], [23.63, 61.501], [23.62, 61.5, 1]]
            ],
        },
        {"type": "MultiPoint", "coordinates": [[23.63, 61.5, 9], [23.64, 61.5, 9]]},
    ],
)
def test_a_height_and_a_measure_are_dropped(geometry):
    parsed = geometry_from_geojson(geometry)
    assert not parsed.hasz
    assert parsed.srid == 4326
    assert parsed.geom_type == geometry["type"]
    assert "Z" not in parsed.wkt


def test_the_reduced_geometry_keeps_longitude_and_latitude():
    parsed = geometry_from_geojson(
        json.dumps({"type": "LineString", "coordinates": [[23.63, 61.5, 100], [23.64, 61.51, 90]]})
    )
    assert parsed.coords == ((23.63, 61.5), (23.64, 61.51))


@pytest.mark.parametrize(
    "value",
    [
        {"type": "Point", "coordinates": [23.63, 61.5, 1, 2, 3]},  # five numbers
        {"type": "Point", "coordinates": [23.63]},
        {"type": "Point", "coordinates": []},
        {"type": "Point", "coordinates": ["23.63", 61.5]},
        {"type": "Point", "coordinates": [True, 61.5]},
        {"type": "Point", "coordinates": [None, 61.5]},
        {"type": "Point", "coordinates": [10**400, 61.5]},  # no float holds it
        {"type": "Point", "coordinates": [[23.63, 61.5]]},  # one level too deep
        {"type": "LineString", "coordinates": [23.63, 61.5]},  # one level too shallow
        {"type": "LineString", "coordinates": [[23.63, 61.5]]},  # one point
        {"type": "Polygon", "coordinates": []},
        {"type": "Polygon", "coordinates": [[[23.62, 61.5], [23.63, 61.5], [23.63, 61.51]]]},
        {"type": "Polygon", "coordinates": "[[]]"},
        {"type": "GeometryCollection", "geometries": []},
        {"type": "Feature", "geometry": {"type": "Point", "coordinates": [23.63, 61.5]}},
        {"coordinates": [23.63, 61.5]},
        [23.63, 61.5],
        "",
        "null",
        "[]",
        '{"type": "Point", "coordinates": [NaN, 61.5]}',
        '{"type": "Point", "coordinates": [1e309, 61.5]}',
        '{"type": "Point", "coordinates": [Infinity, 61.5]}',
        '{"type": "Point", "coordinates": [23.63, 61.5]',
        "[" * 100_000 + "]" * 100_000,
        '{"type": "Point", "coordinates": ' + "[" * 50 + "]" * 50 + "}",
    ],
)
def test_anything_else_is_not_a_valid_geometry(value):
    with pytest.raises(ValidationError) as excinfo:
        geometry_from_geojson(value)
    assert excinfo.value.messages == ["The location is not a valid geometry."]


def test_an_empty_geometry_is_parsed_and_left_to_the_area_rules():
    """geo.services.geometry_validate_in_area refuses it with its own message."""
    assert geometry_from_geojson({"type": "LineString", "coordinates": []}).empty


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, f"at most {MAX_JSON_DEPTH} levels"),
        ("[" * (MAX_JSON_DEPTH + 1) + "]" * (MAX_JSON_DEPTH + 1), f"at most {MAX_JSON_DEPTH}"),
        ('{"a": ' * 40 + "1" + "}" * 40, "nested too deeply"),
        ('{"a": NaN}', "finite (not NaN)"),
        ("[-Infinity]", "finite (not -Infinity)"),
        ("1e309", "finite (not 1e309)"),
        ('{"title": "a\\u0000b"}', "(NUL)"),
        ('{"a\\u0000": 1}', "(NUL)"),
        ("9" * 5000, "not valid JSON"),
        ("{", "not valid JSON"),
        ("", "not valid JSON"),
        (b"\xff\xfe{}", "not valid text in utf-8"),
    ],
)
def test_json_out_of_bounds_is_refused_with_its_reason(text, message):
    with pytest.raises(JSONInputError) as excinfo:
        json_loads_bounded(text)
    assert message in str(excinfo.value)


def test_json_within_bounds_is_parsed():
    nested = "[" * MAX_JSON_DEPTH + "]" * MAX_JSON_DEPTH
    assert json_loads_bounded(nested) is not None
    assert json_loads_bounded(b'{"n": 18446744073709551616, "x": 1.5}') == {
        "n": 2**64,
        "x": 1.5,
    }
