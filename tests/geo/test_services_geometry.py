"""What residents may draw: points, routes and areas inside the campaign's area."""

import math

import pytest
from django.contrib.gis.geos import LineString, MultiPoint, Point, Polygon
from django.core.exceptions import ValidationError
from django.utils.translation import override

from geo.services import (
    MAX_VERTICES,
    geometry_from_geojson,
    geometry_validate_in_area,
    point_from_lon_lat,
)
from tests.factories import INSIDE, OUTSIDE, AreaFactory, box

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """The messages below are asserted in English; translations have tests of their own."""
    with override("en"):
        yield


# The default area is the box 23.61-23.65 E, 61.495-61.505 N; its north edge is at 61.505.
NORTH = 61.505
# A degree of latitude is about 111.3 km.
METRES_20_IN_LATITUDE = 20 / 111_320
METRES_50_IN_LATITUDE = 50 / 111_320


def refusal(geometry, area=None) -> ValidationError:
    with pytest.raises(ValidationError) as excinfo:
        geometry_validate_in_area(geometry=geometry, area=area or AreaFactory())
    return excinfo.value


def line(*points) -> LineString:
    return LineString(*points, srid=4326)


def polygon(*points) -> Polygon:
    return Polygon((*points, points[0]), srid=4326)


# 1. Geometry types


def test_point_inside_the_area_is_accepted():
    geometry_validate_in_area(geometry=INSIDE.clone(), area=AreaFactory())


def test_multipoint_is_refused():
    error = refusal(MultiPoint(INSIDE.clone(), Point(23.62, 61.50), srid=4326))
    assert error.code == "geometry_type"
    assert error.message == "Draw a point, a route or an area."


def test_type_is_checked_before_anything_else():
    error = refusal(MultiPoint(Point(float("nan"), 61.5), Point(23.62, 61.50), srid=4326))
    assert error.code == "geometry_type"


def test_empty_point_is_refused():
    assert refusal(Point(srid=4326)).code == "invalid"


# 2. Coordinates


def test_nan_coordinate_is_refused():
    assert refusal(Point(float("nan"), 61.5, srid=4326)).code == "invalid"


def test_nan_vertex_in_the_middle_of_a_line_is_refused():
    # GEOS leaves NaN out of a line's extent, so every vertex is looked at.
    geometry = line((23.62, 61.50), (float("nan"), 61.50), (23.64, 61.50))
    assert refusal(geometry).code == "invalid"


def test_infinite_coordinate_is_refused():
    assert refusal(line((23.62, 61.50), (math.inf, 61.50))).code == "invalid"


def test_longitude_beyond_180_is_refused():
    assert refusal(Point(190, 61.5, srid=4326)).code == "out_of_range"


def test_point_from_nan_longitude_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        point_from_lon_lat(lon=float("nan"), lat=61.5)
    assert excinfo.value.code == "invalid"


def test_geojson_line_with_nan_is_refused():
    with pytest.raises(ValidationError) as excinfo:
        geometry_from_geojson(
            '{"type": "LineString", "coordinates": [[23.62, 61.5], [NaN, 61.5], [23.64, 61.5]]}'
        )
    assert excinfo.value.code == "invalid"


# 3. Vertices


def zigzag(count: int) -> LineString:
    """A line of `count` vertices, about 3 km long, well inside the default area."""
    return line(*((23.62 + i * 0.00004, 61.50 + (i % 2) * 0.00005) for i in range(count)))


def test_501_vertices_are_refused():
    error = refusal(zigzag(501))
    assert error.code == "too_many_vertices"
    assert error.params == {"count": 501, "max": MAX_VERTICES}
    assert error.message % error.params == (
        "The shape has 501 points; at most 500 are allowed. Draw it more simply."
    )


def test_500_vertices_are_accepted():
    geometry_validate_in_area(geometry=zigzag(500), area=AreaFactory())


# 4. Validity


def test_line_of_one_repeated_point_is_refused():
    error = refusal(line((23.63, 61.50), (23.63, 61.50), (23.63, 61.50)))
    assert error.code == "too_few_points"
    assert error.message == "A route needs at least two different points."


