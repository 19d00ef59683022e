"""A GeoPackage 1.3 writer on sqlite3, fed rows already encoded by PostGIS."""

import sqlite3
import struct
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# GeoPackage ---------------------------------------------------------------------------------

WGS84_WKT = (
    'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,'
    'AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],PRIMEM["Greenwich",0,'
    'AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],'
    'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]'
)
GPKG_APPLICATION_ID = 0x47504B47  # "GPKG"
GPKG_USER_VERSION = 10300  # GeoPackage 1.3.0
GPKG_SRS_ID = 4326
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
