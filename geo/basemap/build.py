"""A small vector base map as a PMTiles file: tiles cut and encoded by PostGIS (`ST_AsMVT`),
packed by the `pmtiles` package. For a district's orientation layer (streets, railway, water,
parks, landmarks: hundreds of features, z10 to z16), not for a region: a city builds that with
Protomaps' tools (README, "Base map configuration").

One statement per zoom level cuts every tile of the data's extent. The file records a digest of
what it was built from, so building the same data again only reads the file's header.
"""

import gzip
import hashlib
import json
import math
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.gis.geos import GEOSGeometry
from django.db import connection
from pmtiles.reader import Reader
from pmtiles.tile import Compression, TileType, zxy_to_tileid
from pmtiles.writer import Writer

# Raised when the tiles this code makes change, so files built by older code are rebuilt.
BUILD_VERSION = 1
EXTENT = 4096
BUFFER = 64  # tile units around each tile, so lines and polygons join without seams
LABELS = "labels"
STYLE = "yhdessa-orientation"  # the paint and label rules of static/js/lib/base-maps.js


@dataclass(frozen=True)
class BasemapFeature:
    """One feature of a layer; `min_zoom` is the first zoom level whose tiles hold it."""

    layer: str
    kind: str
    geometry: GEOSGeometry  # WGS 84
    name_fi: str | None = None
    name_sv: str | None = None
    min_zoom: int = 0


@dataclass(frozen=True)
class Basemap:
    """What a file holds: its features and its description in the PMTiles metadata."""

    name: str
    description: str
    attribution: str
    features: list[BasemapFeature]
    min_zoom: int = 10
    max_zoom: int = 16
    layers: list[str] = field(default_factory=list)  # the order the file lists them in


@dataclass(frozen=True)
class BuildResult:
    path: Path
    built: bool  # False: the file already held this data
    tiles: int
    bytes: int


def basemap_build(basemap: Basemap, target: Path, *, force: bool = False) -> BuildResult:
    """Writes `target` (atomically) unless it already holds this base map."""
    digest = _digest(basemap)
    target = Path(target)
    existing = _existing_metadata(target)
    if not force and existing.get("yhdessa:digest") == digest:
        return BuildResult(target, False, existing.get("yhdessa:tiles", 0), target.stat().st_size)
    tiles = _tiles(basemap)
    if not tiles:
        raise ValueError("The base map has no features inside the zoom levels asked for.")
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            _write(out, basemap, tiles, digest)
        os.chmod(temporary, 0o644)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return BuildResult(target, True, len(tiles), target.stat().st_size)


def _digest(basemap: Basemap) -> str:
    content = {
        "version": BUILD_VERSION,
        "name": basemap.name,
        "description": basemap.description,
        "attribution": basemap.attribution,
        "zooms": [basemap.min_zoom, basemap.max_zoom],
        "features": [
            [f.layer, f.kind, f.name_fi, f.name_sv, f.min_zoom, f.geometry.wkb.hex()]
            for f in basemap.features
        ],
    }
    return hashlib.sha256(json.dumps(content, sort_keys=True).encode()).hexdigest()


def _existing_metadata(path: Path) -> dict:
    try:
        with open(path, "rb") as handle:

            def get_bytes(offset: int, length: int) -> bytes:
                handle.seek(offset)
                return handle.read(length)

            metadata = Reader(get_bytes).metadata()
    except Exception:  # missing, or not a PMTiles file: built anew
        return {}
    return metadata if isinstance(metadata, dict) else {}


# Every tile of zoom z that the features touch, cut and encoded in one statement: tiles of the
# extent (x0..x1, y0..y1) joined with the features whose Web Mercator box reaches them, one
# MVT layer per (tile, layer), the layers of a tile concatenated afterwards (an MVT is a list
# of layers, so their bytes join as they are).
TILE_SQL = """
WITH f AS (
    SELECT e->>'layer' AS layer, e->>'kind' AS kind, e->>'name_fi' AS name_fi,
           e->>'name_sv' AS name_sv, (e->>'min_zoom')::int AS min_zoom,
           ST_Transform(ST_SetSRID(ST_GeomFromGeoJSON(e->'geometry'), 4326), 3857) AS g
    FROM jsonb_array_elements(%(features)s::jsonb) AS e
), named AS (
    -- A named area's label sits inside it, not on its first corner: a point of its own.
    SELECT * FROM f
    UNION ALL
    SELECT 'labels', kind, name_fi, name_sv, min_zoom, ST_PointOnSurface(g)
    FROM f WHERE ST_Dimension(g) = 2 AND name_fi IS NOT NULL
), t AS (
    SELECT x, y, ST_TileEnvelope(%(z)s, x, y) AS envelope,
           ST_TileEnvelope(%(z)s, x, y, margin => %(margin)s) AS reach
    FROM generate_series(%(x0)s, %(x1)s) AS x, generate_series(%(y0)s, %(y1)s) AS y
), c AS (
    SELECT t.x, t.y, f.layer, f.kind, f.name_fi, f.name_sv,
           ST_AsMVTGeom(f.g, t.envelope, %(extent)s, %(buffer)s, true) AS geom
    FROM t JOIN named AS f ON f.g && t.reach AND ST_Intersects(f.g, t.reach)
    WHERE f.min_zoom <= %(z)s
)
SELECT c.x, c.y, c.layer, ST_AsMVT(q, c.layer, %(extent)s, 'geom')
FROM c CROSS JOIN LATERAL (SELECT c.kind, c.name_fi, c.name_sv, c.geom) AS q
WHERE c.geom IS NOT NULL
GROUP BY c.x, c.y, c.layer
"""