def test_self_intersecting_polygon_is_refused():
    # A bow tie: its edges cross in the middle.
    bow_tie = polygon((23.62, 61.498), (23.64, 61.502), (23.64, 61.498), (23.62, 61.502))
    error = refusal(bow_tie)
    assert error.code == "self_intersection"
    assert error.message == (
        "The area's edges cross each other. Draw it again without crossing lines."
    )


def test_self_intersecting_polygon_outside_the_area_is_refused_for_its_crossing_edges():
    bow_tie = polygon((25.62, 61.498), (25.64, 61.502), (25.64, 61.498), (25.62, 61.502))
    assert refusal(bow_tie).code == "self_intersection"


# 5. Route length


def test_line_longer_than_20_km_is_refused():
    area = AreaFactory(boundary=box(23.0, 61.0, 24.5, 62.0))
    # Half a degree of longitude at 61.5 N is about 26.6 km.
    error = refusal(line((23.1, 61.5), (23.6, 61.5)), area)
    assert error.code == "line_too_long"
    assert error.params["max"] == 20
    assert error.params["length"] in {"26.6", "26,6"}


def test_line_of_19_km_is_accepted():
    area = AreaFactory(boundary=box(23.0, 61.0, 24.5, 62.0))
    # A sixth of a degree of latitude is about 18.5 km.
    geometry_validate_in_area(geometry=line((23.5, 61.4), (23.5, 61.4 + 1 / 6)), area=area)


# 6. Polygon surface


def test_polygon_larger_than_the_campaign_area_is_refused():
    # Checked before the position: this area is both too large and partly outside.
    larger = polygon((23.60, 61.49), (23.66, 61.49), (23.66, 61.51), (23.60, 61.51))
    error = refusal(larger)
    assert error.code == "polygon_too_large"
    assert error.params == {"area": "Tesoma"}


# 7. Inside the area, give or take 30 m


def test_point_outside_the_area_is_refused():
    error = refusal(OUTSIDE.clone())
    assert error.code == "outside_area"
    assert error.params == {"area": "Tesoma"}


def test_point_20_m_past_the_edge_is_accepted():
    point = Point(23.63, NORTH + METRES_20_IN_LATITUDE, srid=4326)
    geometry_validate_in_area(geometry=point, area=AreaFactory())


def test_line_inside_the_area_is_accepted():
    geometry_validate_in_area(
        geometry=line((23.615, 61.497), (23.63, 61.503), (23.645, 61.498)), area=AreaFactory()
    )


def test_line_partly_outside_the_area_is_refused():
    # Starts inside, so the old "near enough" test on the nearest point would have let it in.
    error = refusal(line(INSIDE.coords, OUTSIDE.coords))
    assert error.code == "outside_area"


def test_line_running_20_m_past_the_edge_is_accepted():
    north = NORTH + METRES_20_IN_LATITUDE
    geometry_validate_in_area(geometry=line((23.615, north), (23.645, north)), area=AreaFactory())


def test_line_running_50_m_past_the_edge_is_refused():
    north = NORTH + METRES_50_IN_LATITUDE
    assert refusal(line((23.615, north), (23.645, north))).code == "outside_area"


def test_polygon_inside_the_area_is_accepted():
    inside = polygon((23.62, 61.498), (23.64, 61.498), (23.64, 61.502), (23.62, 61.502))
    geometry_validate_in_area(geometry=inside, area=AreaFactory())


def test_polygon_reaching_20_m_past_the_edge_is_accepted():
    north = NORTH + METRES_20_IN_LATITUDE
    reaching = polygon((23.62, 61.502), (23.64, 61.502), (23.64, north), (23.62, north))
    geometry_validate_in_area(geometry=reaching, area=AreaFactory())


def test_polygon_partly_outside_the_area_is_refused():
    crossing = polygon((23.62, 61.502), (23.64, 61.502), (23.64, 61.51), (23.62, 61.51))
    assert refusal(crossing).code == "outside_area"


def test_geometry_in_another_srid_is_checked_in_wgs84():
    # INSIDE in ETRS-TM35FIN.
    point = INSIDE.transform(3067, clone=True)
    geometry_validate_in_area(geometry=point, area=AreaFactory())
