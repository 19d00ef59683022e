"""Analysis pages (`/analysis/`) for analysts, moderators and administrators of a campaign."""

import json
from dataclasses import replace
from datetime import date, timedelta

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.contrib.gis.geos import Point
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers
from rest_framework.settings import ISO_8601

from engagement.analysis.selectors import (
    AnalysisFilters,
    activity_series,
    describe_period,
    frequent_terms,
    hexbins,
    overview,
    summary_as_of,
    top_contributions,
    week_label,
)
from engagement.analysis.services import analysis_refresh_request
from engagement.common.forms import add_service_errors, choice_filter
from engagement.models import Contribution, Theme
from engagement.participation.api import MAX_LIMIT
from engagement.participation.filters import ContributionFilterParser
from engagement.rules import analysed_campaigns
from geo.models import Area
from geo.places import place_nearest
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


# Dates a period may name: a day outside these is a typing slip (year 20255, 0001), and one
# at the calendar's ends overflowed the arithmetic of a day's end, a 500.
EARLIEST_DAY = date(2000, 1, 1)
LATEST_DAY_AHEAD = timedelta(days=366)


def _period_errors(attrs: dict) -> dict:
    """Each date within the years the analysis covers, and each period's end after its start."""
    latest = timezone.localdate() + LATEST_DAY_AHEAD
    errors = {}
    for key, value in attrs.items():
        if isinstance(value, date) and not EARLIEST_DAY <= value <= latest:
            errors[key] = _("Choose a date between %(first)s and %(last)s.") % {
                "first": formats.date_format(EARLIEST_DAY, "SHORT_DATE_FORMAT"),
                "last": formats.date_format(latest, "SHORT_DATE_FORMAT"),
            }
    for prefix in ("", "a_", "b_"):
        since, until = attrs.get(f"{prefix}since"), attrs.get(f"{prefix}until")
        if since and until and since > until and f"{prefix}until" not in errors:
            errors[f"{prefix}until"] = _("The period ends before it starts.")
    return errors


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
        errors.update(_period_errors(attrs))
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
        hot = json.loads(hexbins(filters=filters, zoom=DENSITY_TABLE_ZOOM, cells=10, items=3))
        unit, periods = activity_series(filters=filters)
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
                "time_chart": _time_chart(unit, periods),
                "most_supported": top_contributions(filters=filters, by="supports"),
                "most_discussed": top_contributions(filters=filters, by="comments"),
                "density": _density_table(hot),
                "terms": terms,
                "export_query": "&".join(f"{k}={v}" for k, v in export_query.items()),
                "map_config": {
                    "hexbins": hexbins_url,
                    "api": reverse("engagement-api:contribution-list"),
                    "pageSize": MAX_LIMIT,
                    "filters": export_query,
                    "minCount": settings.ANALYSIS_MIN_GROUP,
                    "classes": (classes := _density_classes(hot)),
                    "zoomOffset": DENSITY_ZOOM_OFFSET,
                },
                "density_legend": classes,
                "boundary_geojson": json.loads(area_boundary_geojson(area=filters.campaign.area)),
            }
        )
    return render(
        request, "engagement/analysis/dashboard.html", context, status=200 if filters else 400
    )


# The cells' table uses the density map's cells at the zoom the dashboard's map opens at on a
# desktop (13 for Tesoma's whole area, cells asked two zooms coarser): 1000 m hexagons. The
# map says the size of the cells it shows (decision 0033).
DENSITY_TABLE_ZOOM = 11
# A bar longer than this share of its track carries its value inside, in white.
VALUE_INSIDE_AT = 70.0


def _number(n: int) -> str:
    """A count in the reader's language: "12 345" in Finnish and Swedish, "12,345" in English."""
    return formats.number_format(n, force_grouping=True)


def _bar_rows(items: list[tuple[str, str, int]]) -> list[dict]:
    """(label, detail, count) as bar rows: the bar's length as a share of the longest (text,
    in SVG's own decimal point), where its value is written, and the value in the reader's
    language."""
    top = max((count for _label, _detail, count in items), default=0) or 1
    rows = []
    for label, detail, count in items:
        share = 100 * count / top
        if count:
            share = max(share, 0.5)  # a one among thousands still shows
        rows.append(
            {
                "label": label,
                "detail": detail,
                "count": count,
                "value": _number(count),
                "share": f"{share:.1f}",
                "inside": share > VALUE_INSIDE_AT,
            }
        )
    return rows


