"""Reads of walk sessions: a code typed by a resident, a campaign's sessions, a session's pins."""

import json
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from engagement.models import Campaign, Contribution, WalkSession
from engagement.models.walks import WALK_CODE_ALPHABET
from engagement.participation.selectors import contribution_public_location
from engagement.rules import can_facilitate

# Shown to the facilitator: waiting for moderation (labelled) and published. Hidden and
# withdrawn pins are not theirs to see (a moderator sees them in the moderation pages).
SHOWN_STATES = (Contribution.ModerationState.PENDING, Contribution.ModerationState.PUBLISHED)
CODE_MAX = 32  # longer text is no code: refused without a query


def walk_code_normalise(code: str | None) -> str:
    """A typed code as stored: trimmed, without inner spaces or dashes, in capitals."""
    return "".join((code or "").split()).replace("-", "").upper()


def walk_session_for_code(*, campaign: Campaign, code: str) -> tuple[WalkSession | None, str]:
    """The session a pin with this code joins, and why not (an empty string when it may).
    An empty code is no session and no refusal."""
    code = walk_code_normalise(code)
    if not code:
        return None, ""
    unknown = _("There is no walk with this code in this campaign. Check the code.")
    if len(code) > CODE_MAX or any(c not in WALK_CODE_ALPHABET for c in code):
        return None, unknown
    session = (
        WalkSession.objects.filter(code=code, campaign=campaign).select_related("campaign").first()
    )
    if session is None:
        return None, unknown
    if not session.accepts_pins():
        return None, _("This walk has ended and no longer takes pins.")
    return session, ""


def walk_sessions_of(*, campaign: Campaign) -> QuerySet[WalkSession]:
    """A campaign's sessions, newest first, with how many pins each shows its facilitator."""
    return (
        WalkSession.objects.filter(campaign=campaign)
        .select_related("campaign")
        .annotate(
            pins=Count("contributions", filter=Q(contributions__moderation_state__in=SHOWN_STATES))
        )
    )


def campaign_facilitated_or_refuse(*, user, slug: str) -> Campaign:
    """The campaign, if the user may run its walks; 404 when there is none, 403 otherwise."""
    campaign = Campaign.objects.select_related("area").filter(slug=slug).first()
    if campaign is None:
        raise Http404
    if not can_facilitate(user, campaign):
        raise PermissionDenied(_("Only the campaign's facilitators and moderators run walks."))
    return campaign


def walk_session_of(*, campaign: Campaign, code: str) -> WalkSession:
    """One session of the campaign by its code (any case), or 404."""
    session = (
        WalkSession.objects.filter(campaign=campaign, code=walk_code_normalise(code)[:CODE_MAX])
        .select_related("campaign")
        .first()
    )
    if session is None:
        raise Http404
    return session


def walk_session_pins(*, session: WalkSession) -> QuerySet[Contribution]:
    """The session's pins the facilitator sees, newest first, at their public location (the
    privacy cell's centre unless the author made the exact point public): never the author."""
    return (
        Contribution.objects.filter(walk_session=session, moderation_state__in=SHOWN_STATES)
        .select_related("theme", "area", "place")
        .annotate(shown_location=contribution_public_location())
        .order_by("-created_at", "-id")
    )


@dataclass(frozen=True)
class PinRow:
    """One pin as the facilitator's list, map and CSV show it."""

    pk: int
    title: str
    theme: str
    colour: str
    kind: str
    kind_label: str
    pending: bool
    area: str
    lat: float | None
    lon: float | None
    geojson: dict
    created_at: object


def walk_pin_rows(*, session: WalkSession) -> list[PinRow]:
    rows = []
    for pin in walk_session_pins(session=session):
        where = pin.shown_location
        point = where if where.geom_type == "Point" else where.point_on_surface
        rows.append(
            PinRow(
                pk=pin.pk,
                title=pin.title,
                theme=pin.theme.name,
                colour=pin.theme.color,
                kind=pin.kind,
                kind_label=str(pin.get_kind_display()),
                pending=pin.moderation_state == Contribution.ModerationState.PENDING,
                area=pin.area.name if pin.area_id else "",
                lat=round(point.y, 5),
                lon=round(point.x, 5),
                geojson=json.loads(where.geojson),
                created_at=pin.created_at,
            )
        )
    return rows


def walk_pins_geojson(rows: list[PinRow]) -> dict:
    """The pins for the small map (static/js/walk-session.js)."""
    return {
        "type": "FeatureCollection",
        "features": [
            {
                "type": "Feature",
                "id": row.pk,
                "geometry": row.geojson,
                "properties": {"title": row.title, "kind": row.kind, "color": row.colour},
            }
            for row in rows
        ],
    }
