"""Exports too large for a request: written by the queue's worker into a private file.

An export request that matches more than EXPORT_QUEUE_ROWS contributions, from a signed-in user
or a browser with a participant, makes an `ExportJob` and enqueues `export_job_run` in the same
transaction, and is redirected to the job's page. The page refreshes itself until the worker has
written the file, then serves it, to that user or browser only (404 to anyone else, so a job's
existence is not confirmed). Smaller exports, and requesters the site cannot recognise again,
stream as before. Files and jobs are deleted after EXPORT_KEEP_HOURS (`export_jobs_prune`).
"""

import logging
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django.db.models import QuerySet
from django.http import HttpRequest, QueryDict
from django.utils import timezone, translation
from django_tasks import task

from engagement.common.queue import enqueue_atomically
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.interop.exports.selectors import (
    contribution_csv_rows,
    contribution_geojson_features,
    contribution_gpkg_write,
    csv_columns,
    geojson_chunks,
)
from engagement.models import Contribution, ExportJob
from engagement.participation.filters import contribution_filters_parse
from engagement.participation.selectors import contributions_filtered

logger = logging.getLogger(__name__)

FORMATS = ("csv", "geojson", "gpkg")


def export_job_create(
    *,
    request: HttpRequest,
    queryset: QuerySet[Contribution],
    exact: bool,
    fmt: str,
    url_prefix: str,
) -> ExportJob | None:
    """A job for this export if it is large and the requester can be recognised again; else
    None (the view streams it)."""
    user = request.user if request.user.is_authenticated else None
    participant = None if user else request.get_participant(create=False)
    if user is None and participant is None:
        return None
    if not queryset[: settings.EXPORT_QUEUE_ROWS + 1].count() > settings.EXPORT_QUEUE_ROWS:
        return None
    with transaction.atomic():
        job = ExportJob.objects.create(
            user=user,
            participant=participant,
            format=fmt,
            query=request.GET.urlencode(),
            exact=exact,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            url_prefix=url_prefix,
        )
        enqueue_atomically(export_job_run, str(job.pk))
    return job


def export_job_for(*, request: HttpRequest, pk: str) -> ExportJob | None:
    """The job, if this request is from the user or browser that asked for it."""
    job = ExportJob.objects.filter(pk=pk).first()
    if job is None:
        return None
    if job.user_id is not None:
        return job if request.user.is_authenticated and request.user.pk == job.user_id else None
    participant = request.get_participant(create=False)
    return job if participant is not None and participant.pk == job.participant_id else None


def _write(job: ExportJob, queryset: QuerySet[Contribution], path: Path) -> None:
    if job.format == "gpkg":
        contribution_gpkg_write(
            filename=str(path), queryset=queryset, exact=job.exact, url_prefix=job.url_prefix
        )
        return
    if job.format == "csv":
        rows = contribution_csv_rows(queryset=queryset, exact=job.exact, url_prefix=job.url_prefix)
        pieces = csv_chunks(csv_columns(), rows)
    else:
        features = contribution_geojson_features(
            queryset=queryset, exact=job.exact, url_prefix=job.url_prefix
        )
        pieces = geojson_chunks(features)
    with path.open("w", encoding="utf-8", newline="") as out:
        for piece in pieces:
            out.write(piece)


@task()
def export_job_run(job_id: str) -> int:
    """In the worker: write the job's file with the filters and rights it was asked with; the
    rows written. Run again (a lost worker), it writes the file anew."""
    job = ExportJob.objects.filter(pk=job_id, status=ExportJob.Status.PENDING).first()
    if job is None:
        return 0
    try:
        with translation.override(job.language), tempfile.TemporaryDirectory() as folder:
            filters = contribution_filters_parse(QueryDict(job.query))
            queryset = contributions_filtered(filters=filters)
            path = Path(folder) / f"export.{job.format}"
            _write(job, queryset, path)
            with path.open("rb") as written:
                name = default_storage.save(f"exports/{job.pk}.{job.format}", File(written))
            job.rows = queryset.count()
    except Exception:
        logger.exception("Export %s failed", job.pk)
        job.status = ExportJob.Status.FAILED
    else:
        job.status, job.file = ExportJob.Status.READY, name
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "file", "rows", "finished_at"])
    return job.rows


@task()
def export_jobs_prune() -> int:
    """Periodic: delete export files and jobs older than EXPORT_KEEP_HOURS; the number deleted."""
    cutoff = timezone.now() - timedelta(hours=settings.EXPORT_KEEP_HOURS)
    old = ExportJob.objects.filter(created_at__lt=cutoff)
    for name in old.exclude(file="").values_list("file", flat=True):
        default_storage.delete(name)
    deleted, _by_model = old.delete()
    return deleted