def _tiles(basemap: Basemap) -> dict[int, bytes]:
    """Tile id → gzip-compressed MVT bytes, for every non-empty tile of every zoom level."""
    features = [
        {
            "layer": f.layer,
            "kind": f.kind,
            "name_fi": f.name_fi,
            "name_sv": f.name_sv,
            "min_zoom": f.min_zoom,
            "geometry": json.loads(f.geometry.geojson),
        }
        for f in basemap.features
    ]
    west, south, east, north = _bounds(basemap)
    order = {layer: index for index, layer in enumerate(_layer_names(basemap))}
    tiles: dict[int, bytes] = {}
    with connection.cursor() as cursor:
        for z in range(basemap.min_zoom, basemap.max_zoom + 1):
            x0, y0 = _tile_of(west, north, z)
            x1, y1 = _tile_of(east, south, z)
            cursor.execute(
                TILE_SQL,
                {
                    "features": json.dumps(features),
                    "z": z,
                    "x0": x0,
                    "x1": x1,
                    "y0": y0,
                    "y1": y1,
                    "margin": BUFFER / EXTENT,
                    "extent": EXTENT,
                    "buffer": BUFFER,
                },
            )
            by_tile: dict[tuple[int, int], list[tuple[int, bytes]]] = {}
            for x, y, layer, data in cursor.fetchall():
                by_tile.setdefault((x, y), []).append((order[layer], bytes(data)))
            for (x, y), parts in by_tile.items():
                mvt = b"".join(data for _, data in sorted(parts))
                tiles[zxy_to_tileid(z, x, y)] = gzip.compress(mvt, mtime=0)
    return tiles


def _layer_names(basemap: Basemap) -> list[str]:
    """The file's layers in order; `labels` holds a point inside each named area."""
    names = list(basemap.layers)
    names += sorted({f.layer for f in basemap.features} - set(names))
    return [*names, LABELS]


def _bounds(basemap: Basemap) -> tuple[float, float, float, float]:
    extents = [f.geometry.extent for f in basemap.features]
    return (
        min(e[0] for e in extents),
        min(e[1] for e in extents),
        max(e[2] for e in extents),
        max(e[3] for e in extents),
    )


def _tile_of(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The x, y of the Web Mercator tile at zoom z that holds the point."""
    n = 1 << z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return min(max(x, 0), n - 1), min(max(y, 0), n - 1)


def _write(out, basemap: Basemap, tiles: dict[int, bytes], digest: str) -> None:
    west, south, east, north = _bounds(basemap)
    writer = Writer(out)
    for tile_id in sorted(tiles):
        writer.write_tile(tile_id, tiles[tile_id])
    fields = {"kind": "String", "name_fi": "String", "name_sv": "String"}
    header = {
        "tile_type": TileType.MVT,
        "tile_compression": Compression.GZIP,
        "min_lon_e7": int(west * 1e7),
        "min_lat_e7": int(south * 1e7),
        "max_lon_e7": int(east * 1e7),
        "max_lat_e7": int(north * 1e7),
        "center_zoom": min(max(basemap.min_zoom, 14), basemap.max_zoom),
        "center_lon_e7": int((west + east) / 2 * 1e7),
        "center_lat_e7": int((south + north) / 2 * 1e7),
    }
    metadata = {
        "name": basemap.name,
        "description": basemap.description,
        "attribution": basemap.attribution,
        "type": "baselayer",
        "format": "pbf",
        "vector_layers": [
            {
                "id": layer,
                "fields": fields,
                "minzoom": basemap.min_zoom,
                "maxzoom": basemap.max_zoom,
            }
            for layer in _layer_names(basemap)
        ],
        "yhdessa:style": STYLE,
        "yhdessa:digest": digest,
        "yhdessa:tiles": len(tiles),
    }
    writer.finalize(header, metadata)
