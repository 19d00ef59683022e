"""Reads for officials' analysis: counts, time series, hot spots and words.

Selectors only (no writes). Everything counts public contributions, as exports do, and every
aggregate is computed by PostgreSQL: GROUP BY for counts, generate_series for days,
ST_HexagonGrid in EPSG:3067 for hot spots.
"""

import functools
import re
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

import snowballstemmer
from django.db import connections, router
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils.translation import gettext as _

from engagement.models import Campaign, Comment, Contribution, Support, Theme
from engagement.participation.selectors import contribution_public_location, with_counts
from geo.models import Area
from geo.selectors import area_with_descendant_ids

PUBLISHED = Contribution.ModerationState.PUBLISHED
# Hexagon edge length in metres by map zoom: about 40 px wide cells on screen.
HEX_SIZE_BY_ZOOM = {10: 2000, 11: 1000, 12: 500, 13: 250, 14: 125, 15: 60, 16: 30}
TOP = 10


@dataclass(frozen=True)
class AnalysisFilters:
    campaign: Campaign
    theme: Theme | None = None
    kind: str | None = None
    status: str | None = None
    area: Area | None = None
    since: date | None = None
    until: date | None = None  # inclusive


def analysed_contributions(*, filters: AnalysisFilters) -> QuerySet[Contribution]:
    """Public contributions of the campaign matching the filters."""
    qs = Contribution.objects.filter(campaign=filters.campaign, moderation_state=PUBLISHED)
    if filters.theme is not None:
        qs = qs.filter(theme=filters.theme)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    if filters.area is not None:
        qs = qs.filter(area_id__in=area_with_descendant_ids(area=filters.area))
    if filters.since:
        qs = qs.filter(created_at__date__gte=filters.since)
    if filters.until:
        qs = qs.filter(created_at__date__lte=filters.until)
    return qs


@dataclass(frozen=True)
class Bar:
    key: str
    label: str
    count: int


def _bars(rows, labels: dict) -> list[Bar]:
    return [Bar(str(key), str(labels.get(key, key)), n) for key, n in rows]


def overview(*, filters: AnalysisFilters) -> dict:
    """Totals and counts by kind, theme, status and sub-area."""
    qs = analysed_contributions(filters=filters)
    campaign = filters.campaign
    comments = Comment.objects.filter(contribution__in=qs, moderation_state=PUBLISHED)
    supports = Support.objects.filter(contribution__in=qs)
    by_kind = qs.values_list("kind").annotate(n=Count("id")).order_by("-n", "kind")
    by_status = qs.values_list("status").annotate(n=Count("id")).order_by("-n", "status")
    themes = {t.pk: t.name for t in campaign.themes.all()}
    by_theme = qs.values_list("theme").annotate(n=Count("id")).order_by("-n", "theme")
    # Sub-areas: the areas directly below the campaign's area, each with its own descendants.
    sub_areas = []
    for child in Area.objects.filter(parent=campaign.area).order_by("name"):
        n = qs.filter(area_id__in=area_with_descendant_ids(area=child)).count()
        sub_areas.append(Bar(child.slug, child.name, n))
    return {
        "totals": {
            "contributions": qs.count(),
            "comments": comments.count(),
            "supports": supports.count(),
            "participants": qs.exclude(participant=None).values("participant").distinct().count(),
        },
        "by_kind": _bars(by_kind, dict(Contribution.Kind.choices)),
        "by_theme": _bars(by_theme, themes),
        "by_status": _bars(by_status, dict(Contribution.Status.choices)),
        "by_area": sub_areas,
    }


@dataclass(frozen=True)
class Day:
    day: date
    contributions: int
    comments: int
    supports: int


def time_series(*, filters: AnalysisFilters) -> list[Day]:
    """Contributions, comments and supports per day, every day of the period included."""
    qs = analysed_contributions(filters=filters)

    def per_day(model_qs, field: str) -> dict[date, int]:
        return dict(
            model_qs.annotate(day=TruncDate(field))
            .values_list("day")
            .annotate(n=Count("id"))
            .values_list("day", "n")
        )

    contributions = per_day(qs, "created_at")
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


def top_contributions(*, filters: AnalysisFilters, by: str) -> list[Contribution]:
    """The most supported (`by="supports"`) or most discussed (`by="comments"`)."""
    field = {"supports": "supports_count", "comments": "comments_count"}[by]
    return list(
        with_counts(analysed_contributions(filters=filters))
        .select_related("theme")
        .filter(**{f"{field}__gt": 0})
        .order_by(f"-{field}", "-created_at")[:TOP]
    )


