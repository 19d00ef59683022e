"""The map's vector tiles: public contributions as Mapbox Vector Tiles written by PostGIS.

One SQL statement per tile (`ST_AsMVT` over `ST_AsMVTGeom` in `ST_TileEnvelope`) over the public
contributions that match the map's filters, at their stored public location
(`Contribution.public_point` and privacy cell, decision 0025). When the filters are only the
campaign, theme, kind and status (`summary_answers`), the points come from the per-cell summary
`ContributionCell`, which database triggers keep, so a tile reads cells, not contributions;
otherwise (text search, area, box, ids) from the rows of `contributions_matching`.
A tile never holds two features for one 100 m privacy cell:

- from DETAIL_ZOOM up, the points of one privacy cell are one feature with their `count`, at the
  cell's centre (a lone point whose author made the exact place public stays there); routes and
  areas are their own features, drawn as the public sees them;
- below it, everything is clustered on a CLUSTER_GRID x CLUSTER_GRID grid aligned with the tile,
  by a public representative point (the privacy cell's centre for a point, a point on the route or
  area), so the points of one privacy cell always fall in one cluster; a cluster sits at the
  centroid of its members' representative points, which are public.

Every feature has `type` (cell, cluster, shape), `count`, `ideas`, `needs`; `kind`, `status` and
`theme` when all its contributions share them; `ids` (a cell's newest IDS_PER_FEATURE, a
cluster's when it holds no more, comma-separated) and `bbox` (the privacy cell or cluster cell,
west,south,east,north in WGS 84) for the list of the contributions there
(`/api/v1/contributions/?ids=` or `?bbox=`).

Tiles are cached in each process (an LRU of TILE_CACHE_ENTRIES) under the campaign's
`map_version`, which a database trigger raises on every write to the campaign's contributions
(docs/decisions/0017); the same number is in the ETag. The version is read with the campaign
when a query string is parsed, at most once every TILE_VERSION_SECONDS per process.
"""

import hashlib
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

import psycopg
from django.conf import settings
from django.db import connections, router
from django.db.models import F
from django.http import QueryDict

from engagement.models import Campaign, Contribution
from engagement.participation.selectors import ContributionFilters, contributions_matching
from geo.selectors import PRIVACY_GRID_METRES, PRIVACY_GRID_SRID

MVT = "application/vnd.mapbox-vector-tile"
LAYER = "contributions"
MAX_ZOOM = 22
DETAIL_ZOOM = 15
CLUSTER_GRID = 16
EXTENT, BUFFER = 4096, 64
IDS_PER_FEATURE = 20


def tile_exists(z: int, x: int, y: int) -> bool:
    """Whether z/x/y names a tile of the Web Mercator pyramid this site serves."""
    return 0 <= z <= MAX_ZOOM and 0 <= x < 2**z and 0 <= y < 2**z


def _tile_bounds_degrees(z: int, x: int, y: int) -> tuple[float, float, float, float]:
    n = 2**z

    def lat(row: int) -> float:
        return math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * row / n))))

    return x / n * 360 - 180, lat(y + 1), (x + 1) / n * 360 - 180, lat(y)


# More than the 71 m a point can move to the centre of its privacy cell, in metres on the ground.
_MARGIN_METRES = 80


def _near(z: int, x: int, y: int) -> tuple[tuple[float, float, float, float], float]:
    """The tile widened by more than the privacy grid can move a point: in WGS 84 degrees (west,
    south, east, north, for the stored geometry's GiST index), and the margin in Web Mercator
    metres."""
    west, south, east, north = _tile_bounds_degrees(z, x, y)
    cos = max(math.cos(math.radians(max(abs(south), abs(north)))), 0.01)
    m_lat = _MARGIN_METRES / 110_574
    m_lon = _MARGIN_METRES / (111_320 * cos)
    near = (
        max(west - m_lon, -180),
        max(south - m_lat, -90),
        min(east + m_lon, 180),
        min(north + m_lat, 90),
    )
    return near, _MARGIN_METRES / cos


