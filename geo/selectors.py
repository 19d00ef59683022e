"""Spatial reads other apps call with the querysets and geometries they own."""

from django.contrib.gis.db.models.functions import Area as SurfaceArea
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import GEOSGeometry

from .models import Area


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
