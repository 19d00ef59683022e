"""Reads for officials' analysis: counts, time series, hot spots and words.

Selectors only (no writes). Everything counts public contributions, as exports do. The counts,
the daily series, the hexagon bins and the frequent words are read from the campaign's
summaries (engagement.models.analysis, rebuilt by the queue's worker every
ANALYSIS_REFRESH_SECONDS, docs/decisions/0027) when they exist; otherwise, and for the hexagons
and words of a period or of a kind, status or sub-area (words) that the summaries do not carry,
from the contributions, at most ANALYSIS_LIVE_ROWS of the newest (`Partial.complete` says so).
Comments, supports, participants and the top lists are always read live.
"""

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db import connections, router, transaction
from django.db.models import Count, QuerySet, Sum
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from engagement.analysis.text import STEMMER_LANGUAGES, STOP_WORDS_DIR, stop_words, terms_of
from engagement.models import Campaign, Comment, Contribution, Support, Theme
from engagement.models.analysis import (
    AnalysisCount,
    AnalysisHexBin,
    AnalysisRefresh,
    AnalysisTerm,
    ContributionTerms,
)
from geo.models import Area
from geo.selectors import area_with_descendant_ids

__all__ = ["STEMMER_LANGUAGES", "STOP_WORDS_DIR", "stop_words"]  # the words' rules, for tests

PUBLISHED = Contribution.ModerationState.PUBLISHED
# Hexagon edge length in metres by map zoom: about 40 px wide cells on screen.
HEX_SIZE_BY_ZOOM = {10: 2000, 11: 1000, 12: 500, 13: 250, 14: 125, 15: 60, 16: 30}
TOP = 10
# Unstemmed contributions a live word count stems as it reads (a fresh install, a new text).
STEM_ON_READ = 2000


@dataclass(frozen=True)
class AnalysisFilters:
    campaign: Campaign
    theme: Theme | None = None
    kind: str | None = None
    status: str | None = None
    area: Area | None = None
    since: date | None = None
    until: date | None = None  # inclusive


def _by_dimensions(qs: QuerySet, filters: AnalysisFilters) -> QuerySet:
    """Theme, kind, status and area: columns of the contributions and of their summaries."""
    if filters.theme is not None:
        qs = qs.filter(theme=filters.theme)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.area is not None:
        qs = qs.filter(area_id__in=area_with_descendant_ids(area=filters.area))
    return qs


def analysed_contributions(*, filters: AnalysisFilters) -> QuerySet[Contribution]:
    """Public contributions of the campaign matching the filters."""
    qs = Contribution.objects.filter(campaign=filters.campaign, moderation_state=PUBLISHED)
    qs = _by_dimensions(qs, filters)
    # The days in the site's time zone, as bounds on created_at itself, so the index
    # (campaign, moderation_state, -created_at) serves them.
    if filters.since:
        qs = qs.filter(created_at__gte=_day_start(filters.since))
    if filters.until:
        qs = qs.filter(created_at__lt=_day_start(filters.until + timedelta(days=1)))
    return qs


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def summary_as_of(*, campaign: Campaign) -> datetime | None:
    """When the campaign's summaries were last rebuilt; None when there are none yet."""
    return (
        AnalysisRefresh.objects.filter(campaign=campaign, refreshed_at__isnull=False)
        .values_list("refreshed_at", flat=True)
        .first()
    )


@dataclass
class Partial:
    """Where a figure came from: the summaries as of `as_of`, or the contributions (as_of
    None), all of them or, `complete` False, only the newest ANALYSIS_LIVE_ROWS."""

    as_of: datetime | None = None
    complete: bool = True


def _live_limit() -> int:
    return settings.ANALYSIS_LIVE_ROWS