def _rows_sql(filters: ContributionFilters, *, shapes: bool) -> tuple[str, list]:
    """The rows a tile reads from engagement_contribution (only routes and areas if `shapes`),
    with their stored public point and privacy cell (no transform per row); the statement ends
    with the stored geometry's box test, whose four bounds the caller appends."""
    key = (_filters_key(filters), shapes)
    known = _compiled.get(key) if filters.area is None else None
    if known is None:
        queryset = contributions_matching(filters=filters)
        if shapes:
            queryset = queryset.filter(privacy_cell_x__isnull=True)
        sql, params = queryset.values(
            cid=F("id"),
            ckind=F("kind"),
            cstatus=F("status"),
            ctheme=F("theme__slug"),
            cexact=F("exact_location_public"),
            geom=F("geometry"),
            pub=F("public_point"),
            cx=F("privacy_cell_x"),
            cy=F("privacy_cell_y"),
        ).query.sql_with_params()
        assert " ORDER BY " not in sql and " LIMIT " not in sql  # the box test goes last
        box = ' AND "engagement_contribution"."geometry" && ST_MakeEnvelope(%s, %s, %s, %s, 4326)'
        known = (sql + box, tuple(params))
        if filters.area is None:
            _compiled.put(key, known)
    return known[0], list(known[1])


def summary_answers(filters: ContributionFilters) -> bool:
    """Whether the per-cell summary (ContributionCell) can answer these filters: a campaign's
    public points by theme, kind and status. Text search, an area, a box or ids need the rows."""
    return (
        filters.campaign is not None
        and not filters.q
        and filters.area is None
        and filters.bbox is None
        and filters.ids is None
    )


_CELL, _SRID, _IDS = PRIVACY_GRID_METRES, PRIVACY_GRID_SRID, IDS_PER_FEATURE
_CENTRE = (
    f"ST_Transform(ST_SetSRID(ST_MakePoint((cx + 0.5) * {_CELL}, (cy + 0.5) * {_CELL}),"
    f" {_SRID}), 3857)"
)
# Every source gives one row per privacy cell (points) or per route and area: counts, the kind,
# status and theme when all its contributions share them, the newest ids, the cell `cx, cy`, and
# its public point `m` in Web Mercator: the cell's centre, or where the author made a lone
# point's exact place public (the rule of geo.selectors.public_geometry), or the stored point on
# a route or area, which is drawn as `shape`.
_SHAPES = """
    SELECT 'shape', 1::bigint, (ckind = 'idea')::int::bigint, (ckind = 'need')::int::bigint,
        ckind, cstatus, ctheme, cid::text, NULL::int, NULL::int, ST_Transform(pub, 3857), geom
    FROM ({shapes}) sh"""