def hexbins(*, filters: AnalysisFilters, zoom: int) -> str:
    """Hexagon bins of the contributions' public locations as a GeoJSON FeatureCollection
    written by PostGIS.

    Cells come from ST_HexagonGrid in ETRS-TM35FIN (EPSG:3067), sized for the zoom; each
    carries its count and up to 50 of its contributions (newest first) for the cell's list.
    """
    size = HEX_SIZE_BY_ZOOM[min(max(zoom, min(HEX_SIZE_BY_ZOOM)), max(HEX_SIZE_BY_ZOOM))]
    qs = analysed_contributions(filters=filters).values("id", "title", "created_at")
    # At the public location, as the exports give it to analysts: an exact point must not be
    # recoverable from which cell it falls in at the finest zoom.
    inner_sql, params = qs.annotate(
        g=contribution_public_location()
    ).query.sql_with_params()  # the filtered rows, as the ORM writes them
    url_prefix = reverse("engagement:contribution-detail", kwargs={"pk": 1})[:-2]
    sql = f"""
        WITH pts AS (
            SELECT c.id, c.title, c.created_at,
                   ST_Transform(ST_PointOnSurface(c.g), 3067) AS p
            FROM ({inner_sql}) AS c
        ),
        cells AS (
            SELECT h.geom, h.i, h.j
            FROM ST_HexagonGrid(%s, (SELECT ST_SetSRID(ST_Extent(p)::geometry, 3067) FROM pts)) AS h
        ),
        binned AS (
            SELECT cells.i, cells.j, cells.geom, count(*) AS n,
                   json_agg(json_build_object(
                       'id', pts.id, 'title', pts.title, 'url', %s || pts.id || '/')
                       ORDER BY pts.created_at DESC) AS items
            FROM cells JOIN pts ON ST_Intersects(cells.geom, pts.p)
            GROUP BY cells.i, cells.j, cells.geom
        )
        SELECT json_build_object(
            'type', 'FeatureCollection',
            'cell_size_m', %s,
            'features', coalesce(json_agg(json_build_object(
                'type', 'Feature',
                'id', i || ':' || j,
                'geometry', ST_AsGeoJSON(ST_Transform(geom, 4326), 6)::json,
                'properties', json_build_object(
                    'count', n,
                    'contributions', (SELECT json_agg(e) FROM (
                        SELECT e FROM json_array_elements(items) AS e LIMIT 50) AS s)
                )
            ) ORDER BY n DESC), '[]'::json)
        )::text
        FROM binned
    """  # noqa: S608 (inner_sql is the ORM's own parametrised query)
    # On the replica for the analysis page's GETs (config/db_router.py, decision 0028).
    with connections[router.db_for_read(Contribution)].cursor() as cursor:
        cursor.execute(sql, [*params, size, url_prefix, size])
        return cursor.fetchone()[0]


# Words ---------------------------------------------------------------------------------------

STEMMER_LANGUAGES = {"fi": "finnish", "sv": "swedish", "en": "english"}
STOP_WORDS_DIR = Path(__file__).resolve().parent / "data"


@functools.cache
def stop_words(language: str) -> frozenset[str]:
    """Common words that say nothing about the content, in lower case, read once from
    `data/stopwords-<language>.txt` (one word a line, `#` starts a comment)."""
    text = (STOP_WORDS_DIR / f"stopwords-{language}.txt").read_text(encoding="utf-8")
    words = (line.split("#", 1)[0].strip().lower() for line in text.splitlines())
    return frozenset(word for word in words if word)


WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)


@dataclass(frozen=True)
class Term:
    stem: str
    word: str  # the most frequent surface form, for display and search
    count: int  # in how many contributions it appears
    url: str


def frequent_terms(
    *, filters: AnalysisFilters, per_theme: int = 10
) -> list[tuple[Theme, list[Term]]]:
    """The most frequent terms of each theme's contributions, stemmed (Finnish by default),
    stop words removed; each links to the campaign's contributions that use it."""
    rows = analysed_contributions(filters=filters).values_list(
        "theme_id", "title", "body", "language"
    )
    by_theme: dict[int, Counter] = {}
    surface: dict[tuple[int, str], Counter] = {}
    stemmers = {lang: snowballstemmer.stemmer(name) for lang, name in STEMMER_LANGUAGES.items()}
    for theme_id, title, body, language in rows:
        lang = language if language in stemmers else "fi"
        words = [w.lower() for w in WORD.findall(f"{title} {body}")]
        words = [w for w in words if w not in stop_words(lang)]
        stems = stemmers[lang].stemWords(words)
        counter = by_theme.setdefault(theme_id, Counter())
        for stem in set(stems):  # a term counts once per contribution
            counter[stem] += 1
        for word, stem in zip(words, stems, strict=True):
            surface.setdefault((theme_id, stem), Counter())[word] += 1
    base = filters.campaign.get_absolute_url()
    result = []
    for theme in filters.campaign.themes.all():
        counter = by_theme.get(theme.pk)
        if not counter:
            continue
        terms = []
        for stem, count in counter.most_common(per_theme):
            word = surface[(theme.pk, stem)].most_common(1)[0][0]
            terms.append(Term(stem, word, count, f"{base}?theme={theme.slug}&q={word}"))
        result.append((theme, terms))
    return result


def describe_period(since: date | None, until: date | None) -> str:
    if since and until:
        return _("%(since)s to %(until)s") % {
            "since": since.isoformat(),
            "until": until.isoformat(),
        }
    if since:
        return _("from %(since)s") % {"since": since.isoformat()}
    if until:
        return _("until %(until)s") % {"until": until.isoformat()}
    return _("all time")
