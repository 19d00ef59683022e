"""Spatial rules: validation of geometries residents send."""

import json
import logging
import math
from collections.abc import Iterator

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GEOSException, GEOSGeometry, LineString, Point
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from .models import Area

# A pin placed on the boundary line, or a few metres past it by an unsteady finger on a phone,
# still belongs to the area.
AREA_TOLERANCE_METRES = 30
# Bounds that keep a resident's drawing a drawing: enough vertices for a careful route or area,
# few enough that one submission cannot load the database or the map.
MAX_VERTICES = 500
MAX_LINE_METRES = 20_000
ACCEPTED_GEOMETRY_TYPES = {"Point", "LineString", "Polygon"}

logger = logging.getLogger(__name__)


def point_from_lon_lat(*, lon: float, lat: float) -> Point:
    """A WGS 84 point, refusing NaN, infinities and coordinates outside the globe."""
    point = Point(lon, lat, srid=4326)
    _check_coordinates(point)
    return point


def _check_coordinates(geometry: GEOSGeometry) -> None:
    # Every vertex, not the extent: GEOS leaves NaN out of envelopes.
    coordinates = list(_coordinates(geometry))
    if not all(math.isfinite(v) for xy in coordinates for v in xy):
        raise ValidationError(_("The location is not a valid coordinate."), code="invalid")
    if not all(-180 <= xy[0] <= 180 and -90 <= xy[1] <= 90 for xy in coordinates):
        raise ValidationError(
            _("The location is outside the range of longitude and latitude."), code="out_of_range"
        )


def _coordinates(geometry: GEOSGeometry) -> Iterator[tuple[float, ...]]:
    if geometry.empty:
        return
    if isinstance(geometry, Point):
        yield geometry.coords
    elif isinstance(geometry, LineString):  # LinearRing included
        yield from geometry.coords
    else:  # polygons (their rings) and collections (their members)
        for part in geometry:
            yield from _coordinates(part)


GEOJSON_GEOMETRY_TYPES = {
    "Point",
    "LineString",
    "Polygon",
    "MultiPoint",
    "MultiLineString",
    "MultiPolygon",
}


def geometry_from_geojson(value: dict | str) -> GEOSGeometry:
    """A WGS 84 geometry from a GeoJSON geometry object (RFC 7946).

    Only `type` and `coordinates` are passed on to GDAL's parser, so a `crs` member sent by a
    client never makes GDAL resolve a spatial reference (see docs/decisions/0002-debian-gdal.md).
    """
    invalid = ValidationError(_("The location is not a valid geometry."), code="invalid")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            raise invalid from None
    if not isinstance(value, dict) or value.get("type") not in GEOJSON_GEOMETRY_TYPES:
        raise invalid
    if not isinstance(value.get("coordinates"), list):
        raise invalid
    text = json.dumps({"type": value["type"], "coordinates": value["coordinates"]})
    try:
        return GEOSGeometry(text, srid=4326)
    except (GEOSException, GDALException, ValueError, TypeError):
        raise invalid from None


def geometry_validate_in_area(*, geometry: GEOSGeometry, area: Area) -> None:
    """Refuse a point, route or area a resident may not place in the area, with the first reason.

    Cheap checks in Python come first; the measurements on the spheroid take one query.
    """
    if geometry.geom_type not in ACCEPTED_GEOMETRY_TYPES:
        raise ValidationError(_("Draw a point, a route or an area."), code="geometry_type")
    if geometry.empty:
        raise ValidationError(_("The location is not a valid geometry."), code="invalid")
    geometry = _in_wgs84(geometry)
    _check_coordinates(geometry)
    if geometry.num_coords > MAX_VERTICES:
        raise ValidationError(
            _("The shape has %(count)d points; at most %(max)d are allowed. Draw it more simply."),
            code="too_many_vertices",
            params={"count": geometry.num_coords, "max": MAX_VERTICES},
        )
    _check_valid(geometry)

    length, surface, area_surface, inside = _measure_in_area(geometry, area)
    if geometry.geom_type == "LineString" and length > MAX_LINE_METRES:
        raise ValidationError(
            _("A route can be at most %(max)d km long; this one is %(length)s km."),
            code="line_too_long",
            params={"max": MAX_LINE_METRES // 1000, "length": number_format(length / 1000, 1)},
        )
    if geometry.geom_type == "Polygon" and surface > area_surface:
        raise ValidationError(
            _("The area you drew is larger than %(area)s. Draw a smaller area."),
            code="polygon_too_large",
            params={"area": area.name},
        )
    if not inside:
        raise ValidationError(
            _("The location is outside %(area)s. Choose a place inside the area on the map."),
            code="outside_area",
            params={"area": area.name},
        )


def _in_wgs84(geometry: GEOSGeometry) -> GEOSGeometry:
    # A geometry without an SRID is taken as GeoJSON's WGS 84.
    if geometry.srid is None:
        geometry = geometry.clone()
        geometry.srid = 4326
    if geometry.srid == 4326:
        return geometry
    try:
        return geometry.transform(4326, clone=True)
    except (GEOSException, GDALException):
        raise ValidationError(_("The location is not a valid geometry."), code="invalid") from None


def _check_valid(geometry: GEOSGeometry) -> None:
    if geometry.geom_type == "LineString" and len(set(geometry.coords)) < 2:
        raise ValidationError(
            _("A route needs at least two different points."), code="too_few_points"
        )
    if geometry.geom_type == "Polygon" and not geometry.valid:
        # The GEOS reason names a coordinate, which helps a developer but not a resident.
        logger.info("Refused an invalid polygon: %s", geometry.valid_reason)
        raise ValidationError(
            _("The area's edges cross each other. Draw it again without crossing lines."),
            code="self_intersection",
        )


def _measure_in_area(geometry: GEOSGeometry, area: Area) -> tuple[float, float, float, bool]:
    """Length and surface of the geometry and of the area on the spheroid, and whether the
    geometry lies inside the area give or take the tolerance."""
    # Geography measures in metres anywhere. A point may lie within the tolerance of the
    # boundary; a route or an area must lie wholly inside the boundary widened by the tolerance,
    # so a long line cannot count as inside because one of its ends is.
    # The only interpolation is the model's own table name.
    sql = (
        "SELECT ST_Length(given.geom::geography), ST_Area(given.geom::geography),"  # noqa: S608
        " ST_Area(area.boundary::geography),"
        " ST_Covers(area.boundary, given.geom) OR CASE"
        "  WHEN ST_GeometryType(given.geom) = 'ST_Point'"
        "  THEN ST_DWithin(area.boundary::geography, given.geom::geography, %(tolerance)s)"
        "  ELSE ST_Covers(ST_Buffer(area.boundary::geography, %(tolerance)s)::geometry, given.geom)"
        "  END"
        f" FROM {Area._meta.db_table} AS area, (SELECT ST_GeomFromEWKB(%(ewkb)s) AS geom) AS given"
        " WHERE area.id = %(area)s"
    )
    params = {"ewkb": geometry.ewkb, "tolerance": AREA_TOLERANCE_METRES, "area": area.pk}
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()
