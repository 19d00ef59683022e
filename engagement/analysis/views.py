"""Analysis pages (`/analysis/`) for analysts, moderators and administrators of a campaign."""

import json
from dataclasses import replace

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.settings import ISO_8601

from engagement.analysis.selectors import (
    AnalysisFilters,
    describe_period,
    frequent_terms,
    hexbins,
    overview,
    summary_as_of,
    time_series,
    top_contributions,
)
from engagement.analysis.services import analysis_refresh_request
from engagement.common.forms import add_service_errors, choice_filter
from engagement.models import Contribution, Theme
from engagement.participation.api import MAX_LIMIT
from engagement.participation.filters import ContributionFilterParser
from engagement.rules import analysed_campaigns
from geo.models import Area
from geo.selectors import area_boundary_geojson

# What Django's choice fields say of a value not among the choices, in Django's own words.
NOT_A_CHOICE = forms.ModelChoiceField.default_error_messages["invalid_choice"]


class AnalysisForm(forms.Form):
    """The dashboard's filter controls. It only displays: AnalysisQuery parses the values."""

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
    kind = choice_filter(_("Kind"), _("All kinds"), Contribution.Kind.choices)
    status = choice_filter(_("Status"), _("All statuses"), Contribution.Status.choices)
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
        slug = self.initial.get("campaign")
        campaign = campaigns.filter(slug=slug).first() if slug else campaigns.first()
        self.fields["theme"].queryset = Theme.objects.filter(campaign=campaign)
        if campaign is not None:
            self.fields["area"].queryset = Area.objects.filter(parent=campaign.area)


class AnalysisQuery(ContributionFilterParser):
    """The shared filters for one of the user's campaigns (context["campaigns"]), with a theme
    of that campaign and one of its sub-areas, and a period."""

    since = serializers.DateField(required=False)
    until = serializers.DateField(required=False)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = self.context["campaigns"]
        self.fields["campaign"].required = True
        # The formats the date fields of a form take in the active language, ISO first.
        input_formats = [ISO_8601, *formats.get_format("DATE_INPUT_FORMATS")]
        for field in self.fields.values():
            if isinstance(field, serializers.DateField):
                field.input_formats = input_formats

    def validate(self, attrs: dict) -> dict:
        campaign = attrs["campaign"]
        errors = {}
        if attrs.get("theme") and not campaign.themes.filter(slug=attrs["theme"]).exists():
            errors["theme"] = NOT_A_CHOICE
        if attrs.get("area") is not None and attrs["area"].parent_id != campaign.area_id:
            errors["area"] = NOT_A_CHOICE
        if errors:
            raise serializers.ValidationError(errors)
        return attrs

    def analysis_filters(self) -> AnalysisFilters:
        data = self.validated_data
        campaign = data["campaign"]
        return AnalysisFilters(
            campaign=campaign,
            theme=campaign.themes.filter(slug=data["theme"]).first() if data.get("theme") else None,
            kind=data.get("kind"),
            status=data.get("status"),
            area=data.get("area"),
            since=data.get("since"),
            until=data.get("until"),
        )


class CompareQuery(AnalysisQuery):
    """The analysis' filters and two sides, each a period or a sub-area; a side's empty value
    is the filters' own."""

    a_since = serializers.DateField(required=False)
    a_until = serializers.DateField(required=False)
    a_area = serializers.CharField(required=False)
    b_since = serializers.DateField(required=False)
    b_until = serializers.DateField(required=False)
    b_area = serializers.CharField(required=False)


def _campaigns(request: HttpRequest):
    campaigns = analysed_campaigns(request.user).select_related("area")
    if not campaigns.exists():
        raise PermissionDenied
    return campaigns


def _parse(
    request: HttpRequest, campaigns, parser: type[AnalysisQuery] = AnalysisQuery
) -> tuple[AnalysisForm, AnalysisQuery | None]:
    """The filter controls showing the request's values, and the parsed query (None with the
    messages on the controls when a value is refused)."""
    # The controls' "all" choices send empty values, which mean no filter.
    params = {key: value for key, value in request.GET.items() if value}
    params.setdefault("campaign", campaigns.first().slug)
    form = AnalysisForm(initial=params, campaigns=campaigns)
    try:
        return form, parser.parse(params, context={"campaigns": campaigns})
    except ValidationError as error:
        add_service_errors(form, error)
        return form, None


@login_required
def dashboard(request: HttpRequest) -> HttpResponse:
    """Totals, counts, days, top contributions, hot spots and words, with the same filters."""
    campaigns = _campaigns(request)
    form, query = _parse(request, campaigns)
    filters = query.analysis_filters() if query else None
    context = {"form": form}
    if filters is not None:
        hexbins_query = request.GET.copy()
        hexbins_query["campaign"] = filters.campaign.slug
        hexbins_url = reverse("engagement:analysis-hexbins") + "?" + hexbins_query.urlencode()
        export_query = {"campaign": filters.campaign.slug}
        for key in ("theme", "kind", "status"):
            if request.GET.get(key):
                export_query[key] = request.GET[key]
        if summary_as_of(campaign=filters.campaign) is None:
            # A fresh install or a new campaign: the worker builds the summaries; until then
            # every figure is counted from the contributions (the newest ANALYSIS_LIVE_ROWS).
            analysis_refresh_request(campaign=filters.campaign)
        counts = overview(filters=filters)
        hot = json.loads(hexbins(filters=filters, zoom=14, cells=10, items=3))
        terms = frequent_terms(filters=filters)
        context.update(
            {
                "freshness": {
                    "as_of": counts["source"].as_of,
                    "minutes": max(1, round(settings.ANALYSIS_REFRESH_SECONDS / 60)),
                    "live_rows": settings.ANALYSIS_LIVE_ROWS,
                    "partial": not (hot["complete"] and terms.source.complete),
                },
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
                "hot_cells": hot["features"],
                "terms": terms,
                "export_query": "&".join(f"{k}={v}" for k, v in export_query.items()),
                "map_config": {
                    "hexbins": hexbins_url,
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
    _form, query = _parse(request, _campaigns(request))
    if query is None:
        return HttpResponse(status=400)
    filters = query.analysis_filters()
    try:
        zoom = int(request.GET.get("zoom", "14"))
    except ValueError:
        zoom = 14
    return HttpResponse(hexbins(filters=filters, zoom=zoom), content_type="application/geo+json")


@login_required
def compare(request: HttpRequest) -> HttpResponse:
    """Two time windows, or two sub-areas, side by side."""
    form, query = _parse(request, _campaigns(request), CompareQuery)
    filters = query.analysis_filters() if query else None
    sides = []
    if filters is not None:
        areas = {a.slug: a for a in Area.objects.filter(parent=filters.campaign.area)}
        sides_data = query.validated_data
        for side in ("a", "b"):
            windowed = replace(
                filters,
                since=sides_data.get(f"{side}_since") or filters.since,
                until=sides_data.get(f"{side}_until") or filters.until,
                area=areas.get(sides_data.get(f"{side}_area", "")) or filters.area,
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