def _counted(*, filters: AnalysisFilters) -> QuerySet[AnalysisCount]:
    """The summary's rows for the filters: every filter the page offers is a column."""
    qs = AnalysisCount.objects.filter(campaign=filters.campaign)
    qs = _by_dimensions(qs, filters)
    if filters.since:
        qs = qs.filter(day__gte=filters.since)
    if filters.until:
        qs = qs.filter(day__lte=filters.until)
    return qs


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int


def _bars(counter: Counter, labels: dict) -> list[Bar]:
    ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))
    return [Bar(str(key), str(labels.get(key, key)), n) for key, n in ranked]


def _dimension_counts(*, filters: AnalysisFilters, live: bool) -> list[tuple]:
    """(theme, kind, status, area, count) of the filtered contributions: one GROUP BY over
    the summary, or over the contributions when `live`."""
    keys = ("theme_id", "kind", "status", "area_id")
    if live:
        rows = analysed_contributions(filters=filters).values(*keys).annotate(n=Count("id"))
    else:
        rows = _counted(filters=filters).values(*keys).annotate(n=Sum("count"))
    return list(rows.order_by().values_list(*keys, "n"))


def counts_per_area(*, filters: AnalysisFilters, live: bool = False) -> list[Bar]:
    """Contributions in each area directly below the campaign's, its nested areas included,
    from the stored `Contribution.area` (no spatial join)."""
    rows = _dimension_counts(filters=filters, live=live)
    return _area_bars(filters.campaign, rows)


def _area_bars(campaign: Campaign, rows: list[tuple]) -> list[Bar]:
    per_area = Counter()
    for _theme, _kind, _status, area_id, n in rows:
        per_area[area_id] += n
    bars = []
    for child in Area.objects.filter(parent=campaign.area).order_by("name"):
        n = sum(per_area[a] for a in area_with_descendant_ids(area=child))
        bars.append(Bar(child.slug, child.name, n))
    return bars


def overview(*, filters: AnalysisFilters, live: bool = False) -> dict:
    """Totals and counts by kind, theme, status and sub-area. The contributions' counts come
    from the summary unless `live` or there is none yet (`source` says which)."""
    campaign = filters.campaign
    as_of = None if live else summary_as_of(campaign=campaign)
    rows = _dimension_counts(filters=filters, live=as_of is None)
    by = {name: Counter() for name in ("theme", "kind", "status")}
    for theme_id, kind, status, _area, n in rows:
        by["theme"][theme_id] += n
        by["kind"][kind] += n
        by["status"][status] += n
    qs = analysed_contributions(filters=filters)
    comments = Comment.objects.filter(contribution__in=qs, moderation_state=PUBLISHED)
    supports = Support.objects.filter(contribution__in=qs)
    themes = {t.pk: t.name for t in campaign.themes.all()}
    return {
        "totals": {
            "contributions": sum(by["kind"].values()),
            "comments": comments.count(),
            "supports": supports.count(),
            "participants": qs.exclude(participant=None).values("participant").distinct().count(),
        },
        "by_kind": _bars(by["kind"], dict(Contribution.Kind.choices)),
        "by_theme": _bars(by["theme"], themes),
        "by_status": _bars(by["status"], dict(Contribution.Status.choices)),
        "by_area": _area_bars(campaign, rows),
        "source": Partial(as_of=as_of),
    }


@dataclass(frozen=True)
class Day:
    day: date
    contributions: int
    comments: int
    supports: int


