"""JSON and GeoJSON from clients, parsed within bounds: any text gives a geometry or a refusal.

Every door that takes a resident's geometry (the REST API in JSON and multipart, the HTML forms
of contributions and pilots) parses it with `geometry_from_geojson`; the API's JSON parser
(`engagement.common.api.JSONParser`) parses whole request bodies with `json_loads_bounded`.
See docs/decisions/0014-input-limits-and-error-schema.md.
"""

import json
import math

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import GEOSException, GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Deeper than any document the API takes (a MultiPolygon inside a request body is 6 levels),
# shallow enough that no parser or serializer recurses far.
MAX_JSON_DEPTH = 32

GEOJSON_GEOMETRY_TYPES = {
    "Point",
    "LineString",
    "Polygon",
    "MultiPoint",
    "MultiLineString",
    "MultiPolygon",
}
# How many levels of lists hold the positions of each type.
_POSITION_DEPTH = {
    "Point": 0,
    "MultiPoint": 1,
    "LineString": 1,
    "MultiLineString": 2,
    "Polygon": 2,
    "MultiPolygon": 3,
}
# Longitude, latitude and, as RFC 7946 and GPS receivers allow, a height and a measure.
_MAX_POSITION_LENGTH = 4


class JSONInputError(ValueError):
    """Text that is not JSON the site takes; the message says why in the user's language."""


def _refuse_constant(name: str) -> float:
    raise JSONInputError(_("Numbers in JSON must be finite (not %(name)s).") % {"name": name})


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        _refuse_constant(text)
    return value


def _too_deep(limit: int) -> str:
    return _("The JSON is nested too deeply: at most %(max)d levels.") % {"max": limit}


def _refusal_in(value: object, limit: int) -> str | None:
    """Why parsed JSON is refused: containers nested deeper than `limit`, or a NUL character in
    a key or string (PostgreSQL's text cannot hold one); walked without recursion."""
    stack = [(value, 1)]
    while stack:
        item, depth = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return _("The request contains a character that is not allowed (NUL).")
            continue
        if isinstance(item, dict):
            item = [*item.keys(), *item.values()]
        if isinstance(item, list):
            if depth > limit:
                return _too_deep(limit)
            stack.extend((child, depth + 1) for child in item)
    return None


def json_loads_bounded(text: str | bytes, encoding: str = "utf-8") -> object:
    """JSON as Python values, refusing text that does not decode, NaN and infinities (also a
    literal that overflows, like 1e309), NUL characters, and nesting deeper than MAX_JSON_DEPTH
    (a body nested 100,000 levels deep made the standard parser raise RecursionError)."""
    if isinstance(text, bytes):
        try:
            text = text.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            raise JSONInputError(
                _("The request body is not valid text in %(encoding)s.") % {"encoding": encoding}
            ) from None
    try:
        value = json.loads(text, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise JSONInputError(_too_deep(MAX_JSON_DEPTH)) from None
    except JSONInputError:
        raise
    except ValueError:  # JSONDecodeError, and an integer of more than 4,300 digits
        raise JSONInputError(_("The request body is not valid JSON.")) from None
    if reason := _refusal_in(value, MAX_JSON_DEPTH):
        raise JSONInputError(reason)
    return value


def _number(value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise TypeError
    number = float(value)  # OverflowError for an integer beyond a float
    if not math.isfinite(number):
        raise ValueError
    return number


def _two_dimensional(coordinates: object, depth: int) -> list:
    """The coordinates with each position cut to longitude and latitude: a height (Z) and a
    measure (M) are dropped, since the site stores and shows places on a flat map."""
    if not isinstance(coordinates, list):
        raise TypeError
    if depth == 0:
        if not 2 <= len(coordinates) <= _MAX_POSITION_LENGTH:
            raise ValueError
        return [_number(v) for v in coordinates][:2]
    return [_two_dimensional(part, depth - 1) for part in coordinates]


def geometry_from_geojson(value: dict | str) -> GEOSGeometry:
    """A two-dimensional WGS 84 geometry from a GeoJSON geometry object (RFC 7946), or a
    ValidationError: any JSON at all gives one or the other, never another exception.

    Positions of three or four numbers are reduced to two. Only `type` and the reduced
    `coordinates` are passed on to GDAL's parser, so a `crs` member sent by a client never makes
    GDAL resolve a spatial reference (see docs/decisions/0002-debian-gdal.md).
    """
    invalid = ValidationError(_("The location is not a valid geometry."), code="invalid")
    if isinstance(value, str):
        try:
            value = json_loads_bounded(value)
        except JSONInputError:
            raise invalid from None
    if not isinstance(value, dict) or value.get("type") not in GEOJSON_GEOMETRY_TYPES:
        raise invalid
    kind = value["type"]
    try:
        coordinates = _two_dimensional(value.get("coordinates"), _POSITION_DEPTH[kind])
    except (TypeError, ValueError, OverflowError):
        raise invalid from None
    text = json.dumps({"type": kind, "coordinates": coordinates})
    try:
        return GEOSGeometry(text, srid=4326)
    except (GEOSException, GDALException, ValueError, TypeError):
        raise invalid from None
