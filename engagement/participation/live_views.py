"""The live screen of a workshop (docs/decisions/0049): the page, its server-sent events, and
the JSON door a screen polls when the events do not get through.

What they show comes from `engagement.participation.live`, which reads the public selectors:
the live screen shows what the public map shows, at the public location, and no personal data.
"""

import json

import segno
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from engagement.common.site import site_url
from engagement.models import Campaign
from engagement.participation.api import MAX_LIMIT
from engagement.participation.live import (
    live_campaign,
    live_changes,
    live_cursor,
    live_event_stream,
    live_theme_counts,
)
from engagement.participation.selectors import ContributionFilters, contributions_filtered
from geo.selectors import area_boundary_geojson

LATEST = 5  # pins in the text list beside the map
CURSOR_DIGITS = 18  # a bigint's cursor; a longer one is nonsense


def _campaign_or_404(slug: str) -> Campaign:
    campaign = live_campaign(slug=slug)
    if campaign is None:
        raise Http404(_("There is no such campaign."))
    return campaign


def _qr_svg(url: str) -> str:
    """The campaign's address as a QR code, inline SVG named for screen readers."""
    label = escape(_("QR code: opens %(url)s") % {"url": url})
    svg = segno.make(url, error="m").svg_inline(
        scale=8, dark="#000000", light="#ffffff", svgclass="live-qr-code", omitsize=True
    )
    return mark_safe(svg.replace("<svg ", f'<svg role="img" aria-label="{label}" ', 1))  # noqa: S308


@require_GET
def campaign_live(request: HttpRequest, slug: str) -> HttpResponse:
    """The live screen: the campaign map full screen, counts by theme, the newest pins as text,
    a QR code to the campaign page, and the connection's state."""
    campaign = _campaign_or_404(slug)
    cursor = live_cursor(campaign=campaign)
    counts = live_theme_counts(campaign=campaign)
    themes = [
        {"slug": t.slug, "name": t.name, "color": t.color, "count": counts.get(t.slug, 0)}
        for t in campaign.themes.all()
    ]
    latest = contributions_filtered(filters=ContributionFilters(campaign=campaign)).select_related(
        "theme", "place", "area"
    )[:LATEST]
    campaign_url = site_url(request) + campaign.get_absolute_url()
    events = reverse("engagement:campaign-live-events", kwargs={"slug": campaign.slug})
    changes = reverse("engagement:campaign-live-changes", kwargs={"slug": campaign.slug})
    return render(
        request,
        "engagement/live.html",
        {
            "campaign": campaign,
            "themes": themes,
            "total": sum(counts.values()),
            "latest": latest,
            "campaign_url": campaign_url,
            "qr_svg": _qr_svg(campaign_url),
            "boundary_geojson": json.loads(area_boundary_geojson(area=campaign.area)),
            "live_config": {
                "campaign": campaign.slug,
                "api": reverse("engagement-api:contribution-list"),
                "pageSize": MAX_LIMIT,
                "events": events,
                "changes": changes,
                "cursor": cursor,
                "latest": LATEST,
                "themes": {t["slug"]: {"name": t["name"], "color": t["color"]} for t in themes},
            },
        },
    )


def _cursor(request: HttpRequest, campaign: Campaign) -> int | None:
    """Where the screen left off: the `Last-Event-ID` an EventSource sends when it comes back,
    else `?after=`, else now; None for nonsense. A cursor beyond the newest change (a database
    restored from an older backup) is taken as the newest."""
    raw = request.headers.get("Last-Event-ID") or request.GET.get("after")
    newest = live_cursor(campaign=campaign)
    if raw is None or raw == "":
        return newest
    if not (raw.isascii() and raw.isdigit() and len(raw) <= CURSOR_DIGITS):
        return None
    return min(int(raw), newest)


def _bad_cursor() -> HttpResponse:
    return HttpResponse(
        _("The position in the stream must be a whole number."),
        status=400,
        content_type="text/plain; charset=utf-8",
    )


@require_GET
def campaign_live_events(request: HttpRequest, slug: str) -> HttpResponse:
    """`text/event-stream` of the campaign's public changes (`pin`, `remove`, `counts`), each
    change's id its cursor; it ends after LIVE_STREAM_SECONDS and the browser comes back."""
    campaign = _campaign_or_404(slug)
    after = _cursor(request, campaign)
    if after is None:
        return _bad_cursor()
    response = StreamingHttpResponse(
        live_event_stream(campaign=campaign, after=after), content_type="text/event-stream"
    )
    response["Cache-Control"] = "no-cache, no-store"
    response["X-Accel-Buffering"] = "no"  # nginx: pass each event on at once
    return response


@require_GET
def campaign_live_changes(request: HttpRequest, slug: str) -> HttpResponse:
    """The same changes as JSON, for a screen whose event stream does not get through:
    `{"cursor": n, "events": [{"cursor", "type", "feature" | "id"}], "counts": {...}, "total": n}`
    (a `pin` carries the feature, a `remove` the contribution's id)."""
    campaign = _campaign_or_404(slug)
    after = _cursor(request, campaign)
    if after is None:
        return _bad_cursor()
    cursor, events = live_changes(campaign=campaign, after=after)
    counts = live_theme_counts(campaign=campaign)
    body = {
        "cursor": cursor,
        "events": [{"cursor": e.id, "type": e.type, **json.loads(e.data)} for e in events],
        "counts": counts,
        "total": sum(counts.values()),
    }
    response = JsonResponse(body)
    response["Cache-Control"] = "no-store"
    return response