def time_series(*, filters: AnalysisFilters, live: bool = False) -> list[Day]:
    """Contributions, comments and supports per day, every day of the period included; the
    contributions from the summary unless `live` or there is none yet."""
    qs = analysed_contributions(filters=filters)

    def per_day(model_qs, field: str) -> dict[date, int]:
        return dict(
            model_qs.annotate(day=TruncDate(field))
            .values_list("day")
            .annotate(n=Count("id"))
            .values_list("day", "n")
        )

    if live or summary_as_of(campaign=filters.campaign) is None:
        contributions = per_day(qs, "created_at")
    else:
        contributions = dict(
            _counted(filters=filters).values("day").annotate(n=Sum("count")).values_list("day", "n")
        )
    comments = per_day(
        Comment.objects.filter(contribution__in=qs, moderation_state=PUBLISHED), "created_at"
    )
    supports = per_day(Support.objects.filter(contribution__in=qs), "created_at")
    days = set(contributions) | set(comments) | set(supports)
    if not days and not (filters.since and filters.until):
        return []
    first = filters.since or min(days)
    last = filters.until or max(days)
    series = []
    day = first
    while day <= last:
        series.append(
            Day(day, contributions.get(day, 0), comments.get(day, 0), supports.get(day, 0))
        )
        day += timedelta(days=1)
    return series


# Above this many days a period is drawn and tabled per ISO week (a bar per day would be too
# thin to read or label).
DAYS_PER_DAY_CHART = 31


@dataclass(frozen=True)
class Week:
    """An ISO week of the period: its days inside the period (`first` to `last`) and sums."""

    year: int
    week: int
    first: date
    last: date
    contributions: int
    comments: int
    supports: int


def weekly_series(days: list[Day]) -> list[Week]:
    """The days summed per ISO week (Monday to Sunday), every week of the period included; the
    first and last week hold only the period's days."""
    weeks: list[Week] = []
    for d in days:
        year, week, _weekday = d.day.isocalendar()
        if weeks and (weeks[-1].year, weeks[-1].week) == (year, week):
            w = weeks[-1]
            weeks[-1] = Week(
                year,
                week,
                w.first,
                d.day,
                w.contributions + d.contributions,
                w.comments + d.comments,
                w.supports + d.supports,
            )
        else:
            weeks.append(Week(year, week, d.day, d.day, d.contributions, d.comments, d.supports))
    return weeks


def week_label(week: Week) -> tuple[str, str]:
    """("wk 23", its first and last day) in the reader's language: the analysis page's and the
    printable report's label of a week, with the days of it inside the period."""
    label = _("wk %(week)s") % {"week": week.week}
    detail = _("%(first)s–%(last)s") % {  # noqa: RUF001 (a range's en dash)
        "first": formats.date_format(week.first, "SHORT_DATE_FORMAT"),
        "last": formats.date_format(week.last, "SHORT_DATE_FORMAT"),
    }
    return label, detail


def activity_series(*, filters: AnalysisFilters, live: bool = False) -> tuple[str, list]:
    """("day", the days) for a period of at most DAYS_PER_DAY_CHART days, else ("week", the
    ISO weeks)."""
    days = time_series(filters=filters, live=live)
    if len(days) <= DAYS_PER_DAY_CHART:
        return "day", days
    return "week", weekly_series(days)


def top_contributions(*, filters: AnalysisFilters, by: str) -> list[Contribution]:
    """The most supported (`by="supports"`) or most discussed (`by="comments"`), from the
    stored counters (decision 0026)."""
    field = {"supports": "supports_count", "comments": "comments_count"}[by]
    return list(
        analysed_contributions(filters=filters)
        .select_related("theme")
        .filter(**{f"{field}__gt": 0})
        .order_by(f"-{field}", "-created_at")[:TOP]
    )


# Hexagons ------------------------------------------------------------------------------------


def hex_size(zoom: int) -> int:
    return HEX_SIZE_BY_ZOOM[min(max(zoom, min(HEX_SIZE_BY_ZOOM)), max(HEX_SIZE_BY_ZOOM))]


