"""Benchmark of the analysis page on synthetic data (`python -m tests.benchmarks.analysis`).

Against the database in DATABASE_URL, filled by `seed_synthetic` (100,000 or 1,000,000): the
page end to end as an analyst through Django's test Client, read from the summaries
(docs/decisions/0027); beside it, on the same data, the page's figures counted from the
contributions (the bounded live path) and the computation the page did before the summaries
(ST_HexagonGrid joined to every row, every body stemmed in Python), each under a minute's
statement timeout; counts per area; and the refresh task, first (every text stemmed) and again
(nothing new to stem).

Synthetic contributions all lie in the campaign's area; for counts per sub-area to mean
something the bench splits Tesoma into four quarters (once, as sub-areas) and stores each
contribution's quarter, as `contribution_submit` would have.
"""

import os
import statistics
import sys
import time
from collections import Counter
from datetime import timedelta

import django

CAMPAIGN = "tesoma-together"
PAGE_GOAL_MS = 1000
AREA_GOAL_MS = 200


def timed(call, repeat: int) -> float:
    """The median of `repeat` runs after one warm-up, in milliseconds."""
    call()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def once(call) -> float | None:
    """One run in milliseconds, None past the minute."""
    from django.db import OperationalError, connection, transaction

    start = time.perf_counter()
    try:
        with transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SET LOCAL statement_timeout = '60s'")
            call()
    except OperationalError:
        return None
    return (time.perf_counter() - start) * 1000


