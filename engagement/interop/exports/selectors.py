"""Rows of public contributions for exports, formatted by PostgreSQL and PostGIS, read in chunks."""

import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence

from django.db import connections
from django.db.models import (
    BinaryField,
    Case,
    CharField,
    Expression,
    F,
    FloatField,
    Func,
    IntegerField,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.interop.exports.csv_writer import STREAM_PIECE_CHARS
from engagement.interop.exports.geopackage import GPKG_LAYERS, GeoPackageWriter
from engagement.models import Contribution
from engagement.participation.selectors import contribution_public_location, translated_field

CHUNK_ROWS = 2000
# Rows a chunk read by id when the connection has no server-side cursors (`rows_in_chunks`).
ID_CHUNK_ROWS = 10000
# Streamed pieces of about this many characters: few enough writes, small enough to stay flat.
FILENAME = "yhdessa-contributions"
# Decimals of CSV coordinates: 1e-7 degree is about 1 cm, finer than any drawing on a map.
CSV_DECIMALS = 7

# Attribute columns shared by every format; CSV adds the point and the WKT, GeoPackage the geometry.
ATTRIBUTE_COLUMNS = (
    "id",
    "url",
    "campaign",
    "kind",
    "theme",
    "theme_name",
    "title",
    "body",
    "status",
    "supports",
    "comments",
    "created_at",
    "geometry_type",
)
CSV_COLUMNS = (*ATTRIBUTE_COLUMNS, "longitude", "latitude", "wkt")


# Reading in chunks ---------------------------------------------------------------------------


def ordered_ids(queryset: QuerySet) -> array:
    """The ids of the queryset's rows in its order, packed 8 bytes each (8 MB a million).

    PostgreSQL packs them into one bytea (int8send of each id, in the order of the subquery), so
    neither a cursor nor a million Python tuples are needed to read them."""
    sql, params = queryset.values_list("pk").query.sql_with_params()
    # The subquery is Django's own SQL, its values in params.
    packing = f"SELECT string_agg(int8send(ordered.id), ''::bytea) FROM ({sql}) AS ordered(id)"  # noqa: S608
    with connections[queryset.db].cursor() as cursor:
        cursor.execute(packing, params)
        (packed,) = cursor.fetchone()
    ids = array("q")
    if packed:
        ids.frombytes(bytes(packed))
        if sys.byteorder == "little":
            ids.byteswap()  # int8send writes network order (big-endian)
    return ids


def rows_in_chunks(queryset: QuerySet, chunk_rows: int | None = None) -> Iterator:
    """The queryset's rows (any `values_list`), in its order, in chunks: memory stays flat.

    With server-side cursors, `QuerySet.iterator` (the fastest: one statement). Without them
    (DISABLE_SERVER_SIDE_CURSORS, which PgBouncer in transaction mode needs) `iterator` would
    read every row into memory at once, so the ordered ids are read first (`ordered_ids`), then
    each chunk of them by primary key with the same filters and order. A row that stops matching
    meanwhile (hidden, deleted) is left out, as the filters apply again to each chunk."""
    connection = connections[queryset.db]
    if not connection.settings_dict.get("DISABLE_SERVER_SIDE_CURSORS"):
        yield from queryset.iterator(chunk_size=chunk_rows or CHUNK_ROWS)
        return
    size = chunk_rows or ID_CHUNK_ROWS
    ids = ordered_ids(queryset)
    for start in range(0, len(ids), size):
        # One array parameter rather than `size` of them: planned and sent faster.
        chunk = RawSQL("SELECT unnest(%s::bigint[])", (ids[start : start + size].tolist(),))
        yield from queryset.filter(pk__in=chunk)


# Rows formatted by the database --------------------------------------------------------------


class _GeometryTypeName(Func):
    # "Point", "LineString", "Polygon": ST_GeometryType's name less its "ST_" prefix.
    template = "substr(ST_GeometryType(%(expressions)s), 4)"
    output_field = CharField()


class _GeometryFunc(Func):
    """A PostGIS function called by name, read back as the given field type."""

    def __init__(self, function: str, *expressions, output_field) -> None:
        super().__init__(*expressions, function=function, output_field=output_field)


def _shown_geometry(exact: bool) -> Expression:
    return F("geometry") if exact else contribution_public_location()


def _attribute_rows(
    queryset: QuerySet[Contribution],
    exact: bool,
    *extra: Expression,
    created_at: Expression | str = "created_at",
) -> QuerySet:
    """Flat tuples: the attributes (url left out: it is built from the id) and `extra` columns,
    which may refer to the geometry to show as "shown"."""
    return queryset.alias(shown=_shown_geometry(exact)).values_list(
        "id",
        "campaign__slug",
        "kind",
        "theme__slug",
        translated_field("theme__name"),
        "title",
        "body",
        "status",
        "supports_count",
        "comments_count",
        created_at,
        # The privacy grid moves a point but never changes what kind of geometry it is.
        _GeometryTypeName("geometry"),
        *extra,
    )


def _attributes(row: Sequence, url_prefix: str, created_at: object) -> list:
    """The attribute values in ATTRIBUTE_COLUMNS order from a row of `_attribute_rows`."""
    pk, campaign, kind, theme, theme_name, title, body, status, supports, comments = row[:10]
    geometry_type = row[11]
    return [
        pk,
        f"{url_prefix}{pk}/",
        campaign,
        kind,
        theme,
        theme_name,
        title,
        body,
        status,
        supports,
        comments,
        created_at,
        geometry_type,
    ]


def contribution_csv_rows(
    *, queryset: QuerySet[Contribution], exact: bool, url_prefix: str
) -> Iterator[list]:
    """CSV_COLUMNS values per contribution, read in chunks; longitude and latitude are the point,
    or the centroid of a route or an area. Coordinates have CSV_DECIMALS decimals."""
    centroid = _GeometryFunc("ST_Centroid", "shown", output_field=CharField())
    rows = _attribute_rows(
        queryset,
        exact,
        _GeometryFunc("ST_X", centroid, output_field=FloatField()),
        _GeometryFunc("ST_Y", centroid, output_field=FloatField()),
        _GeometryFunc("ST_AsText", "shown", Value(CSV_DECIMALS), output_field=CharField()),
    )
    local = timezone.get_current_timezone()
    for row in rows_in_chunks(rows):
        longitude, latitude, wkt = row[12:]
        # Rounded, a centroid reads 23.6375 where the float says 23.637499999999996.
        yield [
            *_attributes(row, url_prefix, row[10].astimezone(local).isoformat()),
            round(longitude, CSV_DECIMALS),
            round(latitude, CSV_DECIMALS),
            wkt,
        ]


# GeoJSON ------------------------------------------------------------------------------------


def geojson_chunks(features: Iterable[str]) -> Iterator[str]:
    """A GeoJSON FeatureCollection in pieces around feature texts written by PostGIS."""
    yield '{"type":"FeatureCollection","features":['
    pieces: list[str] = []
    size = 0
    separator = ""
    for feature in features:
        pieces.append(separator)
        pieces.append(feature)
        separator = ","
        size += len(feature) + 1
        if size >= STREAM_PIECE_CHARS:
            yield "".join(pieces)
            pieces, size = [], 0
    pieces.append("]}\n")
    yield "".join(pieces)


def _unless_point(expression: Expression) -> Case:
    # A point's envelope is the point, read from its WKB: no need to compute its public location
    # four more times.
    return Case(
        When(Exact(_GeometryTypeName("geometry"), "Point"), then=Value(None)),
        default=expression,
        output_field=FloatField(),
    )


def contribution_gpkg_write(
    *, filename: str, queryset: QuerySet[Contribution], exact: bool, url_prefix: str
) -> None:
    """Write the contributions into a new GeoPackage file, one layer per kind of geometry."""
    rows = _attribute_rows(
        queryset,
        exact,
        _GeometryFunc("ST_Dimension", "geometry", output_field=IntegerField()),
        # Standard little-endian WKB, 2D: the layers declare neither Z nor M.
        _GeometryFunc(
            "ST_AsBinary",
            _GeometryFunc("ST_Force2D", "shown", output_field=CharField()),
            # A literal argument: a parameter would be of unknown type to PostgreSQL.
            Func(template="'NDR'::text", output_field=CharField()),
            output_field=BinaryField(),
        ),
        *(
            _unless_point(_GeometryFunc(function, "shown", output_field=FloatField()))
            for function in ("ST_XMin", "ST_XMax", "ST_YMin", "ST_YMax")
        ),
        # GeoPackage DATETIME: ISO 8601 in UTC with a Z, to the millisecond.
        created_at=Func(
            "created_at",
            template="to_char(%(expressions)s AT TIME ZONE 'UTC', "
            """'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')""",
            output_field=CharField(),
        ),
    )
    writer = GeoPackageWriter(filename, ATTRIBUTE_COLUMNS)
    try:
        batch: dict[str, list] = {}
        for count, row in enumerate(rows_in_chunks(rows), start=1):
            dimension, wkb, min_x, max_x, min_y, max_y = row[12:]
            envelope = None if min_x is None else (min_x, max_x, min_y, max_y)
            batch.setdefault(GPKG_LAYERS[dimension], []).append(
                (row[11], bytes(wkb), envelope, _attributes(row, url_prefix, row[10]))
            )
            if count % CHUNK_ROWS == 0:
                for layer_name, layer_rows in batch.items():
                    writer.add(layer_name, layer_rows)
                batch = {}
        for layer_name, layer_rows in batch.items():
            writer.add(layer_name, layer_rows)
    except BaseException:
        writer.abort()
        raise
    writer.close(
        descriptions={
            "contributions_points": _("Contributions placed as points"),
            "contributions_lines": _("Contributions drawn as routes"),
            "contributions_polygons": _("Contributions drawn as areas"),
        },
        empty_layer=GPKG_LAYERS[0],
    )
