"""Rows of public contributions for exports, formatted by PostgreSQL and PostGIS, read in chunks."""

import json
import sys
from array import array
from collections.abc import Iterable, Iterator, Sequence
from urllib.parse import urlsplit

from django.db import connections
from django.db.models import (
    BinaryField,
    Case,
    CharField,
    Expression,
    F,
    FloatField,
    Func,
    QuerySet,
    Value,
    When,
)
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Exact
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.interop.exports.csv_writer import STREAM_PIECE_CHARS
from engagement.interop.exports.extensions import export_columns, export_layers, export_tables
from engagement.interop.exports.geopackage import (
    GPKG_ATTRIBUTE_TYPES,
    GPKG_LAYERS,
    GPKG_OTHER_LAYER,
    GeoPackageWriter,
)
from engagement.models import Contribution
from engagement.participation.features import (
    JSONValue,
    json_number,
    json_object_text,
    json_string_around,
)
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
POINT_COLUMNS = ("longitude", "latitude")
# Between the ids of a list column (the pilots answering) in CSV and GeoPackage.
LIST_SEPARATOR = ";"


def export_attribute_columns() -> tuple[str, ...]:
    """The contribution's own columns, then those apps registered (the pilots answering it)."""
    return (*ATTRIBUTE_COLUMNS, *(column.name for column in export_columns()))


def csv_columns() -> tuple[str, ...]:
    """The CSV's columns: the attributes, the point (or centroid) and the WKT."""
    return (*export_attribute_columns(), *POINT_COLUMNS, "wkt")


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


# Where `_attribute_rows` puts the extra columns, after its own.
EXTRA_AT = 12


def registered_values(queryset: QuerySet[Contribution]) -> list[dict[int, list[int]]]:
    """For each registered column, the ids by contribution id, read once for the export (one
    query each over the links, which are few beside the rows: no subquery per row)."""
    contributions = queryset.order_by().values("pk")
    by_column = []
    for column in export_columns():
        values: dict[int, list[int]] = {}
        for contribution, value in column.pairs(contributions).iterator(chunk_size=CHUNK_ROWS):
            values.setdefault(contribution, []).append(value)
        by_column.append(values)
    return by_column


def _cells(registered: list[dict[int, list[int]]]) -> list[dict[int, str]]:
    return [
        {pk: LIST_SEPARATOR.join(map(str, ids)) for pk, ids in values.items()}
        for values in registered
    ]


def _attributes(row: Sequence, url_prefix: str, created_at: object, cells: list) -> list:
    """The values of `export_attribute_columns()` from a row of `_attribute_rows`, the
    registered ones from `cells` (`_cells`): "" where a contribution has none."""
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
        *(values.get(pk, "") for values in cells),
    ]


