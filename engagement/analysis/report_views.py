"""The analysis page's reports: the XLSX workbook and the printable page, with its filters.

Analysts', moderators' and administrators' only, like the page: `_campaigns` refuses anyone
else (403), and a campaign they may not analyse is not a choice (400).
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from engagement.analysis.report import report_bars, report_data, report_workbook
from engagement.analysis.views import _campaigns, _parse

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _filters_or_response(request: HttpRequest):
    form, query = _parse(request, _campaigns(request))
    if query is None:
        return None, render(
            request, "engagement/analysis/dashboard.html", {"form": form}, status=400
        )
    return query.analysis_filters(), None


@login_required
@require_GET
def report_xlsx(request: HttpRequest) -> HttpResponse:
    """The workbook: summary, by theme, by area, by week, contributions, background."""
    filters, refusal = _filters_or_response(request)
    if refusal:
        return refusal
    body = report_workbook(filters=filters, absolute=request.build_absolute_uri)
    name = f"{filters.campaign.slug}-{timezone.localdate().isoformat()}.xlsx"
    response = HttpResponse(body, content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_GET
def report_print(request: HttpRequest) -> HttpResponse:
    """The printable report (A4): the filters, totals, charts as SVG and their tables."""
    filters, refusal = _filters_or_response(request)
    if refusal:
        return refusal
    data = report_data(filters=filters)
    data["charts"] = report_bars(data)
    data["xlsx_query"] = request.GET.urlencode()
    response = render(request, "engagement/analysis/report.html", data)
    response["Cache-Control"] = "private, no-store"
    return response