def hexbins(
    *,
    filters: AnalysisFilters,
    zoom: int,
    cells: int | None = None,
    items: int = 50,
    live: bool = False,
    min_count: int | None = None,
) -> str:
    """Hexagon bins of the contributions' public points as a GeoJSON FeatureCollection written
    by PostGIS, the busiest first (`cells` of them, or all).

    Cells are ST_HexagonGrid's in ETRS-TM35FIN (EPSG:3067), sized for the zoom; each carries
    its count and up to `items` of its contributions (newest first) for the cell's list, only
    those public now. From the summary (theme, kind, status and sub-area are its columns) unless
    `live`, there is none yet, or a period is asked; then from the newest ANALYSIS_LIVE_ROWS.
    `complete` and `as_of` in the collection say which.

    Only cells with at least `min_count` contributions (ANALYSIS_MIN_GROUP unless given) are
    in the collection at all: a smaller cell could point at one person's pin (decision 0033).
    Each cell carries its centre (longitude, latitude) for the cells' table.
    """
    size = hex_size(zoom)
    least = settings.ANALYSIS_MIN_GROUP if min_count is None else min_count
    as_of = None
    if not (live or filters.since or filters.until):
        as_of = summary_as_of(campaign=filters.campaign)
    if as_of is not None:
        rows_sql, params, complete = _hex_rows_summary(filters, size)
    else:
        rows_sql, params, complete = _hex_rows_live(filters, size, items)
    url_prefix = reverse("engagement:contribution-detail", kwargs={"pk": 1})[:-2]
    sql = f"""
        WITH r AS ({rows_sql}),
        cells AS (
            SELECT i, j, sum(count)::int AS n FROM r GROUP BY i, j
            HAVING sum(count) >= %s
            ORDER BY n DESC, i, j {"LIMIT %s" if cells is not None else ""}
        ),
        listed AS (
            SELECT cells.i, cells.j, cells.n, (
                SELECT coalesce(json_agg(json_build_object(
                           'id', c.id, 'title', c.title, 'url', %s || c.id || '/')
                       ORDER BY c.id DESC), '[]'::json)
                FROM (SELECT DISTINCT unnest(r.ids) AS id FROM r
                      WHERE r.i = cells.i AND r.j = cells.j
                      ORDER BY id DESC LIMIT %s) AS newest
                JOIN engagement_contribution c ON c.id = newest.id AND c.moderation_state = %s
            ) AS items
            FROM cells
        )
        SELECT json_build_object(
            'type', 'FeatureCollection',
            'cell_size_m', %s,
            'as_of', %s,
            'complete', %s,
            'min_count', %s,
            'features', coalesce(json_agg(json_build_object(
                'type', 'Feature',
                'id', i || ':' || j,
                'geometry', ST_AsGeoJSON(ST_Transform(ST_SetSRID(
                    ST_Hexagon(%s, i, j), 3067), 4326), 6)::json,
                'properties', json_build_object(
                    'count', n, 'contributions', items,
                    'centre', ST_AsGeoJSON(ST_Transform(ST_SetSRID(ST_Centroid(
                        ST_Hexagon(%s, i, j)), 3067), 4326), 5)::json -> 'coordinates')
            ) ORDER BY n DESC, i, j), '[]'::json)
        )::text
        FROM listed
    """  # noqa: S608 (rows_sql is ours or the ORM's, parametrised)
    tail = [cells] if cells is not None else []
    as_of_text = as_of.isoformat() if as_of else None
    # On the replica for the analysis page's GETs (config/db_router.py, decision 0028).
    alias = router.db_for_read(Contribution)
    with transaction.atomic(using=alias), connections[alias].cursor() as cursor:
        # ST_HexagonGrid's cost estimate makes PostgreSQL compile the statement (JIT): seconds
        # spent for nothing.
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL work_mem = '64MB'")  # the live rows' sort in memory
        cursor.execute(
            sql,
            [
                *params,
                least,
                *tail,
                url_prefix,
                items,
                PUBLISHED,
                size,
                as_of_text,
                complete,
                least,
                size,
                size,
            ],
        )
        return cursor.fetchone()[0]


