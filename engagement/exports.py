"""Exports of public contributions: CSV, GeoJSON and GeoPackage downloads (`/exports/...`).

The query parameters are those of `GET /api/v1/contributions/` without paging: an export holds
every matching row. Rows are read from the database in chunks through a server-side cursor, already
formatted by PostgreSQL/PostGIS (GeoJSON, WKT, WKB, centroids), so memory stays flat whatever their
number and no model instance or GEOS object is built per row.

Each export is one plain HTTP response, so the browser shows its progress like any download;
there are no background jobs or queues. CSV and GeoJSON are streamed while the rows arrive. A
GeoPackage is a SQLite database that cannot be written front to back, so it is filled in a
temporary file first, then sent with its length and deleted when the response is closed.
"""

import csv
import io
import sqlite3
import struct
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

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
from django.db.models.lookups import Exact
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import path, reverse
from django.utils import timezone
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from geo.selectors import public_geometry

from .api import GEOJSON, ContributionQuerySerializer
from .models import Contribution
from .rules import can_moderate
from .selectors import (
    ContributionFilters,
    contributions_feature_text_queryset,
    contributions_filtered,
    translated_field,
)

CHUNK_ROWS = 2000
# Streamed pieces of about this many characters: few enough writes, small enough to stay flat.
STREAM_PIECE_CHARS = 64 * 1024
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

# A spreadsheet runs a cell beginning with one of these as a formula (CSV injection, OWASP).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r", "\0")


class ExportQuerySerializer(ContributionQuerySerializer):
    """The contribution list's query parameters without paging: an export has every row."""

    limit = None
    offset = None


@dataclass(frozen=True)
class ExportQuery:
    """What to export and whether the exact geometry may be shown."""

    queryset: QuerySet[Contribution]
    exact: bool


def export_query(request: HttpRequest) -> ExportQuery | JsonResponse:
    """The public contributions the request's parameters select, or a 400 naming bad fields.

    The exact geometry is only for moderators of the campaign the request names; everyone else
    gets points at their public (privacy-grid) location, as on the map.
    """
    query = ExportQuerySerializer(data=request.GET)
    if not query.is_valid():
        return JsonResponse(query.errors, status=400)
    params = query.validated_data
    campaign = params.get("campaign")
    filters = ContributionFilters(
        campaign=campaign,
        area=params.get("area"),
        bbox=params.get("bbox"),
        theme=params.get("theme"),
        kind=params.get("kind"),
        status=params.get("status"),
        q=params.get("q"),
        sort=params["sort"],
    )
    exact = campaign is not None and can_moderate(request.user, campaign)
    return ExportQuery(queryset=contributions_filtered(filters=filters), exact=exact)


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
    return F("geometry") if exact else public_geometry("geometry", "exact_location_public")


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


def _url_prefix(request: HttpRequest) -> str:
    # "https://host/sv/contributions/1/" less its "1/": absolute, in the request's language.
    detail = reverse("engagement:contribution-detail", kwargs={"pk": 1})
    return request.build_absolute_uri(detail)[:-2]


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


# CSV ----------------------------------------------------------------------------------------


