"""Spatial rules: validation of geometries residents send."""

import math

from django.contrib.gis.geos import GEOSGeometry, Point
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.translation import gettext as _

from .models import Area

# A pin placed on the boundary line, or a few metres past it by an unsteady finger on a phone,
# still belongs to the area.
AREA_TOLERANCE_METRES = 30


def point_from_lon_lat(*, lon: float, lat: float) -> Point:
    """A WGS 84 point, refusing NaN, infinities and coordinates outside the globe."""
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise ValidationError(_("The location is not a valid coordinate."), code="invalid")
    if not (-180 <= lon <= 180 and -90 <= lat <= 90):
        raise ValidationError(
            _("The location is outside the range of longitude and latitude."), code="out_of_range"
        )
    return Point(lon, lat, srid=4326)


def geometry_validate_in_area(*, geometry: GEOSGeometry, area: Area) -> None:
    """Refuse a geometry that is invalid or lies outside the area by more than the tolerance."""
    if geometry.srid != 4326:
        geometry = geometry.transform(4326, clone=True)
    if geometry.empty or not geometry.valid:
        raise ValidationError(_("The location is not a valid geometry."), code="invalid")
    if not all(math.isfinite(v) for v in geometry.extent):
        raise ValidationError(_("The location is not a valid coordinate."), code="invalid")
    # Distances measured on the spheroid (geography), so the tolerance is in metres anywhere.
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT ST_Covers(boundary, ST_GeomFromEWKB(%s))"
            " OR ST_DWithin(boundary::geography, ST_GeomFromEWKB(%s)::geography, %s)"
            " FROM geo_area WHERE id = %s",
            [geometry.ewkb, geometry.ewkb, AREA_TOLERANCE_METRES, area.pk],
        )
        inside = cursor.fetchone()[0]
    if not inside:
        raise ValidationError(
            _("The location is outside %(area)s. Choose a place inside the area on the map."),
            code="outside_area",
            params={"area": area.name},
        )
