"""Writes of the analysis: stemming each contribution's text once, and rebuilding a campaign's
summaries (counts per day and dimension, hexagon bins, frequent terms) from its published
contributions. The queue's worker runs `analysis_refresh_task` every ANALYSIS_REFRESH_SECONDS
and `analysis_campaign_refresh_task` when a page first needs a campaign's summaries
(docs/decisions/0027).
"""

import logging
import time
from collections import Counter

from django.conf import settings
from django.db import connection, transaction
from django.db.models import Count, Exists, OuterRef
from django.db.models.functions import TruncDate
from django.utils import timezone
from django_tasks import task

from engagement.analysis.text import terms_of
from engagement.common.queue import enqueue_atomically
from engagement.models import Campaign, Contribution
from engagement.models.analysis import (
    AnalysisCount,
    AnalysisHexBin,
    AnalysisRefresh,
    AnalysisTerm,
    ContributionTerms,
)
from engagement.participation.search import contribution_lemmas_refresh

logger = logging.getLogger(__name__)
PUBLISHED = Contribution.ModerationState.PUBLISHED
# Hexagon edge lengths in metres, one per map zoom (selectors.HEX_SIZE_BY_ZOOM).
HEX_SIZES = (2000, 1000, 500, 250, 125, 60, 30)
# The ids kept per hexagon row, for the cell's list (the map shows 50).
HEX_IDS = 50
# The stems kept per theme (the page shows 10).
TERMS_KEPT = 50
STEM_BATCH = 2000


def contribution_terms_update(*, campaign: Campaign) -> int:
    """Stem the title and body of each contribution of the campaign not stemmed since its last
    change (a new one, or updated_at later than when stemmed); returns how many."""
    current = ContributionTerms.objects.filter(
        contribution=OuterRef("pk"), source_updated_at__gte=OuterRef("updated_at")
    )
    stale = (
        Contribution.objects.filter(campaign=campaign)
        .filter(~Exists(current))  # an anti-join, not a lookup per contribution
        .order_by()
        .values_list("pk", "title", "body", "language", "updated_at")
    )
    done = 0
    batch: list[ContributionTerms] = []
    for pk, title, body, language, updated_at in stale.iterator(chunk_size=STEM_BATCH):
        words, stems = terms_of(title, body, language)
        batch.append(
            ContributionTerms(
                contribution_id=pk, words=words, stems=stems, source_updated_at=updated_at
            )
        )
        if len(batch) >= STEM_BATCH:
            done += _terms_write(batch)
            batch = []
    return done + _terms_write(batch)


def _terms_write(batch: list[ContributionTerms]) -> int:
    ContributionTerms.objects.bulk_create(
        batch,
        update_conflicts=True,
        unique_fields=["contribution"],
        update_fields=["words", "stems", "source_updated_at"],
    )
    return len(batch)


def _insert_from(sql_and_params: tuple[str, tuple], table: str, columns: str) -> None:
    sql, params = sql_and_params
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)


def analysis_refresh(*, campaign: Campaign) -> AnalysisRefresh:
    """Rebuild the campaign's summaries from its published contributions, in one transaction
    (a reader sees the old summaries or the new ones, never a mix)."""
    started = time.perf_counter()
    # Base forms a bulk write left behind, for search (decision 0032); then the words.
    contribution_lemmas_refresh(campaign_id=campaign.pk)
    contribution_terms_update(campaign=campaign)
    published = Contribution.objects.filter(campaign=campaign, moderation_state=PUBLISHED)
    with transaction.atomic():
        # One refresh of a campaign at a time; a second waits, then rebuilds again (idempotent).
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(-27, %s)", [campaign.pk])
            # ST_HexagonGrid's cost estimate makes PostgreSQL compile these statements (JIT),
            # which costs seconds and saves nothing here.
            cursor.execute("SET LOCAL jit = off")
            # The hexagons' sort of every (place, cell, dimension) row stays in memory.
            cursor.execute("SET LOCAL work_mem = '128MB'")
        for model in (AnalysisCount, AnalysisHexBin, AnalysisTerm):
            model.objects.filter(campaign=campaign).delete()
        counts = (
            published.annotate(day=TruncDate("created_at"))
            .values("campaign_id", "theme_id", "kind", "status", "area_id", "day")
            .annotate(n=Count("id"))
            .values_list("campaign_id", "theme_id", "kind", "status", "area_id", "day", "n")
            .order_by()
        )
        _insert_from(
            counts.query.sql_with_params(),
            AnalysisCount._meta.db_table,
            "campaign_id, theme_id, kind, status, area_id, day, count",
        )
        _hexbins_build(campaign)
        _terms_build(campaign)
        refresh, _ = AnalysisRefresh.objects.update_or_create(
            campaign=campaign,
            defaults={
                "refreshed_at": timezone.now(),
                "seconds": time.perf_counter() - started,
                "contributions": published.count(),
            },
        )
    return refresh


