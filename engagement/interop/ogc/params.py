"""The query parameters of the OGC API - Features door, parsed or refused with a 400
(OGC API - Features Part 1 and Part 2)."""

import math
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from django.contrib.gis.gdal import GDALException
from django.contrib.gis.geos import MultiPolygon, Polygon
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84"
CRS84H = "http://www.opengis.net/def/crs/OGC/0/CRS84h"
EPSG3067 = "http://www.opengis.net/def/crs/EPSG/0/3067"
# Each offered CRS and its SRID; CRS84 and EPSG:3067 both put x (longitude, easting) first.
CRS_SRID = {CRS84: 4326, EPSG3067: 3067}
# Coordinates' decimals: about 10 cm in degrees, 1 cm in metres.
CRS_PRECISION = {CRS84: 6, EPSG3067: 2}
DEFAULT_LIMIT = 10
MAX_LIMIT = 1000
ITEMS_PARAMS = {"f", "limit", "offset", "bbox", "bbox-crs", "datetime", "crs"}


class BadParameter(Exception):
    """A parameter the API cannot answer: a 400 with its message."""


@dataclass(frozen=True)
class ItemsQuery:
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    box: object | None = None  # a (Multi)Polygon in SRID 4326
    start: datetime | None = None
    end: datetime | None = None
    timed: bool = False
    crs: str = CRS84


def _crs(value: str | None, name: str) -> str:
    if value is None:
        return CRS84
    value = value.strip()
    curies = {"[EPSG:3067]": EPSG3067, "EPSG:3067": EPSG3067, "[OGC:CRS84]": CRS84}
    value = curies.get(value, value)
    if value not in CRS_SRID:
        raise BadParameter(
            _("%(name)s must be one of: %(list)s.") % {"name": name, "list": ", ".join(CRS_SRID)}
        )
    return value


def crs_param(params) -> str:
    return _crs(params.get("crs"), "crs")


# Beyond PostgreSQL's bigint an OFFSET is an error, and no collection is near this long.
MAX_OFFSET = 10**12


def _integer(value: str | None, name: str, default: int, minimum: int) -> int:
    if value is None:
        return default
    try:
        number = int(value) if len(value) < 30 else None
    except ValueError:
        number = None
    if number is None or number < minimum or (name == "offset" and number > MAX_OFFSET):
        raise BadParameter(
            _("%(name)s must be a whole number of at least %(minimum)s.")
            % {"name": name, "minimum": minimum}
        )
    return number


def _bbox(value: str, crs: str):
    message = _(
        "bbox must be four numbers separated by commas (six with heights): "
        "lower left corner, then upper right."
    )
    try:
        numbers = [float(part) for part in value.split(",")]
    except ValueError:
        raise BadParameter(message) from None
    if len(numbers) not in (4, 6) or not all(math.isfinite(n) for n in numbers):
        raise BadParameter(message)
    if len(numbers) == 6:
        numbers = [numbers[0], numbers[1], numbers[3], numbers[4]]
    west, south, east, north = numbers
    if south > north:
        raise BadParameter(_("bbox: the lower edge is above the upper edge."))
    if crs == CRS84:
        if not (-180 <= west <= 180 and -180 <= east <= 180 and -90 <= south <= north <= 90):
            raise BadParameter(_("bbox in CRS84 must be longitudes and latitudes."))
        if west > east:  # across the antimeridian
            return MultiPolygon(
                Polygon.from_bbox((west, south, 180, north)),
                Polygon.from_bbox((-180, south, east, north)),
                srid=4326,
            )
        box = Polygon.from_bbox((west, south, east, north))
        box.srid = 4326
        return box
    if west > east:
        raise BadParameter(_("bbox: the left edge is right of the right edge."))
    box = Polygon.from_bbox((west, south, east, north))
    box.srid = CRS_SRID[crs]
    try:
        box = box.transform(4326, clone=True)
    except GDALException:
        box = None
    if box is None or not box.valid or not all(math.isfinite(n) for n in box.extent):
        raise BadParameter(_("bbox is outside the area where this CRS is defined."))
    return box


def _moment(value: str, end: bool) -> datetime | None:
    if value in ("", ".."):
        return None
    moment = parse_datetime(value) if "T" in value.upper() else None
    if moment is None and "T" not in value.upper():
        day = parse_date(value)
        if day is not None:
            moment = datetime.combine(day, time.min)
            if end:
                moment += timedelta(days=1) - timedelta(microseconds=1)
    if moment is None:
        raise ValueError(value)
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _datetime(value: str) -> tuple[datetime | None, datetime | None]:
    try:
        if "/" in value:
            first, _slash, second = value.partition("/")
            if "/" in second or (first in ("", "..") and second in ("", "..")):
                raise ValueError(value)
            start, end = _moment(first, end=False), _moment(second, end=True)
        else:
            start, end = _moment(value, end=False), _moment(value, end=True)
            if start is None:
                raise ValueError(value)
    except (ValueError, OverflowError):
        raise BadParameter(
            _(
                "datetime must be a date or time in RFC 3339 (2025-05-01 or "
                "2025-05-01T12:00:00Z) or an interval of two, either end open (..)."
            )
        ) from None
    if start and end and start > end:
        raise BadParameter(_("datetime: the interval ends before it starts."))
    return start, end


def unknown_params(params, allowed: set[str]) -> None:
    unknown = sorted(set(params) - allowed)
    if unknown:
        raise BadParameter(_("Unknown query parameter: %(names)s.") % {"names": ", ".join(unknown)})


def items_query(params) -> ItemsQuery:
    """The items' parameters, or BadParameter."""
    unknown_params(params, ITEMS_PARAMS)
    limit = min(_integer(params.get("limit"), "limit", DEFAULT_LIMIT, 1), MAX_LIMIT)
    offset = _integer(params.get("offset"), "offset", 0, 0)
    crs = crs_param(params)
    bbox_crs = _crs(params.get("bbox-crs"), "bbox-crs")
    if "bbox-crs" in params and "bbox" not in params:
        raise BadParameter(_("bbox-crs is given without a bbox."))
    box = _bbox(params["bbox"], bbox_crs) if "bbox" in params else None
    start = end = None
    if "datetime" in params:
        start, end = _datetime(params["datetime"])
    return ItemsQuery(
        limit=limit,
        offset=offset,
        box=box,
        start=start,
        end=end,
        timed="datetime" in params,
        crs=crs,
    )
