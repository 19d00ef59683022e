"""Spatial rules: validation of geometries residents send."""

import json
import math

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GEOSException, GEOSGeometry, Point
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from .models import Area

# A pin placed on the boundary line, or a few metres past it by an unsteady finger on a phone,
# still belongs to the area.
AREA_TOLERANCE_METRES = 30


def point_from_lon_lat(*, lon: float, lat: float) -> Point:
    """A WGS 84 point, refusing NaN, infinities and coordinates outside the globe."""
    point = Point(lon, lat, srid=4326)
    _check_coordinates(point)
    return point


def _check_coordinates(geometry: GEOSGeometry) -> None:
    west, south, east, north = geometry.extent
    if not all(math.isfinite(v) for v in (west, south, east, north)):
        raise ValidationError(_("The location is not a valid coordinate."), code="invalid")
    if not (west >= -180 and east <= 180 and south >= -90 and north <= 90):
        raise ValidationError(
            _("The location is outside the range of longitude and latitude."), code="out_of_range"
        )


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
    """Refuse a geometry that is invalid or lies outside the area by more than the tolerance."""
    if geometry.srid != 4326:
        geometry = geometry.transform(4326, clone=True)
    if geometry.empty or not geometry.valid:
        raise ValidationError(_("The location is not a valid geometry."), code="invalid")
    _check_coordinates(geometry)
    # Distances measured on the spheroid (geography), so the tolerance is in metres anywhere.
    # The only interpolation is the model's own table name.
    sql = (
        "SELECT ST_Covers(boundary, ST_GeomFromEWKB(%s))"  # noqa: S608
        " OR ST_DWithin(boundary::geography, ST_GeomFromEWKB(%s)::geography, %s)"
        f" FROM {Area._meta.db_table} WHERE id = %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [geometry.ewkb, geometry.ewkb, AREA_TOLERANCE_METRES, area.pk])
        inside = cursor.fetchone()[0]
    if not inside:
        raise ValidationError(
            _("The location is outside %(area)s. Choose a place inside the area on the map."),
            code="outside_area",
            params={"area": area.name},
        )
