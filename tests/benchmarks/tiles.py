"""Benchmark of the map's vector tiles on synthetic data: `make bench` (not part of `make test`).

In one run, each beside its goal: tiles at z14-z16 over Länsikeskus through Django (uncached)
against a plain psycopg loop issuing the same SQL; every tile over Tesoma from z10 to z18 (a
sample of TILES_SAMPLE where a zoom has more), its size and median time; a cached tile against a
minimal Django view; the campaign page's first view of the district; a text filter (read from the
rows). In-process through Django's full request stack, like tests/benchmarks/map_api.py, against the
database in DATABASE_URL.
"""

import math
import os
import random
import statistics
import sys
import time

import django

CAMPAIGN = "tesoma-together"
LANSIKESKUS = (23.63, 61.50)
# Tesoma, as the map's whole-district view (tests/benchmarks/map_api.py).
TESOMA_BBOX = (23.55, 61.47, 23.72, 61.53)
GOALS = {14: 0.9, 15: 0.7, 16: 0.5}
TILE_MS, TILE_KB, CACHED_RATIO = 100, 100, 0.8
FIRST_VIEW_KB, FIRST_VIEW_MS = 500, 300
# The campaign page's map at a 1366 x 900 px window (static/css/site.css): main is 1366 px less
# 2 x 1.5rem padding, the map takes 3/5 of it less the 1.5rem gap, 62vh high, 1 px borders.
MAP_PX = (round((1366 - 48 - 24) * 3 / 5) - 2, round(900 * 0.62) - 2)


def met(ok: bool) -> str:
    return "met" if ok else "MISSED"


