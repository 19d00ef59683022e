"""Reads of the gazetteer: places found by what a resident types, and the place nearest to a
location for the description that tells a reader where a contribution is without a map."""

import math
from dataclasses import dataclass

from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.db import connections, router
from django.db.models import Case, IntegerField, QuerySet, Value, When
from django.db.models.functions import Length
from django.utils.translation import gettext as _

from geo.models import Place, search_fold

# What a search returns and reads: a short list a person can scan, from a short text.
SEARCH_LIMIT = 10
SEARCH_MAX_LENGTH = 100
# A place further than this from a contribution does not describe where it is.
NEAR_METRES = 500
# Landmarks describe a spot better than the nearest address point or street; they win when
# they are at most this much further away than the nearest place of any kind.
LANDMARK_BONUS_METRES = 150
LANDMARKS = [
    Place.Kind.SHOPPING_CENTRE,
    Place.Kind.STATION,
    Place.Kind.SCHOOL,
    Place.Kind.LIBRARY,
    Place.Kind.PARK,
    Place.Kind.LAKE,
    Place.Kind.SERVICE,
    Place.Kind.SPORTS,
]
_METRES_PER_DEGREE = 111_320


def places_search_query(text: str) -> str:
    """The folded search text, or a refusal a client can act on (too long, nothing to find)."""
    if len(text) > SEARCH_MAX_LENGTH:
        raise ValidationError(
            _("Write at most %(max)d characters."),
            code="too_long",
            params={"max": SEARCH_MAX_LENGTH},
        )
    return search_fold(text.replace("\x00", " "))


def places_search(*, text: str, limit: int = SEARCH_LIMIT) -> QuerySet[Place]:
    """Places whose name (in any language) or one of its words begins with the text, ignoring
    case and accents: whole names first, then names that begin so, then words; shorter names
    first within each."""
    query = places_search_query(text)
    if not query:
        return Place.objects.none()
    # The search text is "| name | other name |" with single spaces (geo.models.search_text).
    return (
        Place.objects.filter(search_text__contains=f" {query}")
        .annotate(
            rank=Case(
                When(search_text__contains=f"| {query} |", then=Value(0)),
                When(search_text__contains=f"| {query}", then=Value(1)),
                default=Value(2),
                output_field=IntegerField(),
            ),
            name_length=Length("name"),
        )
        .order_by("rank", "name_length", "name", "id")[:limit]
    )


@dataclass(frozen=True)
class NearPlace:
    place: Place
    distance: int  # metres, rounded to the nearest 10


def place_nearest(*, geometry: GEOSGeometry, within: int = NEAR_METRES) -> NearPlace | None:
    """The place that best says where the geometry is: the nearest landmark unless another place
    is much nearer, measured on the spheroid to the place's own geometry (a street's line, a
    park's area), within `within` metres."""
    if geometry is None or geometry.empty:
        return None
    centre = geometry.centroid
    if centre.srid and centre.srid != 4326:
        centre = centre.transform(4326, clone=True)
    dy = within / _METRES_PER_DEGREE
    dx = dy / max(math.cos(math.radians(centre.y)), 0.01)
    sql = (
        "WITH given AS (SELECT ST_GeomFromEWKB(%(ewkb)s) AS geom),"  # noqa: S608
        " near AS (SELECT place.id, place.kind,"
        "  ST_Distance(place.geometry::geography, given.geom::geography) AS distance"
        f" FROM {Place._meta.db_table} AS place, given"
        "  WHERE place.geometry && ST_Expand(given.geom, %(dx)s, %(dy)s))"
        " SELECT id, distance FROM near WHERE distance <= %(within)s"
        " ORDER BY distance"
        "  - CASE WHEN kind = ANY(%(landmarks)s) THEN %(bonus)s ELSE 0 END, distance, id"
        " LIMIT 1"
    )
    params = {
        "ewkb": geometry.ewkb if geometry.srid else _with_srid(geometry).ewkb,
        "dx": dx,
        "dy": dy,
        "within": within,
        "landmarks": [str(kind) for kind in LANDMARKS],
        "bonus": LANDMARK_BONUS_METRES,
    }
    with connections[router.db_for_read(Place)].cursor() as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    if row is None:
        return None
    place = Place.objects.get(pk=row[0])
    return NearPlace(place=place, distance=int(round(row[1] / 10) * 10))


def _with_srid(geometry: GEOSGeometry) -> GEOSGeometry:
    geometry = geometry.clone()
    geometry.srid = 4326
    return geometry
