"""Spatial reads: the location the public sees."""

import json
import math

import pytest
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.contrib.gis.geos import LineString, Point

from engagement.models import Contribution
from geo.selectors import PRIVACY_GRID_METRES, public_geometry
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db

HALF_CELL_DIAGONAL = PRIVACY_GRID_METRES * math.sqrt(2) / 2


def in_tm35(x: float, y: float) -> Point:
    """A WGS 84 point given by its ETRS-TM35FIN coordinates."""
    return Point(x, y, srid=3067).transform(4326, clone=True)


def published(contribution: Contribution) -> Contribution:
    """The contribution with its public geometry, in WGS 84 and in ETRS-TM35FIN."""
    public = public_geometry("geometry", "exact_location_public")
    return Contribution.objects.annotate(
        public=public,
        public_tm35=Transform(public, 3067),
        true_tm35=Transform("geometry", 3067),
        public_geojson=AsGeoJSON(public, precision=6),
    ).get(pk=contribution.pk)


def test_exact_point_is_published_unchanged():
    point = Point(23.631234, 61.501234, srid=4326)
    row = published(ContributionFactory(geometry=point, exact_location_public=True))
    assert row.public.equals_exact(point, tolerance=1e-12)


def test_hidden_point_moves_to_the_centre_of_its_100_m_cell():
    for x, y in [(327_001.0, 6_822_099.9), (327_450.2, 6_822_550.7), (326_999.9, 6_821_000.1)]:
        row = published(ContributionFactory(geometry=in_tm35(x, y)))
        public_x, public_y = row.public_tm35.coords
        assert public_x % PRIVACY_GRID_METRES == pytest.approx(50, abs=1e-6)
        assert public_y % PRIVACY_GRID_METRES == pytest.approx(50, abs=1e-6)
        # The centre of the cell the true point lies in.
        true_x, true_y = row.true_tm35.coords
        assert math.floor(public_x / 100) == math.floor(true_x / 100)
        assert math.floor(public_y / 100) == math.floor(true_y / 100)
        assert row.public_tm35.distance(row.true_tm35) <= HALF_CELL_DIAGONAL
        assert row.public.srid == 4326


def test_two_hidden_points_in_one_cell_are_published_at_the_same_place():
    first = published(ContributionFactory(geometry=in_tm35(327_310.0, 6_822_390.0)))
    second = published(ContributionFactory(geometry=in_tm35(327_390.0, 6_822_310.0)))
    assert first.public.equals_exact(second.public, tolerance=1e-12)
    assert first.public_tm35.equals_exact(Point(327_350, 6_822_350), tolerance=1e-6)


def test_hidden_line_is_published_unchanged():
    route = LineString((23.6201, 61.4981), (23.6402, 61.5013), srid=4326)
    row = published(ContributionFactory(geometry=route, exact_location_public=False))
    assert row.public.equals_exact(route, tolerance=1e-12)


def test_public_geometry_is_written_as_geojson_by_postgis():
    row = published(ContributionFactory(geometry=in_tm35(327_310.0, 6_822_390.0)))
    geojson = json.loads(row.public_geojson)
    assert geojson["type"] == "Point"
    assert geojson["coordinates"] == pytest.approx(list(row.public.coords), abs=1e-6)