def _hexbins_build(campaign: Campaign) -> None:
    """Each published contribution's public point (decision 0025) in the hexagon of each size
    that contains it, as ST_HexagonGrid gives them; the grid is asked once per distinct point
    (contributions share their privacy cell's centre), not per contribution."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH pts AS (
                SELECT public_point AS p, theme_id, kind, status, area_id, count(*) AS n,
                       (array_agg(id ORDER BY id DESC))[1:%(ids)s] AS ids
                FROM engagement_contribution
                WHERE campaign_id = %(campaign)s AND moderation_state = %(published)s
                  AND public_point IS NOT NULL
                GROUP BY public_point, theme_id, kind, status, area_id
            ),
            places AS (SELECT DISTINCT p FROM pts),
            located AS (
                SELECT places.p, s.size, h.i, h.j
                FROM places
                CROSS JOIN unnest(%(sizes)s::int[]) AS s(size)
                CROSS JOIN LATERAL ST_HexagonGrid(s.size, ST_Transform(places.p, 3067)) AS h
                WHERE ST_Intersects(h.geom, ST_Transform(places.p, 3067))
            )
            INSERT INTO {AnalysisHexBin._meta.db_table}
                (campaign_id, size, i, j, theme_id, kind, status, area_id, count, ids)
            SELECT %(campaign)s, l.size, l.i, l.j, pts.theme_id, pts.kind, pts.status,
                   pts.area_id, sum(pts.n) FILTER (WHERE u.ord = 1),
                   (array_agg(u.id ORDER BY u.id DESC))[1:%(ids)s]
            FROM pts JOIN located l ON l.p = pts.p
            CROSS JOIN LATERAL unnest(pts.ids) WITH ORDINALITY AS u(id, ord)
            GROUP BY l.size, l.i, l.j, pts.theme_id, pts.kind, pts.status, pts.area_id
            """,  # noqa: S608 (the table name is the model's)
            {
                "campaign": campaign.pk,
                "published": PUBLISHED,
                "sizes": list(HEX_SIZES),
                "ids": HEX_IDS,
            },
        )


def _terms_build(campaign: Campaign) -> None:
    """The TERMS_KEPT stems of each theme found in the most published contributions (a stem
    counts once per contribution), each with its most frequent written form, from the stored
    stems (computed in PostgreSQL, not in Python)."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"""
            WITH occurrences AS (
                SELECT c.theme_id, t.contribution_id, u.stem, u.word
                FROM engagement_contribution c
                JOIN {ContributionTerms._meta.db_table} t ON t.contribution_id = c.id
                CROSS JOIN LATERAL unnest(t.stems, t.words) AS u(stem, word)
                WHERE c.campaign_id = %(campaign)s AND c.moderation_state = %(published)s
            ),
            stems AS (
                SELECT theme_id, stem, count(DISTINCT contribution_id) AS n
                FROM occurrences GROUP BY theme_id, stem
            ),
            ranked AS (
                SELECT theme_id, stem, n,
                       row_number() OVER (PARTITION BY theme_id ORDER BY n DESC, stem) AS r
                FROM stems
            ),
            forms AS (
                SELECT DISTINCT ON (o.theme_id, o.stem) o.theme_id, o.stem, o.word
                FROM occurrences o
                JOIN ranked k ON k.theme_id = o.theme_id AND k.stem = o.stem
                WHERE k.r <= %(kept)s
                GROUP BY o.theme_id, o.stem, o.word
                ORDER BY o.theme_id, o.stem, count(*) DESC, o.word
            )
            INSERT INTO {AnalysisTerm._meta.db_table} (campaign_id, theme_id, stem, word, count)
            SELECT %(campaign)s, k.theme_id, k.stem, f.word, k.n
            FROM ranked k JOIN forms f ON f.theme_id = k.theme_id AND f.stem = k.stem
            WHERE k.r <= %(kept)s
            """,  # noqa: S608 (the table names are the models')
            {"campaign": campaign.pk, "published": PUBLISHED, "kept": TERMS_KEPT},
        )


def analysis_refresh_request(*, campaign: Campaign) -> bool:
    """Ask the worker for the campaign's first summaries (a page needs them and none exist);
    True if this call asked. Asked again only when the last ask is older than the refresh
    period (its run was lost)."""
    now = timezone.now()
    period = timezone.timedelta(seconds=settings.ANALYSIS_REFRESH_SECONDS)
    with transaction.atomic():
        refresh, created = AnalysisRefresh.objects.select_for_update().get_or_create(
            campaign=campaign, defaults={"requested_at": now}
        )
        if not created:
            if refresh.refreshed_at is not None or (
                refresh.requested_at is not None and refresh.requested_at > now - period
            ):
                return False
            refresh.requested_at = now
            refresh.save(update_fields=["requested_at"])
        enqueue_atomically(analysis_campaign_refresh_task, campaign.pk)
    return True


@task()
def analysis_campaign_refresh_task(campaign_id: int) -> None:
    """Build one campaign's summaries (the first time a page needs them)."""
    campaign = Campaign.objects.filter(pk=campaign_id).first()
    if campaign is not None:
        analysis_refresh(campaign=campaign)


@task()
def analysis_refresh_task() -> dict[str, int]:
    """Periodic: rebuild the summaries of every campaign with contributions."""
    done = Counter()
    for campaign in Campaign.objects.filter(contributions__isnull=False).distinct():
        analysis_refresh(campaign=campaign)
        done["campaigns"] += 1
    logger.info("Analysis summaries refreshed: %s", dict(done))
    return dict(done)