def _hex_rows_summary(filters: AnalysisFilters, size: int) -> tuple[str, list, bool]:
    qs = AnalysisHexBin.objects.filter(campaign=filters.campaign, size=size)
    qs = _by_dimensions(qs, filters)
    sql, params = qs.values("i", "j", "count", "ids").query.sql_with_params()
    return sql, list(params), True


def _hex_rows_live(filters: AnalysisFilters, size: int, items: int) -> tuple[str, list, bool]:
    """The newest ANALYSIS_LIVE_ROWS matching contributions in their hexagons, the grid asked
    once per distinct public point."""
    limit = _live_limit()
    newest = analysed_contributions(filters=filters).filter(public_point__isnull=False)
    inner, params = (
        newest.order_by("-created_at", "-id")
        .values("id", "public_point")[:limit]
        .query.sql_with_params()
    )
    complete = newest.order_by()[limit : limit + 1].count() == 0
    sql = f"""
        WITH pts AS (
            SELECT public_point AS p, count(*) AS n,
                   (array_agg(id ORDER BY id DESC))[1:%s] AS ids
            FROM ({inner}) AS c GROUP BY public_point
        )
        SELECT h.i, h.j, sum(pts.n) FILTER (WHERE u.ord = 1) AS count,
               (array_agg(u.id ORDER BY u.id DESC))[1:%s] AS ids
        FROM pts
        CROSS JOIN LATERAL ST_HexagonGrid(%s, ST_Transform(pts.p, 3067)) AS h
        CROSS JOIN LATERAL unnest(pts.ids) WITH ORDINALITY AS u(id, ord)
        WHERE ST_Intersects(h.geom, ST_Transform(pts.p, 3067))
        GROUP BY h.i, h.j
    """  # noqa: S608 (the ORM's parametrised query)
    return sql, [items, *params, items, size], complete


# Words ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Term:
    stem: str
    word: str  # the most frequent surface form, for display and search
    count: int  # in how many contributions it appears
    url: str


@dataclass
class Terms:
    """The frequent terms per theme and where they came from."""

    themes: list[tuple[Theme, list[Term]]] = field(default_factory=list)
    source: Partial = field(default_factory=Partial)

    def __iter__(self):
        return iter(self.themes)

    def __len__(self) -> int:
        return len(self.themes)


def frequent_terms(*, filters: AnalysisFilters, per_theme: int = 10, live: bool = False) -> Terms:
    """The most frequent terms of each theme's contributions, stemmed (Finnish by default),
    stop words removed, a term counted once per contribution; each links to the campaign's
    contributions that use it. From the summary when the filters are the campaign and a theme;
    else from the stored stems of the newest ANALYSIS_LIVE_ROWS matching contributions."""
    narrowed = filters.kind or filters.status or filters.area or filters.since or filters.until
    as_of = None if (live or narrowed) else summary_as_of(campaign=filters.campaign)
    if as_of is not None:
        found: dict[int, list[tuple[str, str, int]]] = defaultdict(list)
        rows = AnalysisTerm.objects.filter(campaign=filters.campaign)
        if filters.theme is not None:
            rows = rows.filter(theme=filters.theme)
        for theme_id, stem, word, n in rows.order_by("theme_id", "-count", "stem").values_list(
            "theme_id", "stem", "word", "count"
        ):
            if len(found[theme_id]) < per_theme:
                found[theme_id].append((stem, word, n))
        source = Partial(as_of=as_of)
    else:
        found, source = _terms_live(filters, per_theme)
    base = filters.campaign.get_absolute_url()
    result = Terms(source=source)
    for theme in filters.campaign.themes.all():
        if found.get(theme.pk):
            terms = [
                Term(stem, word, n, f"{base}?theme={theme.slug}&q={word}")
                for stem, word, n in found[theme.pk]
            ]
            result.themes.append((theme, terms))
    return result


