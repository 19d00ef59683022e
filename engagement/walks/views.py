"""The facilitator's pages (`/campaigns/<slug>/walks/`): start a walk, show its code and join
link, list its pins, end it, download them. Every page checks the facilitator on the server."""

import json

import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagement.common.forms import add_service_errors
from engagement.common.site import site_url
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.walks import services
from engagement.walks.forms import WalkStartForm
from engagement.walks.selectors import (
    campaign_facilitated_or_refuse,
    walk_pin_rows,
    walk_pins_geojson,
    walk_session_of,
    walk_sessions_of,
)
from geo.selectors import area_boundary_geojson


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def walk_list(request: HttpRequest, slug: str) -> HttpResponse:
    """The campaign's walks, and the form that starts one."""
    campaign = campaign_facilitated_or_refuse(user=request.user, slug=slug)
    form = WalkStartForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            session = services.walk_session_start(
                actor=request.user, campaign=campaign, title=form.cleaned_data["title"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("The walk has started. Show its code to the group."))
            return redirect(session.get_absolute_url())
    return render(
        request,
        "engagement/walks/list.html",
        {"campaign": campaign, "form": form, "sessions": walk_sessions_of(campaign=campaign)},
        status=400 if form.errors else 200,
    )


def _join_link(request: HttpRequest, session) -> str:
    return site_url(request) + f"{session.campaign.get_absolute_url()}?walk={session.code}"


@login_required
@require_http_methods(["GET", "HEAD"])
def walk_detail(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The code large, the join link and its QR code, and the walk's pins (list and map)."""
    campaign = campaign_facilitated_or_refuse(user=request.user, slug=slug)
    session = walk_session_of(campaign=campaign, code=code)
    link = _join_link(request, session)
    rows = walk_pin_rows(session=session)
    qr = segno.make(link, error="m").svg_inline(scale=6, border=2, omitsize=True)
    return render(
        request,
        "engagement/walks/detail.html",
        {
            "campaign": campaign,
            "session": session,
            "join_link": link,
            "qr_svg": qr,
            "rows": rows,
            "pins_geojson": walk_pins_geojson(rows),
            "boundary_geojson": json.loads(area_boundary_geojson(area=campaign.area)),
        },
    )


@login_required
@require_POST
def walk_end(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    campaign = campaign_facilitated_or_refuse(user=request.user, slug=slug)
    session = services.walk_session_end(
        actor=request.user, session=walk_session_of(campaign=campaign, code=code)
    )
    messages.success(request, _("The walk has ended. Pins made during it can still be sent."))
    return redirect(session.get_absolute_url())


@login_required
@require_http_methods(["GET", "HEAD"])
def walk_csv(request: HttpRequest, slug: str, code: str) -> HttpResponse:
    """The walk's pins as CSV (public locations, no authors)."""
    campaign = campaign_facilitated_or_refuse(user=request.user, slug=slug)
    session = walk_session_of(campaign=campaign, code=code)
    header = ["id", "title", "theme", "kind", "moderation", "area", "lat", "lon", "created_at"]
    rows = (
        (
            r.pk,
            r.title,
            r.theme,
            r.kind,
            "pending" if r.pending else "published",
            r.area,
            r.lat,
            r.lon,
            r.created_at.isoformat(),
        )
        for r in walk_pin_rows(session=session)
    )
    response = StreamingHttpResponse(
        csv_chunks(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="yhdessa-walk-{session.code}.csv"'
    return response