# From the contributions themselves, for the filters the summary cannot answer.
_FROM_ROWS = f"""
c AS ({{rows}}),
cells AS MATERIALIZED (
    SELECT 'cell' AS type, count(*) AS count,
        count(*) FILTER (WHERE ckind = 'idea') AS ideas,
        count(*) FILTER (WHERE ckind = 'need') AS needs,
        CASE WHEN min(ckind) = max(ckind) THEN min(ckind) END AS kind,
        CASE WHEN min(cstatus) = max(cstatus) THEN min(cstatus) END AS status,
        CASE WHEN min(ctheme) = max(ctheme) THEN min(ctheme) END AS theme,
        array_to_string((array_agg(cid ORDER BY cid DESC))[1:{_IDS}], ',') AS ids,
        cx, cy,
        CASE WHEN count(*) = 1 AND bool_and(cexact)
             THEN ST_Transform((array_agg(pub))[1], 3857) ELSE {_CENTRE} END AS m,
        NULL::geometry AS shape
    FROM c WHERE cx IS NOT NULL GROUP BY cx, cy
    UNION ALL
    {_SHAPES.replace("{shapes}", "SELECT * FROM c WHERE cx IS NULL")}
)"""  # noqa: S608 (constants only)
# From the per-cell summary (engagement.models.ContributionCell), whose rows each hold one kind,
# status and theme of one cell; routes and areas from their own rows.
_FROM_SUMMARY = f"""
s AS (
    SELECT s.*, th.slug AS theme FROM engagement_contributioncell s
    JOIN engagement_theme th ON th.id = s.theme_id
    WHERE s.campaign_id = %s AND s.centre && ST_Expand(ST_TileEnvelope(%s, %s, %s), %s)
    {{where}}
),
cells AS MATERIALIZED (
    SELECT 'cell' AS type, sum(count)::bigint AS count,
        coalesce(sum(count) FILTER (WHERE kind = 'idea'), 0)::bigint AS ideas,
        coalesce(sum(count) FILTER (WHERE kind = 'need'), 0)::bigint AS needs,
        CASE WHEN min(kind) = max(kind) THEN min(kind) END AS kind,
        CASE WHEN min(status) = max(status) THEN min(status) END AS status,
        CASE WHEN min(theme) = max(theme) THEN min(theme) END AS theme,
        CASE WHEN {{all_ids}} OR sum(count) <= {_IDS} THEN (
            SELECT array_to_string((array_agg(i ORDER BY i DESC))[1:{_IDS}], ',')
            FROM unnest(string_to_array(string_agg(array_to_string(ids, ','), ','), ',')::bigint[])
                AS i
        ) END AS ids,
        cell_x AS cx, cell_y AS cy,
        CASE WHEN sum(count) = 1 THEN coalesce((array_agg(lone_exact))[1], (array_agg(centre))[1])
             ELSE (array_agg(centre))[1] END AS m,
        NULL::geometry AS shape
    FROM s GROUP BY cell_x, cell_y
    UNION ALL
    {_SHAPES}
)"""  # noqa: S608 (constants only; values go as parameters)

_TAIL = f"""
t AS (SELECT ST_TileEnvelope(%s, %s, %s) AS env),
b AS (SELECT ST_XMin(env) AS x0, ST_YMin(env) AS y0, ST_XMax(env) AS x1, ST_YMax(env) AS y1,
             (ST_XMax(env) - ST_XMin(env)) / {CLUSTER_GRID} AS s FROM t)"""  # noqa: S608

_DETAIL_SQL = f"""
f AS (
    SELECT type, count, ideas, needs, kind, status, theme, ids,
        CASE WHEN type = 'cell' THEN ST_Transform(ST_SetSRID(ST_MakeEnvelope(
            cx * {_CELL}, cy * {_CELL}, (cx + 1) * {_CELL}, (cy + 1) * {_CELL}), {_SRID}), 4326)
        END AS e,
        CASE WHEN type = 'cell' THEN m ELSE ST_Transform(shape, 3857) END AS m
    FROM cells, b, t
    WHERE (type = 'cell' AND ST_X(m) >= b.x0 AND ST_X(m) < b.x1
           AND ST_Y(m) >= b.y0 AND ST_Y(m) < b.y1)
       OR (type = 'shape' AND ST_Intersects(ST_Transform(shape, 3857), env))
)
SELECT ST_AsMVT(q, '{LAYER}', {EXTENT}, 'geom') FROM (
    SELECT type, count, ideas, needs, kind, status, theme, ids,
        concat_ws(',', round(ST_XMin(e)::numeric, 6), round(ST_YMin(e)::numeric, 6),
                  round(ST_XMax(e)::numeric, 6), round(ST_YMax(e)::numeric, 6)) AS bbox,
        ST_AsMVTGeom(m, env, {EXTENT}, {BUFFER}, true) AS geom
    FROM f, t
) q WHERE geom IS NOT NULL
"""  # noqa: S608 (constants only; values go as parameters)

