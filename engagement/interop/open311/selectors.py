"""Open311's view of the data: themes as services, public contributions as service requests."""

from datetime import datetime
from zoneinfo import ZoneInfo

from django.contrib.gis.db.models.functions import Centroid
from django.db.models import Exists, F, FloatField, Func, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest
from django.utils import timezone

from engagement.interop.open311.formats import _w3c
from engagement.models import Campaign, Contribution, Photo, StatusChange, Theme
from engagement.participation.selectors import contributions_public
from geo.selectors import public_geometry

# When this interface last changed, for the discovery document (Finnish time, as the site's).
CHANGESET = datetime(2026, 11, 25, tzinfo=ZoneInfo("Europe/Helsinki"))
DESCRIPTION_MAX = 4000
CLOSED = (Contribution.Status.DONE, Contribution.Status.NOT_POSSIBLE)


# Services -----------------------------------------------------------------------------------


def _service_code(campaign: Campaign, theme: Theme) -> str:
    return f"{campaign.slug}.{theme.slug}"


def _themes_served() -> QuerySet[Theme]:
    """Themes of campaigns open now or with public contributions, whose requests can be read."""
    now = timezone.now()
    open_now = Q(opens_at__lte=now) & (Q(closes_at=None) | Q(closes_at__gt=now))
    has_public = Exists(contributions_public().filter(campaign=OuterRef("pk")))
    campaigns = Campaign.objects.filter(open_now | Q(has_public))
    return Theme.objects.filter(campaign__in=campaigns).select_related("campaign")


def _theme_for_code(code: str) -> Theme | None:
    campaign_slug, dot, theme_slug = code.partition(".")
    if not dot:
        return None
    return (
        _themes_served()
        .select_related("campaign__area")
        .filter(campaign__slug=campaign_slug, slug=theme_slug)
        .first()
    )


def _service(theme: Theme) -> dict:
    return {
        "service_code": _service_code(theme.campaign, theme),
        "service_name": theme.name,
        "description": theme.description,
        "metadata": False,
        "type": "realtime",
        "keywords": theme.campaign.slug,
        "group": theme.campaign.title,
    }


# Service requests ---------------------------------------------------------------------------


class _X(Func):
    function = "ST_X"
    output_field = FloatField()


class _Y(Func):
    function = "ST_Y"
    output_field = FloatField()


def _requests_public() -> QuerySet[Contribution]:
    """Public contributions with what a service request shows, newest first.

    The place is the public one: a point the author kept private is at the centre of its grid
    cell; a route or an area is summed up by the centroid of its shape.
    """
    changes = StatusChange.objects.filter(contribution=OuterRef("pk")).order_by(
        "-created_at", "-id"
    )
    photos = Photo.objects.filter(contribution=OuterRef("pk"), hidden=False).order_by(
        "position", "id"
    )
    place = Centroid(public_geometry("geometry", "exact_location_public"))
    return (
        contributions_public()
        .select_related("campaign", "theme")
        .defer("geometry", "search")
        .annotate(
            status_notes=Subquery(changes.values("text")[:1]),
            status_changed_at=Subquery(changes.values("created_at")[:1]),
            photo=Subquery(photos.values("image")[:1]),
            agency=F("campaign__area__name"),
            public_long=_X(place),
            public_lat=_Y(place),
        )
        .order_by("-created_at", "-id")
    )


def _description(title: str, body: str) -> str:
    text = body if body.startswith(title) else f"{title}\n\n{body}"
    if len(text) > DESCRIPTION_MAX:
        text = text[: DESCRIPTION_MAX - 1] + "…"
    return text


def _service_request(request: HttpRequest, contribution: Contribution) -> dict:
    closed = contribution.status in CLOSED
    changed_at = contribution.status_changed_at
    if closed and changed_at is not None:
        updated = changed_at
    else:
        updated = max(filter(None, (contribution.updated_at, changed_at)))
    media_url = ""
    if contribution.photo:
        storage = Photo._meta.get_field("image").storage
        media_url = request.build_absolute_uri(storage.url(contribution.photo))
    return {
        "service_request_id": str(contribution.pk),
        "status": "closed" if closed else "open",
        "status_notes": contribution.status_notes or "",
        "service_name": contribution.theme.name,
        "service_code": _service_code(contribution.campaign, contribution.theme),
        "description": _description(contribution.title, contribution.body),
        "agency_responsible": contribution.agency or "",
        "service_notice": "",
        "requested_datetime": _w3c(contribution.created_at),
        "updated_datetime": _w3c(updated),
        "expected_datetime": None,
        "address": "",
        "address_id": "",
        "zipcode": "",
        "lat": round(contribution.public_lat, 6),
        "long": round(contribution.public_long, 6),
        "media_url": media_url,
    }
