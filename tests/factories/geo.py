"""Areas, and the Tesoma box most tests stand in."""

import factory
from django.contrib.gis.db.models.functions import Area as SurfaceArea
from django.contrib.gis.geos import GEOSGeometry, LineString, MultiPolygon, Point, Polygon
from django.db.models import Case, IntegerField, Value, When

from geo.models import Area, Place

# A 2 km x 1.1 km box around Länsikeskus, Tesoma.
TESOMA_BOX = (23.61, 61.495, 23.65, 61.505)
INSIDE = Point(23.63, 61.50, srid=4326)
# About 1.1 km north of the box.
OUTSIDE = Point(23.63, 61.515, srid=4326)
# About 50 m in degrees of longitude at Tampere's latitude: shapes around a point stay small.
STEP = 0.001


def box(west: float, south: float, east: float, north: float) -> MultiPolygon:
    return MultiPolygon(Polygon.from_bbox((west, south, east, north)), srid=4326)


def point_in(area: Area) -> Point:
    """A point inside the area: Länsikeskus when the area holds it, else a point on its surface."""
    if area.boundary.contains(INSIDE):
        return INSIDE.clone()
    return area.boundary.point_on_surface


def route_in(area: Area) -> LineString:
    """A route of about 100 m through a point inside the area."""
    x, y = point_in(area).coords
    return LineString((x - STEP, y), (x, y + STEP / 2), (x + STEP, y), srid=4326)


def polygon_in(area: Area) -> Polygon:
    """A block of about 100 m x 50 m around a point inside the area."""
    x, y = point_in(area).coords
    polygon = Polygon.from_bbox((x - STEP, y - STEP / 4, x + STEP, y + STEP / 4))
    polygon.srid = 4326
    return polygon


def area_for(geometry: GEOSGeometry, fallback: Area) -> Area:
    """The area a service assigns a geometry: the smallest containing it, else the campaign's.

    Among areas of the same size the fallback wins, so two campaigns over the same box each
    keep their own area.
    """
    own = Case(When(pk=fallback.pk, then=Value(0)), default=Value(1), output_field=IntegerField())
    smallest = (
        Area.objects.filter(boundary__contains=geometry)
        .annotate(surface=SurfaceArea("boundary"), own=own)
        .order_by("surface", "own")
        .first()
    )
    return smallest or fallback


class AreaFactory(factory.django.DjangoModelFactory):
    """A district over the Tesoma box, unless given a boundary."""

    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    class Params:
        city = factory.Trait(kind=Area.Kind.CITY, name="Tampere")
        neighbourhood = factory.Trait(kind=Area.Kind.NEIGHBOURHOOD, name="Länsikeskus")

    name = "Tesoma"
    slug = factory.Sequence(lambda n: f"area-{n}")
    kind = Area.Kind.DISTRICT
    boundary = factory.LazyFunction(lambda: box(*TESOMA_BOX))


class PlaceFactory(factory.django.DjangoModelFactory):
    """A named place in the Tesoma box: Länsikeskus's point unless given a name and geometry."""

    class Meta:
        model = Place

    name_fi = "Länsikeskus"
    name = factory.SelfAttribute("name_fi")
    kind = Place.Kind.SHOPPING_CENTRE
    geometry = factory.LazyFunction(lambda: INSIDE.clone())
    source = "test"
    source_id = factory.Sequence(lambda n: f"place-{n}")
    approximate = True