_CLUSTER_SQL = f"""
k AS (
    SELECT cells.*, floor((ST_X(m) - b.x0) / b.s)::int AS kx,
        floor((ST_Y(m) - b.y0) / b.s)::int AS ky
    FROM cells, b
    WHERE ST_X(m) >= b.x0 AND ST_X(m) < b.x1 AND ST_Y(m) >= b.y0 AND ST_Y(m) < b.y1
),
f AS (
    SELECT sum(count)::bigint AS count, sum(ideas)::bigint AS ideas, sum(needs)::bigint AS needs,
        CASE WHEN count(kind) = count(*) AND min(kind) = max(kind) THEN min(kind) END AS kind,
        CASE WHEN count(status) = count(*) AND min(status) = max(status) THEN min(status) END
            AS status,
        CASE WHEN count(theme) = count(*) AND min(theme) = max(theme) THEN min(theme) END
            AS theme,
        CASE WHEN sum(count) <= {_IDS} THEN (
            SELECT string_agg(i, ',' ORDER BY i::bigint DESC)
            FROM unnest(string_to_array(string_agg(ids, ','), ',')) AS i
        ) END AS ids,
        kx, ky, ST_Centroid(ST_Collect(m)) AS m
    FROM k GROUP BY kx, ky
)
SELECT ST_AsMVT(q, '{LAYER}', {EXTENT}, 'geom') FROM (
    SELECT 'cluster' AS type, count, ideas, needs, kind, status, theme, ids,
        concat_ws(',', round(ST_XMin(e)::numeric, 6), round(ST_YMin(e)::numeric, 6),
                  round(ST_XMax(e)::numeric, 6), round(ST_YMax(e)::numeric, 6)) AS bbox,
        ST_AsMVTGeom(m, env, {EXTENT}, {BUFFER}, true) AS geom
    FROM f, t, b,
        LATERAL ST_Transform(ST_MakeEnvelope(b.x0 + kx * b.s, b.y0 + ky * b.s,
                                             b.x0 + (kx + 1) * b.s, b.y0 + (ky + 1) * b.s,
                                             3857), 4326) AS e
) q WHERE geom IS NOT NULL
"""  # noqa: S608 (constants only; values go as parameters)


def tile_sql(*, filters: ContributionFilters, z: int, x: int, y: int) -> tuple[str, list]:
    """The one statement that writes the tile, and its parameters (the benchmark runs it bare):
    from the per-cell summary when it can answer the filters, else from the rows."""
    near, margin = _near(z, x, y)
    if summary_answers(filters):
        shapes, params = _rows_sql(filters, shapes=True)
        where, values = [], []
        for column, value in (
            ("th.slug", filters.theme),
            ("s.kind", filters.kind),
            ("s.status", filters.status),
        ):
            if value:
                where.append(f"AND {column} = %s")
                values.append(value)
        cells = (
            _FROM_SUMMARY.replace("{where}", " ".join(where))
            .replace("{all_ids}", str(z >= DETAIL_ZOOM).lower())
            .replace("{shapes}", shapes)
        )
        params = [filters.campaign.pk, z, x, y, margin, *values, *params, *near]
    else:
        rows, params = _rows_sql(filters, shapes=False)
        params = [*params, *near]
        cells = _FROM_ROWS.replace("{rows}", rows)
    tail = _DETAIL_SQL if z >= DETAIL_ZOOM else _CLUSTER_SQL
    return f"WITH {cells},{_TAIL},{tail}", [*params, z, x, y]


def plan_generic(sender, connection, **kwargs) -> None:
    """On each new database connection: prepared statements get one generic plan. Only the tile
    statement is prepared (Django's own queries are not), so nothing else is affected. Behind
    PgBouncer in transaction mode nothing is prepared, and a SET would stay with a server
    connection other clients get next (decision 0028)."""
    if connection.vendor == "postgresql" and not connection.settings_dict.get("TRANSACTION_POOLED"):
        with connection.cursor() as cursor:
            cursor.execute("SET plan_cache_mode = force_generic_plan")


def tile_render(*, filters: ContributionFilters, z: int, x: int, y: int) -> bytes:
    """The tile's bytes, written by PostGIS; empty when nothing public lies in it."""
    sql, params = tile_sql(filters=filters, z=z, x=x, y=y)
    # On the replica for the map's GETs (config/db_router.py, decision 0028).
    connection = connections[router.db_for_read(Contribution)]
    connection.ensure_connection()
    prepare = z >= DETAIL_ZOOM and not connection.settings_dict.get("TRANSACTION_POOLED")
    # Parameters bound by the server, not quoted into the text by Django's client-side cursor:
    # quoting costs a few milliseconds a tile, as much as a street-level tile's query (bench).
    # From DETAIL_ZOOM, prepared and planned once for all tiles (plan_generic, set on each new
    # connection): planning costs 2-4 ms, more than a street-level tile's execution, and the
    # generic plan ran as fast there. Below, a generic plan ran slower than planning each tile
    # (bench, decision 0017). The plan stays with the persistent connection (CONN_MAX_AGE).
    with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
        cursor.execute(sql, params, prepare=prepare)
        (tile,) = cursor.fetchone()
    return bytes(tile or b"")