def _terms_live(filters: AnalysisFilters, per_theme: int) -> tuple[dict, Partial]:
    """Counted from the stored stems of the newest matching contributions; those not stemmed
    since their last change are stemmed here, at most STEM_ON_READ of them."""
    limit = _live_limit()
    matching = analysed_contributions(filters=filters)
    newest = matching.order_by("-created_at", "-id").values("id", "theme_id")[:limit]
    complete = matching.order_by()[limit : limit + 1].count() == 0
    ids_sql, ids_params = newest.query.sql_with_params()
    with connections[router.db_for_read(Contribution)].cursor() as cursor:
        # The newest rows without stems of their current text (an anti-join over them only).
        cursor.execute(
            f"""
            SELECT c.id, c.theme_id, c.title, c.body, c.language
            FROM ({ids_sql}) AS n
            JOIN engagement_contribution c ON c.id = n.id
            LEFT JOIN {ContributionTerms._meta.db_table} t
                ON t.contribution_id = c.id AND t.source_updated_at >= c.updated_at
            WHERE t.contribution_id IS NULL
            LIMIT %s
            """,  # noqa: S608 (the ORM's parametrised query and the model's table)
            [*ids_params, STEM_ON_READ + 1],
        )
        unstemmed = cursor.fetchall()
    if len(unstemmed) > STEM_ON_READ:
        complete = False
        unstemmed = unstemmed[:STEM_ON_READ]
    by_theme: dict[int, Counter] = defaultdict(Counter)
    surface: dict[tuple[int, str], Counter] = defaultdict(Counter)
    skip = [pk for pk, *_ in unstemmed]
    # The stored stems of the others, counted by PostgreSQL (no arrays sent to Python).
    # Each row's stems looked up by its key (LATERAL), not a scan of every stored text.
    with connections[router.db_for_read(Contribution)].cursor() as cursor:
        cursor.execute(
            f"""
            WITH n AS MATERIALIZED ({ids_sql}),
            o AS (
                SELECT n.theme_id, n.id, u.stem, u.word
                FROM n
                CROSS JOIN LATERAL (
                    SELECT stems, words FROM {ContributionTerms._meta.db_table}
                    WHERE contribution_id = n.id) AS t
                CROSS JOIN LATERAL unnest(t.stems, t.words) AS u(stem, word)
                WHERE NOT (n.id = ANY(%s))
            )
            SELECT theme_id, stem, word, count(*) FROM o GROUP BY theme_id, stem, word
            UNION ALL
            SELECT theme_id, stem, NULL, count(DISTINCT id) FROM o GROUP BY theme_id, stem
            """,  # noqa: S608 (the ORM's parametrised query and the model's table)
            [*ids_params, skip],
        )
        for theme_id, stem, word, n in cursor.fetchall():
            if word is None:  # contributions with the stem, each counted once
                by_theme[theme_id][stem] += n
            else:  # occurrences of one written form
                surface[(theme_id, stem)][word] += n
    for _pk, theme_id, title, body, language in unstemmed:
        words, stems = terms_of(title, body, language)
        for stem in set(stems):
            by_theme[theme_id][stem] += 1
        for word, stem in zip(words, stems, strict=True):
            surface[(theme_id, stem)][word] += 1
    found = {}
    for theme_id, counter in by_theme.items():
        ranked = sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[:per_theme]
        found[theme_id] = [
            (stem, min(surface[(theme_id, stem)].items(), key=lambda kv: (-kv[1], kv[0]))[0], n)
            for stem, n in ranked
        ]
    return found, Partial(complete=complete)


def describe_period(since: date | None, until: date | None) -> str:
    """The period in words and in the reader's date format (a board member reads "1.11.2026")."""

    def shown(day: date) -> str:
        return formats.date_format(day, "SHORT_DATE_FORMAT")

    if since and until:
        return _("%(since)s to %(until)s") % {"since": shown(since), "until": shown(until)}
    if since:
        return _("from %(since)s") % {"since": shown(since)}
    if until:
        return _("until %(until)s") % {"until": shown(until)}
    return _("all time")
