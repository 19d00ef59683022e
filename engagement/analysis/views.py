"""Analysis pages (`/analysis/`) for analysts, moderators and administrators of a campaign."""

import json
from dataclasses import replace

from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from engagement.analysis.selectors import (
    AnalysisFilters,
    describe_period,
    frequent_terms,
    hexbins,
    overview,
    time_series,
    top_contributions,
)
from engagement.models import Contribution, Theme
from engagement.participation.api import MAX_LIMIT
from engagement.rules import analysed_campaigns
from geo.models import Area
from geo.selectors import area_boundary_geojson


class AnalysisForm(forms.Form):
    """The dashboard's filters, shared by every chart, the map and the exports."""

    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=None, to_field_name="slug", empty_label=None
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=None,
        to_field_name="slug",
        required=False,
        empty_label=_("All themes"),
    )
    kind = forms.ChoiceField(
        label=_("Kind"), required=False, choices=[("", _("All kinds")), *Contribution.Kind.choices]
    )
    status = forms.ChoiceField(
        label=_("Status"),
        required=False,
        choices=[("", _("All statuses")), *Contribution.Status.choices],
    )
    area = forms.ModelChoiceField(
        label=_("Sub-area"),
        queryset=Area.objects.none(),
        to_field_name="slug",
        required=False,
        empty_label=_("The whole area"),
    )
    since = forms.DateField(
        label=_("From"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    until = forms.DateField(
        label=_("Until"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, campaigns, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        slug = self.data.get("campaign") if self.is_bound else None
        campaign = campaigns.filter(slug=slug).first() if slug else campaigns.first()
        self.fields["theme"].queryset = Theme.objects.filter(campaign=campaign)
        if campaign is not None:
            self.fields["area"].queryset = Area.objects.filter(parent=campaign.area)
        self.initial.setdefault("campaign", campaign.slug if campaign else None)

    def analysis_filters(self) -> AnalysisFilters | None:
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return AnalysisFilters(
            campaign=data["campaign"],
            theme=data.get("theme"),
            kind=data.get("kind") or None,
            status=data.get("status") or None,
            area=data.get("area"),
            since=data.get("since"),
            until=data.get("until"),
        )


def _campaigns(request: HttpRequest):
    campaigns = analysed_campaigns(request.user).select_related("area")
    if not campaigns.exists():
        raise PermissionDenied
    return campaigns


def _form(request: HttpRequest, campaigns) -> AnalysisForm:
    data = request.GET.copy()
    if not data.get("campaign"):
        data["campaign"] = campaigns.first().slug
    return AnalysisForm(data, campaigns=campaigns)


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Totals, counts, days, top contributions, hot spots and words, with the same filters."""
    campaigns = _campaigns(request)
    form = _form(request, campaigns)
    filters = form.analysis_filters()
    context = {"form": form}
    if filters is not None:
        query = request.GET.copy()
        query["campaign"] = filters.campaign.slug
        export_query = {"campaign": filters.campaign.slug}
        for key in ("theme", "kind", "status"):
            if request.GET.get(key):
                export_query[key] = request.GET[key]
        counts = overview(filters=filters)
        cells = json.loads(hexbins(filters=filters, zoom=14))["features"][:10]
        context.update(
            {
                "filters": filters,
                "period": describe_period(filters.since, filters.until),
                "counts": counts,
                "charts": [
                    _chart("kind", _("By kind"), counts["by_kind"]),
                    _chart("theme", _("By theme"), counts["by_theme"]),
                    _chart("status", _("By status"), counts["by_status"]),
                    _chart("area", _("By sub-area"), counts["by_area"]),
                ],
                "day_chart": _day_chart(days := time_series(filters=filters)),
                "days": days,
                "most_supported": top_contributions(filters=filters, by="supports"),
                "most_discussed": top_contributions(filters=filters, by="comments"),
                "hot_cells": cells,
                "terms": frequent_terms(filters=filters),
                "export_query": "&".join(f"{k}={v}" for k, v in export_query.items()),
                "map_config": {
                    "hexbins": reverse("engagement:analysis-hexbins") + "?" + query.urlencode(),
                    "api": reverse("engagement-api:contribution-list"),
                    "pageSize": MAX_LIMIT,
                    "filters": export_query,
                },
                "boundary_geojson": json.loads(area_boundary_geojson(area=filters.campaign.area)),
            }
        )
    return render(
        request, "engagement/analysis/dashboard.html", context, status=200 if filters else 400
    )


BAR_WIDTH = 300


def _chart(key: str, title: str, bars: list) -> dict:
    """Rows of an SVG bar chart: label, count, bar width and vertical position."""
    top = max((bar.count for bar in bars), default=0) or 1
    rows = [
        {
            "label": bar.label,
            "count": bar.count,
            "width": round(BAR_WIDTH * bar.count / top),
            "y": index * 12,
        }
        for index, bar in enumerate(bars)
    ]
    return {"id": key, "title": title, "rows": rows, "height": len(rows) * 12}


def _day_chart(days: list) -> dict:
    """Columns of the daily chart: contributions per day, scaled to 100 units high."""
    top = max((d.contributions for d in days), default=0) or 1
    width = min(40, max(4, 600 // max(len(days), 1)))
    columns = [
        {
            "day": d.day,
            "count": d.contributions,
            "x": i * width,
            "width": width - 1,
            "height": (height := round(100 * d.contributions / top)),
            "y": 100 - height,
        }
        for i, d in enumerate(days)
    ]
    return {"columns": columns, "width": max(len(days) * width, 1)}


@login_required
def hexbins_geojson(request: HttpRequest) -> HttpResponse:
    """Hexagon bins for the map at its zoom, with the dashboard's filters."""
    campaigns = _campaigns(request)
    filters = _form(request, campaigns).analysis_filters()
    if filters is None:
        return HttpResponse(status=400)
    try:
        zoom = int(request.GET.get("zoom", "14"))
    except ValueError:
        zoom = 14
    return HttpResponse(hexbins(filters=filters, zoom=zoom), content_type="application/geo+json")


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """Two time windows, or two sub-areas, side by side."""
    campaigns = _campaigns(request)
    form = _form(request, campaigns)
    filters = form.analysis_filters()
    sides = []
    if filters is not None:
        areas = {a.slug: a for a in Area.objects.filter(parent=filters.campaign.area)}
        for side in ("a", "b"):
            get = request.GET.get
            windowed = replace(
                filters,
                since=forms.DateField().to_python(get(f"{side}_since") or None) or filters.since,
                until=forms.DateField().to_python(get(f"{side}_until") or None) or filters.until,
                area=areas.get(get(f"{side}_area", "")) or filters.area,
            )
            label = describe_period(windowed.since, windowed.until)
            if windowed.area is not None:
                label = f"{windowed.area.name}, {label}"
            sides.append((label, overview(filters=windowed)))
    return render(
        request,
        "engagement/analysis/compare.html",
        {
            "form": form,
            "sides": sides,
            "areas": Area.objects.filter(parent=filters.campaign.area) if filters else [],
        },
        status=200 if filters else 400,
    )
