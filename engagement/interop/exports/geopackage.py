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

# Contribution layers by geometry type: the SQL column and gpkg_geometry_columns both declare
# the type (requirement 31 of the GeoPackage validator). Any other type goes to a GEOMETRY layer.
GPKG_LAYERS = {
    "Point": "contributions_points",
    "LineString": "contributions_lines",
    "Polygon": "contributions_polygons",
}
GPKG_OTHER_LAYER = "contributions_other"
GPKG_ATTRIBUTE_TYPES = {
    "id": "INTEGER",
    "supports": "INTEGER",
    "comments": "INTEGER",
    "created_at": "DATETIME",
}
RTREE_DEFINITION = "http://www.geopackage.org/spec120/#extension_rtree"

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
CREATE TABLE gpkg_extensions (
    table_name TEXT,
    column_name TEXT,
    extension_name TEXT NOT NULL,
    definition TEXT NOT NULL,
    scope TEXT NOT NULL,
    CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name)
);
"""

# The triggers of the "gpkg_rtree_index" extension (GeoPackage 1.3, F.3), created once the rows
# and their index are written: they call ST_* functions that GDAL and QGIS provide to SQLite,
# so they keep the index in step when those tools edit the file.
_RTREE_TRIGGERS = """
CREATE TRIGGER "rtree_{t}_{c}_insert" AFTER INSERT ON "{t}"
  WHEN (new."{c}" NOT NULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (NEW."{i}",
    ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update1" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (NEW."{i}",
    ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update2" AFTER UPDATE OF "{c}" ON "{t}"
  WHEN OLD."{i}" = NEW."{i}" AND (NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
END;
CREATE TRIGGER "rtree_{t}_{c}_update3" AFTER UPDATE ON "{t}"
  WHEN OLD."{i}" != NEW."{i}" AND (NEW."{c}" NOTNULL AND NOT ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
  INSERT OR REPLACE INTO "rtree_{t}_{c}" VALUES (NEW."{i}",
    ST_MinX(NEW."{c}"), ST_MaxX(NEW."{c}"), ST_MinY(NEW."{c}"), ST_MaxY(NEW."{c}"));
END;
CREATE TRIGGER "rtree_{t}_{c}_update4" AFTER UPDATE ON "{t}"
  WHEN OLD."{i}" != NEW."{i}" AND (NEW."{c}" ISNULL OR ST_IsEmpty(NEW."{c}"))
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id IN (OLD."{i}", NEW."{i}");
END;
CREATE TRIGGER "rtree_{t}_{c}_delete" AFTER DELETE ON "{t}"
  WHEN old."{c}" NOT NULL
BEGIN
  DELETE FROM "rtree_{t}_{c}" WHERE id = OLD."{i}";
END
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
class _Table:
    name: str
    insert: str
    geometry_type: str | None  # None: an attribute table
    next_fid: int = 1
    bounds: tuple[float, float, float, float] | None = None  # min_x, min_y, max_x, max_y


Columns = Sequence[tuple[str, str]]  # (name, SQLite type)


def _column_sql(columns: Columns) -> str:
    return "".join(f', "{name}" {sql_type}' for name, sql_type in columns)


class GeoPackageWriter:
    """A minimal OGC GeoPackage 1.3 of feature layers in EPSG:4326 and attribute tables, written
    with sqlite3; each feature layer has an R-tree spatial index (gpkg_rtree_index).

    Tables are created by `feature_table` or `attribute_table`; the metadata naming them
    (gpkg_contents with bounds, gpkg_geometry_columns, gpkg_extensions) and the index triggers
    are written on `close`.
    """

    def __init__(self, filename: str) -> None:
        self.tables: dict[str, _Table] = {}
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

    def has(self, name: str) -> bool:
        return name in self.tables

    def feature_table(self, name: str, geometry_type: str, columns: Columns) -> None:
        """A layer whose `geom` column is declared `geometry_type` (POINT, ..., GEOMETRY)."""
        self.db.execute(
            f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, '
            f"geom {geometry_type}{_column_sql(columns)})"
        )
        self.db.execute(
            f'CREATE VIRTUAL TABLE "rtree_{name}_geom" USING rtree(id, minx, maxx, miny, maxy)'
        )
        names = ", ".join(f'"{column}"' for column in ("fid", "geom", *(c for c, _t in columns)))
        marks = ", ".join("?" * (len(columns) + 2))
        insert = f'INSERT INTO "{name}" ({names}) VALUES ({marks})'  # noqa: S608 (constants)
        self.tables[name] = _Table(name, insert, geometry_type)

    def attribute_table(self, name: str, columns: Columns) -> None:
        """A table without geometry (gpkg_contents data_type 'attributes')."""
        self.db.execute(
            f'CREATE TABLE "{name}" (fid INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL'
            f"{_column_sql(columns)})"
        )
        names = ", ".join(f'"{column}"' for column, _type in columns)
        marks = ", ".join("?" * len(columns))
        insert = f'INSERT INTO "{name}" ({names}) VALUES ({marks})'  # noqa: S608 (constants)
        self.tables[name] = _Table(name, insert, None)

    def add_attributes(self, name: str, rows: Iterable[Sequence]) -> None:
        self.db.executemany(self.tables[name].insert, rows)

    def add(
        self,
        layer_name: str,
        rows: Iterable[tuple[bytes, tuple[float, float, float, float] | None, Sequence]],
    ) -> None:
        """Add features to a layer, each (2D WKB, envelope, attribute values), and index them.

        The envelope is (min_x, max_x, min_y, max_y), or None for a Point.
        """
        layer = self.tables[layer_name]
        values = []
        index = []
        fid = layer.next_fid
        for wkb, envelope, attributes in rows:
            values.append((fid, gpkg_geometry(wkb, envelope), *attributes))
            if envelope is None:
                x, y = _WKB_POINT_XY.unpack_from(wkb, 5)
                envelope = (x, x, y, y)
            index.append((fid, *envelope))
            fid += 1
        if not index:
            return
        layer.next_fid = fid
        self.db.executemany(layer.insert, values)
        self.db.executemany(
            f'INSERT INTO "rtree_{layer_name}_geom" VALUES (?, ?, ?, ?, ?)',  # noqa: S608
            index,
        )
        _fids, min_xs, max_xs, min_ys, max_ys = zip(*index, strict=True)
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

    def close(self, *, descriptions: dict[str, str]) -> None:
        """Write the metadata and index triggers of every table, and close."""
        for table in self.tables.values():
            if table.geometry_type is None:
                self.db.execute(
                    "INSERT INTO gpkg_contents (table_name, data_type, identifier, description) "
                    "VALUES (?, 'attributes', ?, ?)",
                    (table.name, table.name, descriptions.get(table.name, "")),
                )
                continue
            self.db.execute(
                "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, "
                "min_x, min_y, max_x, max_y, srs_id) VALUES (?, 'features', ?, ?, ?, ?, ?, ?, ?)",
                (
                    table.name,
                    table.name,
                    descriptions.get(table.name, ""),
                    *(table.bounds or (None, None, None, None)),
                    GPKG_SRS_ID,
                ),
            )
            self.db.execute(
                "INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', ?, ?, 0, 0)",
                (table.name, table.geometry_type, GPKG_SRS_ID),
            )
            self.db.execute(
                "INSERT INTO gpkg_extensions VALUES (?, 'geom', 'gpkg_rtree_index', ?, "
                "'write-only')",
                (table.name, RTREE_DEFINITION),
            )
            triggers = _RTREE_TRIGGERS.format(t=table.name, c="geom", i="fid")
            for statement in triggers.split("CREATE TRIGGER")[1:]:
                self.db.execute("CREATE TRIGGER" + statement)
        self.db.execute("COMMIT")
        self.db.close()

    def abort(self) -> None:
        """Close without finishing, after a failure; the caller deletes the file."""
        self.db.close()