def first_view_tiles(extent: tuple[float, float, float, float]) -> tuple[int, list]:
    """The zoom and tiles Leaflet's fitBounds (zoomSnap 1, no padding) shows for the extent in
    a map of MAP_PX: the largest zoom at which the extent fits, the tiles the view touches."""
    west, south, east, north = extent

    def pixel(lon: float, lat: float, z: int) -> tuple[float, float]:
        size = 256 * 2**z
        y = math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))
        return (lon + 180) / 360 * size, (1 - y / math.pi) / 2 * size

    z = 0
    while z < 22:
        (x0, y0), (x1, y1) = pixel(west, north, z + 1), pixel(east, south, z + 1)
        if x1 - x0 > MAP_PX[0] or y1 - y0 > MAP_PX[1]:
            break
        z += 1
    (x0, y0), (x1, y1) = pixel(west, north, z), pixel(east, south, z)
    cx, cy = (x0 + x1) / 2, (y0 + y1) / 2
    left, top = cx - MAP_PX[0] / 2, cy - MAP_PX[1] / 2
    right, bottom = cx + MAP_PX[0] / 2, cy + MAP_PX[1] / 2
    return z, [
        (x, y)
        for x in range(int(left // 256), int(right // 256) + 1)
        for y in range(int(top // 256), int(bottom // 256) + 1)
    ]


def rates(first, second, seconds: float = 4.0, at_least: int = 30) -> tuple[float, float]:
    """Calls per second of each, alternating one call of each (after a warm-up call of each), as
    1 / the median call: on a shared machine whose load changes from second to second, two runs
    one after the other compare the load as much as the code."""
    first(), second()
    times: tuple[list[float], list[float]] = ([], [])
    start = time.perf_counter()
    while len(times[0]) < at_least or time.perf_counter() - start < seconds:
        for call, spent in ((first, times[0]), (second, times[1])):
            began = time.perf_counter()
            call()
            spent.append(time.perf_counter() - began)
    return 1 / statistics.median(times[0]), 1 / statistics.median(times[1])


def tiles_over(bbox: tuple[float, float, float, float], z: int) -> list[tuple[int, int]]:
    from tests.mvt import tile_for

    west, south, east, north = bbox
    x0, y0 = tile_for(west, north, z)
    x1, y1 = tile_for(east, south, z)
    return [(x, y) for x in range(x0, x1 + 1) for y in range(y0, y1 + 1)]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    django.setup()
    import psycopg
    from django.db import connection
    from django.test import Client, override_settings

    from engagement.models import Campaign, Contribution
    from engagement.participation.filters import contribution_filters_parse
    from engagement.participation.tiles import tile_cache, tile_sql
    from tests.mvt import tile_for

    client = Client()
    campaign = Campaign.objects.get(slug=CAMPAIGN)
    total = Contribution.objects.filter(campaign=campaign).count()
    params = {"campaign": CAMPAIGN}
    print(f"{total} contributions in the campaign")

    def url(z: int, x: int, y: int) -> str:
        return f"/tiles/contributions/{z}/{x}/{y}.mvt"

    # 1. Django (tile cache off) against psycopg issuing the same statement.
    filters = contribution_filters_parse(params)
    connection.ensure_connection()
    dsn = connection.connection.info.dsn
    raw = psycopg.connect(dsn, autocommit=True)
    print(
        f"\n{'uncached tile':16} {'bytes':>8} {'Django/s':>9} {'psycopg/s':>10} "
        f"{'ratio':>6} {'goal':>5}"
    )
    with override_settings(TILE_CACHE_ENTRIES=0):
        for z in (14, 15, 16):
            x, y = tile_for(*LANSIKESKUS, z)
            sql, sql_params = tile_sql(filters=filters, z=z, x=x, y=y)
            statement = connection.ops.compose_sql(sql, sql_params)
            size = len(client.get(url(z, x, y), params).content)
            django_rate, plain_rate = rates(
                lambda z=z, x=x, y=y: client.get(url(z, x, y), params),
                lambda statement=statement: raw.execute(statement).fetchone(),
            )
            ratio = django_rate / plain_rate
            print(
                f"z{z} {x}/{y:<9} {size:>8} {django_rate:>9.1f} {plain_rate:>10.1f} "
                f"{ratio:>6.2f} {GOALS[z]:>5} {met(ratio >= GOALS[z])}"
            )
    raw.close()

    # 2. Every tile over Tesoma, z10-z18 (a sample where there are many), uncached.
    sample = int(os.environ.get("TILES_SAMPLE", "60"))
    rng = random.Random(12)
    print(
        f"\n{'zoom':>4} {'tiles':>6} {'measured':>8} {'with data':>9} {'median KB':>9} "
        f"{'max KB':>7} {'median ms':>9} {'p95 ms':>7} {'max ms':>7}   "
        f"goal ≤{TILE_MS} ms median, ≤{TILE_KB} KB"
    )
    with override_settings(TILE_CACHE_ENTRIES=0):
        for z in range(10, 19):
            tiles = tiles_over(TESOMA_BBOX, z)
            chosen = tiles if len(tiles) <= sample else rng.sample(tiles, sample)
            sizes, times = [], []
            # Each tile's median of REPEATS fetches (at least 30 fetches a zoom), so a zoom of one
            # or two tiles with data is not one sample of a shared machine's load.
            repeats = max(3, math.ceil(30 / len(chosen)))
            for x, y in chosen:
                fetched = []
                for _ in range(repeats):
                    start = time.perf_counter()
                    response = client.get(url(z, x, y), params)
                    fetched.append((time.perf_counter() - start) * 1000)
                if response.content:
                    times.append(statistics.median(fetched))
                    sizes.append(len(response.content) / 1024)
            times.sort()
            if not times:
                print(f"{z:>4} {len(tiles):>6} {len(chosen):>8} {0:>9}")
                continue
            print(
                f"{z:>4} {len(tiles):>6} {len(chosen):>8} {len(times):>9} "
                f"{statistics.median(sizes):>9.1f} {max(sizes):>7.1f} "
                f"{statistics.median(times):>9.1f} "
                f"{times[math.ceil(len(times) * 0.95) - 1]:>7.1f} {max(times):>7.1f}   "
                f"{met(statistics.median(times) <= TILE_MS and max(sizes) <= TILE_KB)}"
            )

    # 3. A cached tile against a minimal Django view, through the same middleware.
    tile_cache.clear()
    x, y = tile_for(*LANSIKESKUS, 15)
    with override_settings(ROOT_URLCONF="tests.benchmarks.minimal_urls"):
        cached_rate, minimal_rate = rates(
            lambda: client.get(url(15, x, y), params), lambda: client.get("/bench/minimal")
        )
    print(
        f"\ncached tile z15: {cached_rate:.0f}/s, minimal Django view: {minimal_rate:.0f}/s, "
        f"ratio {cached_rate / minimal_rate:.2f} (goal {CACHED_RATIO}) "
        f"{met(cached_rate / minimal_rate >= CACHED_RATIO)}"
    )

    # 4. The campaign page's first data: the tiles of its initial view of the whole district.
    z, view = first_view_tiles(campaign.area.boundary.extent)
    walls, total = [], 0
    with override_settings(TILE_CACHE_ENTRIES=0):
        for _ in range(7):
            start = time.perf_counter()
            total = sum(len(client.get(url(z, x, y), params).content) for x, y in view)
            walls.append((time.perf_counter() - start) * 1000)
    wall = statistics.median(walls)
    print(
        f"\nfirst view of Tesoma ({MAP_PX[0]}x{MAP_PX[1]} px map at 1366x900): z{z}, "
        f"{len(view)} tiles, {total / 1024:.1f} KB (goal ≤{FIRST_VIEW_KB}) "
        f"{met(total / 1024 <= FIRST_VIEW_KB)}, fetched one after another uncached in "
        f"{wall:.0f} ms median (goal ≤{FIRST_VIEW_MS}) {met(wall <= FIRST_VIEW_MS)}"
    )

    # 5. A text filter, which the per-cell summary cannot answer: the rows (decision 0025).
    print(f"\n{'text filter (rows)':28} {'tiles':>5} {'median ms':>9} {'max ms':>7}")
    with override_settings(TILE_CACHE_ENTRIES=0):
        for q in ("bench", "synthetic"):
            for zoom in (10, 14, 16):
                chosen = tiles_over(TESOMA_BBOX, zoom)
                chosen = chosen if len(chosen) <= 20 else rng.sample(chosen, 20)
                times = []
                for x, y in chosen:
                    start = time.perf_counter()
                    client.get(url(zoom, x, y), {**params, "q": q})
                    times.append((time.perf_counter() - start) * 1000)
                print(
                    f"q={q:<12} z{zoom:<13} {len(chosen):>5} {statistics.median(times):>9.1f} "
                    f"{max(times):>7.1f}"
                )


if __name__ == "__main__":
    sys.exit(main())
