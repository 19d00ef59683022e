"""The export downloads: parse the API's filters, stream the rows, mark exact locations private."""

import tempfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import (
    FileResponse,
    HttpRequest,
    HttpResponseBase,
    JsonResponse,
    StreamingHttpResponse,
)
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from engagement.common.api import GEOJSON
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.interop.exports.selectors import (
    CHUNK_ROWS,
    CSV_COLUMNS,
    FILENAME,
    contribution_csv_rows,
    contribution_gpkg_write,
    geojson_chunks,
)
from engagement.models import Contribution
from engagement.participation.filters import contribution_filters_parse
from engagement.participation.selectors import (
    contributions_feature_text_queryset,
    contributions_filtered,
)
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
    rows = contribution_csv_rows(
        queryset=query.queryset, exact=query.exact, url_prefix=_url_prefix(request)
    )
    response = StreamingHttpResponse(
        csv_chunks(CSV_COLUMNS, rows), content_type="text/csv; charset=utf-8"
    )
    return _as_download(response, query.exact, "csv")


@require_GET
def contributions_geojson(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as a GeoJSON FeatureCollection, streamed."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
    features = contributions_feature_text_queryset(queryset=query.queryset, exact=query.exact)
    response = StreamingHttpResponse(
        geojson_chunks(features.iterator(chunk_size=CHUNK_ROWS)), content_type=GEOJSON
    )
    return _as_download(response, query.exact, "geojson")


@require_GET
def contributions_gpkg(request: HttpRequest) -> HttpResponseBase:
    """Matching public contributions as a GeoPackage, one layer per kind of geometry."""
    query = export_query(request)
    if isinstance(query, JsonResponse):
        return query
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