def csv_cell(value: object) -> object:
    """A text cell that a spreadsheet would run as a formula, made inert by a leading apostrophe.

    Only text is touched: numbers the export writes itself (a negative longitude) stay numbers.
    """
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def csv_chunks(header: Sequence[str], rows: Iterable[Sequence]) -> Iterator[str]:
    """CSV text in pieces: a UTF-8 byte order mark (so Excel reads the encoding), the header,
    then every row with formula-like text cells neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    yield "\ufeff"
    writer.writerow(header)
    for row in rows:
        writer.writerow([csv_cell(value) for value in row])
        if buffer.tell() >= STREAM_PIECE_CHARS:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()


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
    for row in rows.iterator(chunk_size=CHUNK_ROWS):
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


# GeoPackage ---------------------------------------------------------------------------------

GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10300  # GeoPackage 1.3.0
GPKG_SRS_ID = 4326
WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)
# GeoPackage binary header: "GP", version 0, flags, srs_id. Flags bit 0 = 1: little-endian
# header; bits 1-3: envelope contents (0 none, 1 = minx, maxx, miny, maxy).
_HEADER_NO_ENVELOPE = struct.pack("<2sBBi", b"GP", 0, 0b0000_0001, GPKG_SRS_ID)
_HEADER_WITH_ENVELOPE = struct.Struct("<2sBBi4d")
_FLAGS_WITH_ENVELOPE = 0b0000_0011

# Layer names by the topological dimension of the geometry.
GPKG_LAYERS = {
    0: "contributions_points",
    1: "contributions_lines",
    2: "contributions_polygons",
}
GPKG_ATTRIBUTE_TYPES = {
    "id": "INTEGER",
    "supports": "INTEGER",
    "comments": "INTEGER",
    "created_at": "DATETIME",
}

_GPKG_SCHEMA = """
CREATE TABLE gpkg_spatial_ref_sys (
    srs_name TEXT NOT NULL,
    srs_id INTEGER PRIMARY KEY,
    organization TEXT NOT NULL,
    organization_coordsys_id INTEGER NOT NULL,
    definition TEXT NOT NULL,
    description TEXT
);
CREATE TABLE gpkg_contents (
    table_name TEXT NOT NULL PRIMARY KEY,
    data_type TEXT NOT NULL,
    identifier TEXT UNIQUE,
    description TEXT DEFAULT '',
    last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
    min_x DOUBLE,
    min_y DOUBLE,
    max_x DOUBLE,
    max_y DOUBLE,
    srs_id INTEGER,
    CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id)
);
CREATE TABLE gpkg_geometry_columns (
    table_name TEXT NOT NULL,
    column_name TEXT NOT NULL,
    geometry_type_name TEXT NOT NULL,
    srs_id INTEGER NOT NULL,
    z TINYINT NOT NULL,
    m TINYINT NOT NULL,
    CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
    CONSTRAINT uk_gc_table_name UNIQUE (table_name),
    CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
    CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id)
);
"""


def gpkg_geometry(wkb: bytes, envelope: tuple[float, float, float, float] | None) -> bytes:
    """A GeoPackage geometry blob: the binary header, then standard WKB (as PostGIS wrote it).

    The envelope is (min_x, max_x, min_y, max_y); points go without one, as GDAL writes them.
    """
    if envelope is None:
        return _HEADER_NO_ENVELOPE + wkb
    return _HEADER_WITH_ENVELOPE.pack(b"GP", 0, _FLAGS_WITH_ENVELOPE, GPKG_SRS_ID, *envelope) + wkb


# The x and y of a 2D point's WKB, after its byte order (1 byte) and type (4 bytes).
_WKB_POINT_XY = struct.Struct("<2d")


@dataclass
class _Layer:
    name: str
    insert: str
    geometry_types: set[str]
    bounds: tuple[float, float, float, float] | None = None  # min_x, min_y, max_x, max_y


class GeoPackageWriter:
    """A minimal OGC GeoPackage 1.3 of feature layers in EPSG:4326, written with sqlite3.

    Layers are created when their first row arrives; the metadata naming them (gpkg_contents
    with bounds, gpkg_geometry_columns with the geometry type seen) is written on `close`.
    """

    def __init__(self, filename: str, columns: Sequence[str]) -> None:
        self.columns = tuple(columns)
        self.layers: dict[str, _Layer] = {}
        self.db = sqlite3.connect(filename, isolation_level=None)
        self.db.execute(f"PRAGMA application_id = {GPKG_APPLICATION_ID}")
        self.db.execute(f"PRAGMA user_version = {GPKG_USER_VERSION}")
        # A temporary file for one download: no journal and no fsync make it much faster.
        self.db.execute("PRAGMA journal_mode = OFF")
        self.db.execute("PRAGMA synchronous = OFF")
        self.db.execute("BEGIN")
        for statement in _GPKG_SCHEMA.split(";"):
            if statement.strip():
                self.db.execute(statement)
        self.db.executemany(
            "INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)",
            [
                (
                    "Undefined cartesian SRS",
                    -1,
                    "NONE",
                    -1,
                    "undefined",
                    "undefined cartesian coordinate reference system",
                ),
                (
                    "Undefined geographic SRS",
                    0,
                    "NONE",
                    0,
                    "undefined",
                    "undefined geographic coordinate reference system",
                ),
                ("WGS 84 geodetic", GPKG_SRS_ID, "EPSG", 4326, WGS84_WKT, "longitude/latitude"),
            ],
        )

    def _layer(self, name: str) -> _Layer:
        layer = self.layers.get(name)
        if layer is None:
            columns = ", ".join(
                f'"{column}" {GPKG_ATTRIBUTE_TYPES.get(column, "TEXT")}' for column in self.columns
            )
            self.db.execute(
                f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
                f"geom GEOMETRY, {columns})"
            )
            names = ", ".join(f'"{column}"' for column in ("geom", *self.columns))
            marks = ", ".join("?" * (len(self.columns) + 1))
            insert = f'INSERT INTO "{name}" ({names}) VALUES ({marks})'  # noqa: S608 (constants)
            layer = self.layers[name] = _Layer(name, insert, set())
        return layer

    def add(
        self,
        layer_name: str,
        rows: Iterable[tuple[str, bytes, tuple[float, float, float, float] | None, Sequence]],
    ) -> None:
        """Add features to a layer, each (geometry type, 2D WKB, envelope, attribute values).

        The envelope is (min_x, max_x, min_y, max_y), or None for a Point.
        """
        layer = self._layer(layer_name)
        values = []
        envelopes = []
        for geometry_type, wkb, envelope, attributes in rows:
            layer.geometry_types.add(geometry_type)
            values.append((gpkg_geometry(wkb, envelope), *attributes))
            if envelope is None:
                x, y = _WKB_POINT_XY.unpack_from(wkb, 5)
                envelope = (x, x, y, y)
            envelopes.append(envelope)
        if not envelopes:
            return
        self.db.executemany(layer.insert, values)
        min_xs, max_xs, min_ys, max_ys = zip(*envelopes, strict=True)
        bounds = (min(min_xs), min(min_ys), max(max_xs), max(max_ys))
        if layer.bounds is not None:
            old = layer.bounds
            bounds = (
                min(old[0], bounds[0]),
                min(old[1], bounds[1]),
                max(old[2], bounds[2]),
                max(old[3], bounds[3]),
            )
        layer.bounds = bounds

    def close(self, *, descriptions: dict[str, str], empty_layer: str) -> None:
        """Write the metadata of every layer (creating `empty_layer` if there is none) and close."""
        if not self.layers:
            self._layer(empty_layer).geometry_types.add("Point")
        for layer in self.layers.values():
            types = {name.upper() for name in layer.geometry_types}
            type_name = types.pop() if len(types) == 1 else "GEOMETRY"
            self.db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)",
                (
                    layer.name,
                    layer.name,
                    descriptions.get(layer.name, ""),
                    *(layer.bounds or (None, None, None, None)),
                    GPKG_SRS_ID,
                ),
            )
            self.db.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
                (layer.name, type_name, GPKG_SRS_ID),
            )
        self.db.execute("COMMIT")
        self.db.close()

    def abort(self) -> None:
        """Close without finishing, after a failure; the caller deletes the file."""
        self.db.close()


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
        for count, row in enumerate(rows.iterator(chunk_size=CHUNK_ROWS), start=1):
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


# Views --------------------------------------------------------------------------------------


def _as_download(response: HttpResponseBase, exact: bool, extension: str) -> HttpResponseBase:
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}.{extension}"'
    if exact:
        # Exact locations are for this moderator only, never for a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def contributions_csv(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as CSV (UTF-8 with BOM), streamed."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    rows = contribution_csv_rows(
        queryset=query.queryset, exact=query.exact, url_prefix=_url_prefix(request)
    )
    response = StreamingHttpResponse(
        csv_chunks(CSV_COLUMNS, rows), content_type="text/csv; charset=utf-8"
    )
    return _as_download(response, query.exact, "csv")


@require_GET
def contributions_geojson(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as a GeoJSON FeatureCollection, streamed."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    features = contributions_feature_text_queryset(queryset=query.queryset, exact=query.exact)
    response = StreamingHttpResponse(
        geojson_chunks(features.iterator(chunk_size=CHUNK_ROWS)), content_type=GEOJSON
    )
    return _as_download(response, query.exact, "geojson")


@require_GET
def contributions_gpkg(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as a GeoPackage, one layer per kind of geometry."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    # Deleted when closed: FileResponse closes it once sent (or when the client goes away).
    file = tempfile.NamedTemporaryFile(prefix="yhdessa-", suffix=".gpkg")  # noqa: SIM115
    try:
        contribution_gpkg_write(
            filename=file.name,
            queryset=query.queryset,
            exact=query.exact,
            url_prefix=_url_prefix(request),
        )
    except BaseException:
        file.close()
        raise
    response = FileResponse(
        file,
        as_attachment=True,
        filename=f"{FILENAME}.gpkg",
        content_type="application/geopackage+sqlite3",
    )
    return _as_download(response, query.exact, "gpkg")


urlpatterns = [
    path("contributions.csv", contributions_csv, name="contributions-csv"),
    path("contributions.geojson", contributions_geojson, name="contributions-geojson"),
    path("contributions.gpkg", contributions_gpkg, name="contributions-gpkg"),
]