def quarters(campaign) -> None:
    """Four sub-areas of the campaign's area, and each contribution's stored quarter."""
    from django.db import connection

    from geo.models import Area

    if Area.objects.filter(parent=campaign.area).exists():
        return
    from django.contrib.gis.geos import MultiPolygon, Polygon

    boundary = campaign.area.boundary
    x0, y0, x1, y1 = boundary.extent
    xm, ym = (x0 + x1) / 2, (y0 + y1) / 2
    boxes = [(x0, y0, xm, ym), (xm, y0, x1, ym), (x0, ym, xm, y1), (xm, ym, x1, y1)]
    for n, bbox in enumerate(boxes, 1):
        part = boundary.intersection(Polygon.from_bbox(bbox))
        part = part if part.geom_type == "MultiPolygon" else MultiPolygon(part)
        Area.objects.create(
            name=f"Quarter {n}",
            slug=f"quarter-{n}",
            kind=Area.Kind.NEIGHBOURHOOD,
            parent=campaign.area,
            boundary=part,
        )
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE engagement_contribution c SET area_id = a.id
            FROM geo_area a
            WHERE a.parent_id = %s AND c.campaign_id = %s AND ST_Intersects(a.boundary, c.geometry)
            """,
            [campaign.area_id, campaign.pk],
        )
        cursor.execute("ANALYZE engagement_contribution")


def old_hexbins(filters, zoom: int) -> str:
    """The hexagon bins as the page computed them before the summaries (for comparison)."""
    from django.db import connection

    from engagement.analysis.selectors import analysed_contributions, hex_size
    from engagement.participation.selectors import contribution_public_location

    inner, params = (
        analysed_contributions(filters=filters)
        .values("id", "title", "created_at")
        .annotate(g=contribution_public_location())
        .query.sql_with_params()
    )
    sql = f"""
        WITH pts AS (SELECT c.id, ST_Transform(ST_PointOnSurface(c.g), 3067) AS p
                     FROM ({inner}) AS c),
        cells AS (SELECT h.geom, h.i, h.j FROM ST_HexagonGrid(
            %s, (SELECT ST_SetSRID(ST_Extent(p)::geometry, 3067) FROM pts)) AS h)
        SELECT count(*) FROM cells JOIN pts ON ST_Intersects(cells.geom, pts.p)
    """
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, hex_size(zoom)])
        return cursor.fetchone()[0]


def old_frequent_terms(filters) -> int:
    """Every title and body stemmed in Python, as the page did before the summaries."""
    from engagement.analysis.selectors import analysed_contributions
    from engagement.analysis.text import terms_of

    by_theme: dict[int, Counter] = {}
    rows = analysed_contributions(filters=filters).values_list(
        "theme_id", "title", "body", "language"
    )
    for theme_id, title, body, language in rows.iterator(chunk_size=5000):
        _words, stems = terms_of(title, body, language)
        by_theme.setdefault(theme_id, Counter()).update(set(stems))
    return len(by_theme)


def main() -> int:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    django.setup()
    from django.conf import settings
    from django.contrib.auth import get_user_model

    # The page's static URLs without `collectstatic`'s manifest (a few microseconds either way).
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    from django.test import Client
    from django.utils import timezone

    from engagement.analysis import selectors
    from engagement.analysis.selectors import AnalysisFilters, counts_per_area
    from engagement.analysis.services import analysis_refresh
    from engagement.models import Campaign, Contribution, ContributionTerms, Role
    from tests.benchmarks.report import header, row

    campaign = Campaign.objects.select_related("area").get(slug=CAMPAIGN)
    quarters(campaign)
    total = Contribution.objects.filter(campaign=campaign).count()
    header(f"analysis page, {total:,} contributions in {CAMPAIGN}")

    # A fresh install: nothing stemmed, no summaries (BENCH_ANALYSIS_FRESH=0 keeps the stems
    # of an earlier run: the first refresh at 1,000,000 stems for about ten minutes).
    fresh = os.environ.get("BENCH_ANALYSIS_FRESH", "1") != "0"
    if fresh:
        ContributionTerms.objects.filter(contribution__campaign=campaign).delete()
    first = analysis_refresh(campaign=campaign).seconds * 1000
    again = analysis_refresh(campaign=campaign).seconds * 1000
    row(
        "analysis refresh task, first " + ("(stems all)" if fresh else "(stems kept)"),
        f"{first / 1000:.1f} s",
        "runs in the worker",
        f"again, nothing new to stem: {again / 1000:.1f} s",
    )

    user, _ = get_user_model().objects.get_or_create(username="bench-analyst")
    Role.objects.get_or_create(user=user, kind="analyst", campaign=campaign)
    client = Client()
    client.force_login(user)
    url, params = "/en/analysis/", {"campaign": CAMPAIGN}
    assert client.get(url, params).status_code == 200
    page = timed(lambda: client.get(url, params), repeat=5)

    filters = AnalysisFilters(campaign=campaign)

    def live_figures() -> None:
        selectors.overview(filters=filters, live=True)
        selectors.time_series(filters=filters, live=True)
        selectors.hexbins(filters=filters, zoom=14, cells=10, items=3, live=True)
        selectors.frequent_terms(filters=filters, live=True)

    live = once(live_figures)
    old_hex = once(lambda: old_hexbins(filters, 14))
    old_words = once(lambda: old_frequent_terms(filters))
    hex_text = "over 60 s" if old_hex is None else f"{old_hex / 1000:.1f} s"
    words_text = "over 60 s" if old_words is None else f"{old_words / 1000:.1f} s"
    old = f"hexagons {hex_text}, words {words_text}"
    row(
        "analysis page (analyst, Client, summaries)",
        f"{page:.0f} ms",
        f"<= {PAGE_GOAL_MS} ms",
        f"live figures {(live and f'{live:.0f} ms') or 'over 60 s'} (newest "
        f"{selectors._live_limit():,}); before the summaries: {old}",
        page <= PAGE_GOAL_MS,
    )
    # A period: the counts from the summary, hexagons and words live (the newest rows).
    since = (timezone.localdate() - timedelta(days=3)).isoformat()
    period = {**params, "since": since}
    assert client.get(url, period).status_code == 200
    page_period = timed(lambda: client.get(url, period), repeat=3)
    row(
        f"analysis page, a period (since {since})",
        f"{page_period:.0f} ms",
        f"<= {PAGE_GOAL_MS} ms",
        f"hexagons and words of the newest {selectors._live_limit():,} rows, live",
        page_period <= PAGE_GOAL_MS,
    )
    per_area = timed(lambda: counts_per_area(filters=filters), repeat=10)
    per_area_live = timed(lambda: counts_per_area(filters=filters, live=True), repeat=3)
    row(
        "counts per area (stored area, summary)",
        f"{per_area:.1f} ms",
        f"<= {AREA_GOAL_MS} ms",
        f"GROUP BY on the contributions' stored area: {per_area_live:.0f} ms",
        per_area <= AREA_GOAL_MS,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
