"""Spatial reads other apps call with the querysets and geometries they own."""

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.db.models.functions import Area as SurfaceArea
from django.contrib.gis.db.models.functions import AsGeoJSON, SnapToGrid, Transform
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Case, CharField, F, Func, When
from django.db.models.lookups import Exact

from geo.models import Area

# A hidden location is published as the centre of its cell in a 100 m grid of ETRS-TM35FIN
# (EPSG:3067), whose cells start at whole hundreds of metres: the public point stays in the same
# cell as the true one, at most half a diagonal (about 71 m) away, and always lands on the same
# spot, so repeated reads cannot be averaged back to the true position.
PRIVACY_GRID_METRES = 100
PRIVACY_GRID_SRID = 3067


class _GeometryType(Func):
    # "ST_Point" whatever the dimensions, where GeometryType() would say POINT, POINTZ, POINTM.
    function = "ST_GeometryType"
    output_field = CharField()


def public_geometry(field: str, exact: str) -> Case:
    """An expression for the geometry the public may see: as stored where the boolean field
    `exact` allows it, otherwise a point moved to the centre of its privacy grid cell.

    Routes and areas are drawn to be seen as they are, so they are never moved.
    """
    half = PRIVACY_GRID_METRES / 2
    # SnapToGrid(size_x, size_y, origin_x, origin_y): grid points at 50, 150, ... metres.
    cell_centre = Transform(
        SnapToGrid(
            Transform(field, PRIVACY_GRID_SRID),
            PRIVACY_GRID_METRES,
            PRIVACY_GRID_METRES,
            half,
            half,
        ),
        4326,
    )
    return Case(
        When(**{exact: True}, then=F(field)),
        When(Exact(_GeometryType(field), "ST_Point"), then=cell_centre),
        default=F(field),
        output_field=GeometryField(srid=4326),
    )


def area_smallest_containing(*, geometry: GEOSGeometry) -> Area | None:
    """The most specific area (smallest by surface) whose boundary contains the geometry."""
    return (
        Area.objects.filter(boundary__contains=geometry)
        .annotate(surface=SurfaceArea("boundary"))
        .order_by("surface")
        .first()
    )


def area_with_descendant_ids(*, area: Area) -> list[int]:
    """The area's id and those of every area nested below it, level by level."""
    ids = [area.pk]
    level = [area.pk]
    while level:
        level = list(Area.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        ids.extend(level)
    return ids


def area_boundary_geojson(*, area: Area, precision: int = 6) -> str:
    """The boundary as GeoJSON text written by PostGIS."""
    return (
        Area.objects.filter(pk=area.pk)
        .annotate(geojson=AsGeoJSON("boundary", precision=precision))
        .values_list("geojson", flat=True)
        .get()
    )