def _alt_text(title: str, rows: list[dict]) -> str:
    """The chart in one sentence for a screen reader: "By kind: Idea 6, Need 4"."""
    parts = [" ".join(p for p in (r["label"], r["detail"], r["value"]) if p) for r in rows]
    return f"{title}: {', '.join(parts)}"


def _chart(key: str, title: str, bars: list) -> dict:
    """A horizontal bar chart with the value written at the end of each bar."""
    rows = _bar_rows([(bar.label, "", bar.count) for bar in bars])
    return {"id": key, "title": title, "rows": rows, "alt": _alt_text(title, rows)}


def _short(day) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def _time_chart(unit: str, periods: list) -> dict:
    """Contributions per day, or per ISO week ("vk 23", "v. 23", "wk 23" with its dates) for a
    longer period, as bar rows; the table rows carry comments and supports too."""
    items = []
    for p in periods:
        if unit == "week":
            label, detail = week_label(p)
        else:
            label = formats.date_format(p.day, "D")
            detail = _short(p.day)
        items.append((label, detail, p.contributions))
    rows = _bar_rows(items)
    for row, p in zip(rows, periods, strict=True):
        row["comments"] = _number(p.comments)
        row["supports"] = _number(p.supports)
        row["start"] = p.first if unit == "week" else p.day
    title = _("Contributions per week") if unit == "week" else _("Contributions per day")
    return {
        "id": "time",
        "unit": unit,
        "title": title,
        "rows": rows,
        "alt": _alt_text(title, rows),
    }


def _density_table(collection: dict) -> dict:
    """The density cells as the map's text alternative: the place nearest each cell's centre
    (or the centre's coordinates), its count and its newest contributions."""
    cells = []
    for feature in collection["features"]:
        lon, lat = feature["properties"]["centre"]
        near = place_nearest(geometry=Point(lon, lat, srid=4326), within=DENSITY_PLACE_METRES)
        cells.append(
            {
                "place": near.place.name if near else None,
                "centre": _("%(lat)s N, %(lon)s E")
                % {"lat": formats.number_format(lat, 4), "lon": formats.number_format(lon, 4)},
                "count": _number(feature["properties"]["count"]),
                "contributions": feature["properties"]["contributions"],
            }
        )
    return {
        "cells": cells,
        "size": collection["cell_size_m"],
        "min_count": collection["min_count"],
    }


# The density map asks for cells this many zooms coarser than it shows (about 160 px wide):
# at Tesoma's whole-area view 500 m hexagons, where k contributions can meet.
DENSITY_ZOOM_OFFSET = 2
# From the map's lightest to its darkest fill: the lightest 3.4:1 against the map's background
# (#eef2f4) and 3.8:1 against white (WCAG 1.4.11), the darkest 13:1.
DENSITY_LIGHT = (80, 134, 194)
DENSITY_DARK = (11, 49, 92)
DENSITY_CLASSES = 5
NICE_STEPS = (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000)


def _density_classes(collection: dict) -> list[dict]:
    """The density map's graded classes (lowest count, fill, the range in the reader's language),
    from k up in round steps to the busiest cell of the table, at most DENSITY_CLASSES."""
    k = collection["min_count"]
    top = max((f["properties"]["count"] for f in collection["features"]), default=k)
    # At least three classes, so the legend reads as a scale even while few cells reach k.
    lows = [k * step for step in NICE_STEPS if k * step <= top or step <= 5]
    if len(lows) > DENSITY_CLASSES:  # keep the first and spread the others evenly
        picks = [round(i * (len(lows) - 1) / (DENSITY_CLASSES - 1)) for i in range(5)]
        lows = [lows[i] for i in picks]
    classes = []
    for index, low in enumerate(lows):
        t = index / (len(lows) - 1) if len(lows) > 1 else 1
        rgb = [round(a + (b - a) * t) for a, b in zip(DENSITY_LIGHT, DENSITY_DARK, strict=True)]
        if index + 1 < len(lows):
            label = _("%(low)s–%(high)s") % {  # noqa: RUF001 (a range's en dash)
                "low": _number(low),
                "high": _number(lows[index + 1] - 1),
            }
        else:
            label = _("%(low)s or more") % {"low": _number(low)}
        classes.append({"min": low, "fill": "#{:02x}{:02x}{:02x}".format(*rgb), "label": label})
    return classes


# A cell is named after a place this near its centre (a 500 m hexagon is 866 m across).
DENSITY_PLACE_METRES = 300


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
