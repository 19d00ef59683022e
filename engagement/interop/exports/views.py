"""The export downloads: parse the API's filters, stream the rows, mark exact locations private."""

import tempfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from engagement.common.api import GEOJSON
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.interop.exports.jobs import export_job_create, export_job_for
from engagement.interop.exports.selectors import (
    FILENAME,
    contribution_csv_rows,
    contribution_geojson_features,
    contribution_gpkg_write,
    csv_columns,
    geojson_chunks,
)
from engagement.models import Contribution, ExportJob
from engagement.participation.filters import contribution_filters_parse
from engagement.participation.selectors import contributions_filtered
from engagement.rules import can_moderate


@dataclass(frozen=True)
class ExportQuery:
    """What to export and whether the exact geometry may be shown."""

    queryset: QuerySet[Contribution]
    exact: bool


def export_query(request: HttpRequest) -> ExportQuery | JsonResponse:
    """The public contributions the request's parameters select, or a 400 naming bad fields.

    The parameters are the contribution list's, without paging: an export has every row. The
    exact geometry is only for moderators of the campaign the request names; everyone else
    gets points at their public (privacy-grid) location, as on the map.
    """
    try:
        filters = contribution_filters_parse(request.GET)
    except ValidationError as error:
        return JsonResponse(error.message_dict, status=400)
    exact = filters.campaign is not None and can_moderate(request.user, filters.campaign)
    return ExportQuery(queryset=contributions_filtered(filters=filters), exact=exact)


def _url_prefix(request: HttpRequest) -> str:
    # "https://host/sv/contributions/1/" less its "1/": absolute, in the request's language.
    detail = reverse("engagement:contribution-detail", kwargs={"pk": 1})
    return request.build_absolute_uri(detail)[:-2]


def _queued(request: HttpRequest, query: ExportQuery, fmt: str) -> HttpResponseBase | None:
    """A large export goes to the queue's worker; the requester is sent to its page."""
    job = export_job_create(
        request=request,
        queryset=query.queryset,
        exact=query.exact,
        fmt=fmt,
        url_prefix=_url_prefix(request),
    )
    return redirect("export-job", pk=job.pk) if job else None


# Views --------------------------------------------------------------------------------------


def _as_download(response: HttpResponseBase, exact: bool, extension: str) -> HttpResponseBase:
    response["Content-Disposition"] = f'attachment; filename="{FILENAME}.{extension}"'
    if exact:
        # Exact locations are for this moderator only, never for a shared cache.
        patch_cache_control(response, private=True, no_store=True)
    return response


@require_GET
def contributions_csv(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as CSV (UTF-8 with BOM), streamed."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    if queued := _queued(request, query, "csv"):
        return queued
    rows = contribution_csv_rows(
        queryset=query.queryset, exact=query.exact, url_prefix=_url_prefix(request)
    )
    response = StreamingHttpResponse(
        csv_chunks(csv_columns(), rows), content_type="text/csv; charset=utf-8"
    )
    return _as_download(response, query.exact, "csv")


@require_GET
def contributions_geojson(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as a GeoJSON FeatureCollection, streamed."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    if queued := _queued(request, query, "geojson"):
        return queued
    features = contribution_geojson_features(
        queryset=query.queryset, exact=query.exact, url_prefix=_url_prefix(request)
    )
    response = StreamingHttpResponse(geojson_chunks(features), content_type=GEOJSON)
    return _as_download(response, query.exact, "geojson")


@require_GET
def contributions_gpkg(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as a GeoPackage, one layer per kind of geometry."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    if queued := _queued(request, query, "gpkg"):
        return queued
    # Deleted when closed: FileResponse closes it once sent (or when the client goes away).
    file = tempfile.NamedTemporaryFile(prefix="yhdessa-", suffix=".gpkg")  # noqa: SIM115
    try:
        contribution_gpkg_write(
            filename=file.name,
            queryset=query.queryset,
            exact=query.exact,
            url_prefix=_url_prefix(request),
        )
    except BaseException:
        file.close()
        raise
    response = FileResponse(
        file,
        as_attachment=True,
        filename=f"{FILENAME}.gpkg",
        content_type="application/geopackage+sqlite3",
    )
    return _as_download(response, query.exact, "gpkg")


CONTENT_TYPES = {"csv": "text/csv; charset=utf-8", "geojson": GEOJSON,
                 "gpkg": "application/geopackage+sqlite3"}  # fmt: skip
# The job's page asks again this often while the worker writes the file.
JOB_REFRESH_SECONDS = 3


@require_GET
def export_job(request: HttpRequest, pk: str) -> HttpResponseBase:
    """A large export: its page while the worker writes it (202), then the file itself; only to
    the user or browser that asked, 404 to anyone else."""
    job = export_job_for(request=request, pk=pk)
    if job is None:
        raise Http404
    if job.status == ExportJob.Status.READY:
        try:
            file = default_storage.open(job.file, "rb")
        except FileNotFoundError:
            raise Http404 from None  # deleted meanwhile (EXPORT_KEEP_HOURS)
        response = FileResponse(
            file,
            as_attachment=True,
            filename=f"{FILENAME}.{job.format}",
            content_type=CONTENT_TYPES[job.format],
        )
        patch_cache_control(response, private=True, no_store=True)
        return response
    pending = job.status == ExportJob.Status.PENDING
    response = render(
        request,
        "engagement/export_job.html",
        {
            "job": job,
            "pending": pending,
            "refresh": JOB_REFRESH_SECONDS,
            "keep_hours": settings.EXPORT_KEEP_HOURS,
        },
        status=202 if pending else 200,
    )
    if pending:
        response["Retry-After"] = str(JOB_REFRESH_SECONDS)
    patch_cache_control(response, private=True, no_store=True)
    return response
