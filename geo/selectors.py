"""Spatial reads other apps call with the querysets and geometries they own."""

from django.contrib.gis.db.models import GeometryField, PointField
from django.contrib.gis.db.models.functions import Area as SurfaceArea
from django.contrib.gis.db.models.functions import (
    AsGeoJSON,
    PointOnSurface,
    SnapToGrid,
    Transform,
)
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import BooleanField, Case, CharField, F, FloatField, Func, IntegerField, When
from django.db.models.functions import Cast, Floor
from django.db.models.lookups import Exact

from geo.models import Area

# A hidden location is published as the centre of its cell in a 100 m grid of ETRS-TM35FIN
# (EPSG:3067), whose cells start at whole hundreds of metres: the public point stays in the same
# cell as the true one, at most half a diagonal (about 71 m) away, and always lands on the same
# spot, so repeated reads cannot be averaged back to the true position.
PRIVACY_GRID_METRES = 100
PRIVACY_GRID_SRID = 3067


class GeometryType(Func):
    # Migrations name this class and Coordinate (engagement 0013): keep them.
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
        When(_is_point(field), then=cell_centre),
        default=F(field),
        output_field=GeometryField(srid=4326),
    )


def public_point(field: str, exact: str) -> Case:
    """An expression for one public point standing for the geometry, which the map clusters:
    `public_geometry` for a point; a point on a route or area as drawn (ST_PointOnSurface in
    ETRS-TM35FIN, as the tiles always placed them).

    Only IMMUTABLE functions, so `Contribution.public_point` is a stored generated column
    (docs/decisions/0025).
    """
    return Case(
        When(_is_point(field), then=public_geometry(field, exact)),
        default=Transform(PointOnSurface(Transform(field, PRIVACY_GRID_SRID)), 4326),
        output_field=PointField(srid=4326),
    )


class Coordinate(Func):
    """ST_X or ST_Y (the `function` given) of a point."""

    output_field = FloatField()


def privacy_cell(field: str, axis: str) -> Case:
    """An expression for the column (`axis` "x") or row ("y") of the point's 100 m privacy cell
    in ETRS-TM35FIN, counted from the grid's origin; NULL for a route or area. A cell's centre
    is (n + 0.5) * PRIVACY_GRID_METRES on each axis."""
    coordinate = Coordinate(
        Transform(field, PRIVACY_GRID_SRID), function="ST_X" if axis == "x" else "ST_Y"
    )
    return Case(
        When(
            _is_point(field),
            then=Cast(Floor(coordinate / PRIVACY_GRID_METRES), output_field=IntegerField()),
        ),
        default=None,
        output_field=IntegerField(),
    )


def _is_point(field: str) -> Exact:
    return Exact(GeometryType(field), "ST_Point")


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


class MetresBetween(Func):
    """The shortest distance in metres between two WGS 84 geometries, on the spheroid (a cast
    to geography), whatever their types: a point to a route is measured to the nearest part of
    the route. Used for nearby duplicates (docs/decisions/0031)."""

    output_field = FloatField()
    arity = 2

    def as_sql(self, compiler, connection, **extra_context):
        sqls, params = [], []
        for expression in self.get_source_expressions():
            sql, expression_params = compiler.compile(expression)
            sqls.append(f"({sql})::geography")
            params.extend(expression_params)
        return f"ST_Distance({sqls[0]}, {sqls[1]})", params


class WithinMetres(Func):
    """True when two WGS 84 geometries lie within `metres` of each other on the spheroid; the
    filter of MetresBetween, which PostgreSQL answers without computing every distance."""

    output_field = BooleanField()
    arity = 3

    def as_sql(self, compiler, connection, **extra_context):
        first, second, metres = self.get_source_expressions()
        a, a_params = compiler.compile(first)
        b, b_params = compiler.compile(second)
        m, m_params = compiler.compile(metres)
        sql = f"ST_DWithin(({a})::geography, ({b})::geography, {m})"
        return sql, [*a_params, *b_params, *m_params]