def tile_etag(*, campaign: Campaign, filters: ContributionFilters) -> str:
    """Changes with every write to the campaign's contributions and with the filters."""
    digest = hashlib.sha256(repr(_filters_key(filters)).encode()).hexdigest()[:16]
    return f'"{campaign.pk}-{campaign.map_version}-{digest}"'


def _filters_key(filters: ContributionFilters) -> tuple:
    """The filters as plain values (an area or a campaign by its id) for a cache key."""
    return tuple(
        getattr(getattr(filters, name), "pk", getattr(filters, name)) for name in _FILTER_FIELDS
    )


_FILTER_FIELDS = ("campaign", "area", "bbox", "theme", "kind", "status", "q", "ids")


class _LRU:
    """The newest entries in this process, at most `getattr(settings, setting, default)`."""

    def __init__(self, setting: str, default: int) -> None:
        self._entries: OrderedDict[tuple, object] = OrderedDict()
        self._lock = threading.Lock()
        self._setting, self._default = setting, default

    def get(self, key: tuple):
        with self._lock:
            value = self._entries.get(key)
            if value is not None:
                self._entries.move_to_end(key)
            return value

    def put(self, key: tuple, value: object) -> None:
        limit = getattr(settings, self._setting, self._default)
        with self._lock:
            self._entries[key] = value
            self._entries.move_to_end(key)
            while len(self._entries) > limit:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


# Tiles by campaign, its map_version, filters and z/x/y: an older version's entries are never
# asked for again and age out.
tile_cache = _LRU("TILE_CACHE_ENTRIES", 2048)
# A query string's parsed filters (with the campaign and its map_version as read then), kept
# TILE_VERSION_SECONDS (1 s): a cached tile then costs no query at all, and a write reaches the
# tiles of every process within that second.
_queries = _LRU("TILE_QUERY_ENTRIES", 1024)

# The rows' SQL by filters (a queryset compiled costs more than a small tile's query); not for an
# area, whose nested areas are read when the queryset is built.
_compiled = _LRU("TILE_SQL_ENTRIES", 256)


def tile_caches_clear() -> None:
    """Forgets every tile, parsed query and compiled statement of this process (tests: a
    database flushed and loaded again within a second has the same query strings)."""
    for cache in (tile_cache, _queries, _compiled):
        cache.clear()


def tile_filters(
    params: QueryDict, parse: Callable[[QueryDict], ContributionFilters]
) -> ContributionFilters:
    """The filters of a tile's query string, parsed by `parse` (which raises ValidationError) at
    most once every TILE_VERSION_SECONDS per process."""
    seconds = getattr(settings, "TILE_VERSION_SECONDS", 1.0)
    # By the database read too: a version read on the primary must not name a tile drawn on a
    # replica that has not replayed it yet (decision 0028).
    alias = router.db_for_read(Contribution)
    key = (alias, *sorted((name, tuple(values)) for name, values in params.lists()))
    now = time.monotonic()
    known = _queries.get(key)
    if known is not None and now - known[0] < seconds:
        return known[1]
    filters = parse(params)
    _queries.put(key, (now, filters))
    return filters


def tile_cached(
    *, campaign: Campaign, filters: ContributionFilters, z: int, x: int, y: int
) -> bytes:
    """The tile from this process's cache while the campaign's map_version is unchanged."""
    alias = router.db_for_read(Contribution)
    key = (alias, campaign.pk, campaign.map_version, _filters_key(filters), z, x, y)
    tile = tile_cache.get(key)
    if tile is None:
        tile = tile_render(filters=filters, z=z, x=x, y=y)
        tile_cache.put(key, tile)
    return tile