def contribution_csv_rows(
    *, queryset: QuerySet[Contribution], exact: bool, url_prefix: str
) -> Iterator[list]:
    """`csv_columns()` values per contribution, read in chunks; longitude and latitude are the
    point, or the centroid of a route or an area. Coordinates have CSV_DECIMALS decimals."""
    centroid = _GeometryFunc("ST_Centroid", "shown", output_field=CharField())
    rows = _attribute_rows(
        queryset,
        exact,
        _GeometryFunc("ST_X", centroid, output_field=FloatField()),
        _GeometryFunc("ST_Y", centroid, output_field=FloatField()),
        _GeometryFunc("ST_AsText", "shown", Value(CSV_DECIMALS), output_field=CharField()),
    )
    local = timezone.get_current_timezone()
    cells = _cells(registered_values(queryset))
    for row in rows_in_chunks(rows):
        longitude, latitude, wkt = row[EXTRA_AT:]
        # Rounded, a centroid reads 23.6375 where the float says 23.637499999999996.
        yield [
            *_attributes(row, url_prefix, row[10].astimezone(local).isoformat(), cells),
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


class _Rounded(Func):
    # A float to CSV_DECIMALS decimals, as numeric: JSON without the float's last-digit noise.
    template = f"round(%(expressions)s::numeric, {CSV_DECIMALS})"
    output_field = FloatField()


def contribution_geojson_features(
    *, queryset: QuerySet[Contribution], exact: bool, url_prefix: str
) -> Iterator[str]:
    """One GeoJSON Feature text per contribution, written by PostgreSQL (no Python per row),
    read in chunks: the shown geometry and, as properties, the CSV's columns in its order (the
    WKT aside: it is the geometry); `created_at` in UTC (RFC 3339), `pilots` a list of ids."""
    centroid = _GeometryFunc("ST_Centroid", "shown", output_field=CharField())
    properties = {
        "id": json_number("id"),
        "url": json_string_around(url_prefix, "id", "/"),
        "campaign": JSONValue(F("campaign__slug")),
        "kind": JSONValue(F("kind")),
        "theme": JSONValue(F("theme__slug")),
        "theme_name": JSONValue(translated_field("theme__name")),
        "title": JSONValue(F("title")),
        "body": JSONValue(F("body")),
        "status": JSONValue(F("status")),
        "supports": json_number("supports_count"),
        "comments": json_number("comments_count"),
        "created_at": JSONValue(F("created_at")),
        "geometry_type": JSONValue(_GeometryTypeName("geometry")),
    }
    point = {
        name: JSONValue(_Rounded(_GeometryFunc(function, centroid, output_field=FloatField())))
        for name, function in (("longitude", "ST_X"), ("latitude", "ST_Y"))
    }
    # The feature to its registered properties, and from longitude on: PostgreSQL writes both,
    # Python puts the registered lists (read once, `registered_values`) between them.
    head = json_object_text(
        {
            "type": '"Feature"',
            "id": json_number("id"),
            "geometry": _GeometryFunc(
                "ST_AsGeoJSON", "shown", Value(CSV_DECIMALS), output_field=CharField()
            ),
            "properties": json_object_text(properties),
        }
    )
    rows = (
        queryset.alias(shown=_shown_geometry(exact))
        .annotate(head=head, tail=json_object_text(point))
        .values_list("id", "head", "tail")
    )
    registered = [
        (json.dumps(column.name), {pk: json.dumps(ids) for pk, ids in values.items()})
        for column, values in zip(export_columns(), registered_values(queryset), strict=True)
    ]
    for pk, head_text, tail_text in rows_in_chunks(rows):
        middle = "".join(f",{name}:{values.get(pk, '[]')}" for name, values in registered)
        yield f"{head_text[:-2]}{middle},{tail_text[1:]}}}"


# GeoPackage ---------------------------------------------------------------------------------


def _unless_point(expression: Expression) -> Case:
    # A point's envelope is the point, read from its WKB: no need to compute its public location
    # four more times.
    return Case(
        When(Exact(_GeometryTypeName("geometry"), "Point"), then=Value(None)),
        default=expression,
        output_field=FloatField(),
    )


def _wkb(geometry: str) -> Expression:
    # Standard little-endian WKB, 2D: the layers declare neither Z nor M.
    return _GeometryFunc(
        "ST_AsBinary",
        _GeometryFunc("ST_Force2D", geometry, output_field=CharField()),
        # A literal argument: a parameter would be of unknown type to PostgreSQL.
        Func(template="'NDR'::text", output_field=CharField()),
        output_field=BinaryField(),
    )


def _envelope(geometry: str) -> list[Expression]:
    return [
        _GeometryFunc(function, geometry, output_field=FloatField())
        for function in ("ST_XMin", "ST_XMax", "ST_YMin", "ST_YMax")
    ]


def _gpkg_contributions(
    writer: GeoPackageWriter, queryset: QuerySet, rows: QuerySet, url_prefix: str
) -> None:
    names = export_attribute_columns()
    columns = [(name, GPKG_ATTRIBUTE_TYPES.get(name, "TEXT")) for name in names]
    cells = _cells(registered_values(queryset))
    batch: dict[str, list] = {}

    def flush() -> None:
        for layer_name, layer_rows in batch.items():
            writer.add(layer_name, layer_rows)
        batch.clear()

    for count, row in enumerate(rows_in_chunks(rows), start=1):
        wkb, min_x, max_x, min_y, max_y = row[EXTRA_AT:]
        envelope = None if min_x is None else (min_x, max_x, min_y, max_y)
        layer_name = GPKG_LAYERS.get(row[11], GPKG_OTHER_LAYER)
        if not writer.has(layer_name):
            declared = "GEOMETRY" if layer_name == GPKG_OTHER_LAYER else row[11].upper()
            writer.feature_table(layer_name, declared, columns)
        batch.setdefault(layer_name, []).append(
            (bytes(wkb), envelope, _attributes(row, url_prefix, row[10], cells))
        )
        if count % CHUNK_ROWS == 0:
            flush()
    flush()
    if not any(writer.has(name) for name in (*GPKG_LAYERS.values(), GPKG_OTHER_LAYER)):
        # An empty export still opens as a (points) layer.
        writer.feature_table(GPKG_LAYERS["Point"], "POINT", columns)


def _site_root(url_prefix: str) -> str:
    """ "https://host" of "https://host/sv/contributions/"."""
    parts = urlsplit(url_prefix)
    return f"{parts.scheme}://{parts.netloc}" if parts.netloc else ""


def _gpkg_registered(writer: GeoPackageWriter, queryset: QuerySet, url_prefix: str) -> None:
    """The layers and tables apps registered (the pilots, the contribution-pilot links)."""
    contributions = queryset.order_by().values("pk")
    for layer in export_layers():
        writer.feature_table(layer.name, "GEOMETRY", layer.columns)
        rows = layer.rows(contributions, _site_root(url_prefix)).values_list(
            *layer.values, _wkb("geometry"), *_envelope("geometry")
        )
        size = len(layer.columns)
        batch = []
        for row in rows.iterator(chunk_size=CHUNK_ROWS):
            batch.append((bytes(row[size]), tuple(row[size + 1 :]), row[:size]))
            if len(batch) >= CHUNK_ROWS:
                writer.add(layer.name, batch)
                batch = []
        writer.add(layer.name, batch)
    for table in export_tables():
        writer.attribute_table(table.name, table.columns)
        batch = []
        for row in table.rows(contributions).iterator(chunk_size=CHUNK_ROWS):
            batch.append(row)
            if len(batch) >= CHUNK_ROWS:
                writer.add_attributes(table.name, batch)
                batch = []
        writer.add_attributes(table.name, batch)


def contribution_gpkg_write(
    *, filename: str, queryset: QuerySet[Contribution], exact: bool, url_prefix: str
) -> None:
    """Write the contributions into a new GeoPackage file, one layer per kind of geometry, each
    with an R-tree index, and the layers and tables apps registered (the pilots answering them
    and the links between the two)."""
    rows = _attribute_rows(
        queryset,
        exact,
        _wkb("shown"),
        *(_unless_point(expression) for expression in _envelope("shown")),
        # GeoPackage DATETIME: ISO 8601 in UTC with a Z, to the millisecond.
        created_at=Func(
            "created_at",
            template="to_char(%(expressions)s AT TIME ZONE 'UTC', "
            """'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')""",
            output_field=CharField(),
        ),
    )
    writer = GeoPackageWriter(filename)
    try:
        _gpkg_contributions(writer, queryset, rows, url_prefix)
        _gpkg_registered(writer, queryset, url_prefix)
    except BaseException:
        writer.abort()
        raise
    descriptions = {
        "contributions_points": _("Contributions placed as points"),
        "contributions_lines": _("Contributions drawn as routes"),
        "contributions_polygons": _("Contributions drawn as areas"),
        GPKG_OTHER_LAYER: _("Contributions of other shapes"),
    }
    for registered in (*export_layers(), *export_tables()):
        descriptions[registered.name] = str(registered.description())
    writer.close(descriptions=descriptions)
