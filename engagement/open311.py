"""Open311 GeoReport v2 (`/open311/v2/`, http://wiki.open311.org/GeoReport_v2), so existing
civic-tech clients can read and post without changes. Every endpoint answers in JSON or XML by its
extension (`.json`, `.xml`); errors use the specification's `errors` format with the same HTTP code.

What maps to what:
- jurisdiction: the whole site; `jurisdiction_id` is accepted and ignored (one jurisdiction).
- service: a theme of a campaign that is open or has public contributions. `service_code` is
  `<campaign slug>.<theme slug>`, `service_name` and `description` are the theme's (in the
  request's Accept-Language), `group` the campaign's title, `keywords` the campaign's slug,
  `metadata` false and `type` realtime. A service definition therefore has no attributes.
- service request: a public contribution (published; pending, hidden and withdrawn ones never
  appear). `status` is closed when the contribution is done or not possible, else open;
  `status_notes` the text of its latest public status change; `description` its title, a blank
  line and its body (the body alone when it begins with the title, as for requests posted here,
  so a client reads back what it sent), at most 4,000 characters as the specification limits it;
  `agency_responsible` the name of the campaign's area; `lat`/`long` its PUBLIC location
  (`geo.selectors.public_geometry`: a point off the exact-location choice sits at the centre of
  its 100 m cell; a route or an area gives its centroid, computed by PostGIS); `media_url` the
  first photo a moderator has not hidden; `updated_datetime` the latest of the last change and
  the last status change (for closed requests, when they were closed).
- GET requests: `service_request_id` (comma-separated, overrides every other parameter),
  `service_code` and `status` (comma-separated or repeated), `start_date`/`end_date` (W3C
  datetimes; a range may not span more than 90 days; one of them alone makes a 90-day window from
  it; neither means the last 90 days). Newest first, at most MAX_REQUESTS (1,000).
- POST requests (form-encoded, no CSRF token: the API key authenticates): a need filed under the
  service's theme through `engagement.services.contribution_submit`, on behalf of the key's
  participant, in the request's language, with the exact location kept private as by default.
  The title is the description's first line, so `description` is required.

Not supported: `address_string` and `address_id` without `lat`/`long` (400), `media_url` on POST
(a remote URL is not fetched: photos are only accepted as checked uploads through the site's own
API), `attribute[...]` (no service has attributes), batch tokens (`tokens/<token>`: every
service is realtime), and service request fields this site does not have (`address`,
`address_id`, `zipcode`, `service_notice`, `expected_datetime` are empty). `email`, `first_name`,
`last_name`, `phone`, `device_id` and `account_id` are accepted and not stored: the integration
behind the key answers for its users, and the site keeps no personal data it does not need.
"""

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps
from zoneinfo import ZoneInfo

from django.contrib.gis.db.models.functions import Centroid
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.db.models import Exists, F, FloatField, Func, OuterRef, Q, QuerySet, Subquery
from django.http import HttpRequest, HttpResponse
from django.urls import path, re_path, reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from geo.selectors import public_geometry
from geo.services import point_from_lon_lat

from .models import Campaign, Contribution, Photo, StatusChange, Theme
from .selectors import contributions_public
from .services import TITLE_MAX, TITLE_MIN, api_key_check, contribution_submit

app_name = "open311"

FORMATS = ("json", "xml")
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# When this interface last changed, for the discovery document (Finnish time, as the site's).
CHANGESET = datetime(2026, 11, 25, tzinfo=ZoneInfo("Europe/Helsinki"))
# The specification's default and largest window of GET requests, and its result limit.
WINDOW = timedelta(days=90)
MAX_REQUESTS = 1000
DESCRIPTION_MAX = 4000
CLOSED = (Contribution.Status.DONE, Contribution.Status.NOT_POSSIBLE)

XML_DECLARATION = '<?xml version="1.0" encoding="utf-8"?>'
# The element each item of a list is written in, by the list's element name.
XML_ITEMS = {
    "services": "service",
    "service_requests": "request",
    "errors": "error",
    "endpoints": "endpoint",
    "formats": "format",
    "attributes": "attribute",
}
# Characters XML 1.0 cannot carry at all; a resident's text may hold them (pasted control codes).
XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
# Ids that fit PostgreSQL's bigint; anything else cannot name a contribution.
ID_PATTERN = re.compile(r"[0-9]{1,18}")
# "+02:00" in a query string a client did not encode arrives as " 02:00".
UNENCODED_OFFSET = re.compile(r" (\d{2}(?::?\d{2})?)$")


# Formats ------------------------------------------------------------------------------------


def _xml_fill(element: ET.Element, value: object) -> None:
    if isinstance(value, dict):
        for key, item in value.items():
            _xml_fill(ET.SubElement(element, key), item)
    elif isinstance(value, list):
        for item in value:
            _xml_fill(ET.SubElement(element, XML_ITEMS[element.tag]), item)
    elif isinstance(value, bool):
        element.text = "true" if value else "false"
    elif value is not None:
        element.text = XML_INVALID.sub("", str(value))


def _render(fmt: str, root: str, value: object, status: int = 200) -> HttpResponse:
    """The document in JSON (the Spark convention: no root element) or in XML under `root`."""
    if fmt == "xml":
        element = ET.Element(root)
        _xml_fill(element, value)
        text = XML_DECLARATION + ET.tostring(element, encoding="unicode")
        content_type = "text/xml; charset=utf-8"
    else:
        text = json.dumps(value)
        content_type = "application/json; charset=utf-8"
    return HttpResponse(text.encode("utf-8"), content_type=content_type, status=status)


def _errors(fmt: str, status: int, descriptions: list[str]) -> HttpResponse:
    """The specification's error document: one error per description, coded with the status."""
    errors = [{"code": status, "description": str(text)} for text in descriptions]
    return _render(fmt, "errors", errors, status)


def _w3c(moment: datetime | None) -> str | None:
    """A W3C datetime in the site's time zone with its offset, e.g. 2026-11-25T18:30:00+02:00."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(microsecond=0).isoformat()


def _endpoint(*methods: str) -> Callable:
    """Checks the format extension (404) and the method (405), answering in the error format."""

    def decorate(view: Callable) -> Callable:
        @wraps(view)
        def wrapper(request: HttpRequest, fmt: str, **kwargs: str) -> HttpResponse:
            fmt = fmt.lower()
            if fmt not in FORMATS:
                return _errors("json", 404, [_("This format is not offered: use .json or .xml.")])
            allowed = (*methods, "HEAD") if "GET" in methods else methods
            if request.method not in allowed:
                response = _errors(fmt, 405, [_("This method is not allowed here.")])
                response["Allow"] = ", ".join(allowed)
                return response
            return view(request, fmt, **kwargs)

        return wrapper

    return decorate


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


def _listed(request: HttpRequest, name: str) -> list[str]:
    """A parameter given comma-separated, repeated, or both; empty items dropped."""
    values = ",".join(request.GET.getlist(name))
    return [item.strip() for item in values.split(",") if item.strip()]


def _parse_datetime(name: str, value: str) -> datetime:
    """A W3C datetime; one without an offset is read in the site's time zone."""
    text = UNENCODED_OFFSET.sub(r"+\1", value.strip())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("%(parameter)s is not a date and time in W3C format, e.g. 2010-01-01T00:00:00Z.")
            % {"parameter": name}
        ) from None
    if timezone.is_naive(moment):
        moment = timezone.make_aware(moment)
    return moment


def _window(request: HttpRequest) -> tuple[datetime, datetime | None]:
    """The requested_datetime range: the specification's 90 days unless dates narrow it."""
    start_text = request.GET.get("start_date", "").strip()
    end_text = request.GET.get("end_date", "").strip()
    start = _parse_datetime("start_date", start_text) if start_text else None
    end = _parse_datetime("end_date", end_text) if end_text else None
    if start and end:
        if start > end:
            raise ValidationError(_("start_date must not be later than end_date."))
        if end - start > WINDOW:
            raise ValidationError(
                _("start_date and end_date may not be more than %(days)d days apart.")
                % {"days": WINDOW.days}
            )
        return start, end
    if start:
        return start, start + WINDOW
    if end:
        return end - WINDOW, end
    return timezone.now() - WINDOW, None


def _requests_filtered(request: HttpRequest) -> QuerySet[Contribution]:
    """Public requests matching the GET parameters; raises ValidationError for bad ones."""
    qs = _requests_public()
    ids = _listed(request, "service_request_id")
    if ids:
        # The specification: a list of ids overrides every other parameter.
        return qs.filter(pk__in=[int(i) for i in ids if ID_PATTERN.fullmatch(i)])
    codes = _listed(request, "service_code")
    if codes:
        matches = Q(pk__in=[])
        for code in codes:
            campaign_slug, _dot, theme_slug = code.partition(".")
            matches |= Q(campaign__slug=campaign_slug, theme__slug=theme_slug)
        qs = qs.filter(matches)
    statuses = {status.lower() for status in _listed(request, "status")}
    if not statuses <= {"open", "closed"}:
        raise ValidationError(_("status must be open, closed, or both separated by a comma."))
    if statuses == {"open"}:
        qs = qs.exclude(status__in=CLOSED)
    elif statuses == {"closed"}:
        qs = qs.filter(status__in=CLOSED)
    start, end = _window(request)
    qs = qs.filter(created_at__gte=start)
    if end is not None:
        qs = qs.filter(created_at__lte=end)
    return qs


def _title_from(description: str) -> str:
    """The description's first line, cut to the longest title; a first line too short for a
    title is made longer from the rest of the description."""
    text = description.strip()
    title = text.splitlines()[0].strip()[:TITLE_MAX].rstrip() if text else ""
    if len(title) < TITLE_MIN:
        title = " ".join(text.split())[:TITLE_MAX].rstrip()
    return title


def _location(request: HttpRequest) -> Point:
    """The WGS 84 point of `lat` and `long`; raises ValidationError for missing or bad ones."""
    lat, lon = request.POST.get("lat", "").strip(), request.POST.get("long", "").strip()
    if not (lat and lon):
        raise ValidationError(_("lat and long are required"))
    try:
        lat_value, lon_value = float(lat), float(lon)
    except ValueError:
        raise ValidationError(_("lat and long must be decimal numbers.")) from None
    return point_from_lon_lat(lon=lon_value, lat=lat_value)


def _request_create(request: HttpRequest, fmt: str) -> HttpResponse:
    """POST a service request: a need under the service's theme, sent with an API key."""
    key = request.POST.get("api_key", "").strip()
    if not key:
        return _errors(fmt, 403, [_("%(parameter)s is required.") % {"parameter": "api_key"}])
    api_key = api_key_check(key=key)
    if api_key is None:
        return _errors(fmt, 403, [_("This api_key is unknown or revoked.")])
    problems: list[str] = []
    code = request.POST.get("service_code", "").strip()
    if not code:
        problems.append(_("%(parameter)s is required.") % {"parameter": "service_code"})
    try:
        location = _location(request)
    except ValidationError as error:
        problems.extend(error.messages)
    description = request.POST.get("description", "").strip()
    if not description:
        problems.append(_("%(parameter)s is required.") % {"parameter": "description"})
    if problems:
        return _errors(fmt, 400, problems)
    theme = _theme_for_code(code)
    if theme is None:
        return _errors(fmt, 404, [_("There is no service with this service_code.")])
    try:
        contribution = contribution_submit(
            campaign=theme.campaign,
            participant=api_key.participant,
            kind=Contribution.Kind.NEED,
            theme=theme,
            title=_title_from(description),
            body=description,
            geometry=location,
            language=get_language() or "",
        )
    except ValidationError as error:
        return _errors(fmt, 400, error.messages)
    created = {"service_request_id": str(contribution.pk), "service_notice": "", "account_id": None}
    return _render(fmt, "service_requests", [created], 201)


# Views --------------------------------------------------------------------------------------


@_endpoint("GET")
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    """Where this GeoReport v2 endpoint is, and whom to ask about it."""
    base = reverse("open311:discovery", kwargs={"fmt": fmt}).rsplit("/", 1)[0]
    document = {
        "changeset": _w3c(CHANGESET),
        "contact": _("Questions and problems: the feedback form of the accessibility page, %(url)s")
        % {"url": request.build_absolute_uri(reverse("engagement:accessibility"))},
        "key_service": _(
            "Reading needs no key. Keys for posting requests are given by the site's "
            "administrators."
        ),
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": request.build_absolute_uri(base),
                "changeset": _w3c(CHANGESET),
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return _render(fmt, "discovery", document)


@_endpoint("GET")
def service_list(request: HttpRequest, fmt: str) -> HttpResponse:
    """One service per theme of the campaigns whose requests can be read or made."""
    return _render(fmt, "services", [_service(theme) for theme in _themes_served()])


@_endpoint("GET")
def service_detail(request: HttpRequest, fmt: str, service_code: str) -> HttpResponse:
    """No service has metadata, so a definition is its code and no attributes."""
    if _theme_for_code(service_code) is None:
        return _errors(fmt, 404, [_("There is no service with this service_code.")])
    return _render(fmt, "service_definition", {"service_code": service_code, "attributes": []})


@csrf_exempt
@_endpoint("GET", "POST")
def request_list(request: HttpRequest, fmt: str) -> HttpResponse:
    """GET: public contributions as service requests, newest first. POST: a new request."""
    if request.method == "POST":
        return _request_create(request, fmt)
    try:
        queryset = _requests_filtered(request)
    except ValidationError as error:
        return _errors(fmt, 400, error.messages)
    rows = [_service_request(request, c) for c in queryset[:MAX_REQUESTS]]
    return _render(fmt, "service_requests", rows)


@_endpoint("GET")
def request_detail(request: HttpRequest, fmt: str, service_request_id: str) -> HttpResponse:
    """One public service request, in a list as the specification answers it."""
    contribution = None
    if ID_PATTERN.fullmatch(service_request_id):
        contribution = _requests_public().filter(pk=int(service_request_id)).first()
    if contribution is None:
        return _errors(fmt, 404, [_("There is no public service request with this id.")])
    return _render(fmt, "service_requests", [_service_request(request, contribution)])


def not_found(request: HttpRequest, rest: str) -> HttpResponse:
    """Any other path under the endpoint: 404 in the error format its extension asks for."""
    fmt = "xml" if rest.lower().endswith(".xml") else "json"
    return _errors(fmt, 404, [_("There is no such resource in this Open311 endpoint.")])


urlpatterns = [
    path("discovery.<str:fmt>", discovery, name="discovery"),
    path("services.<str:fmt>", service_list, name="service-list"),
    # A service code holds a dot itself: the format is what follows the last one.
    re_path(
        r"^services/(?P<service_code>[^/]+)\.(?P<fmt>[^./]+)$",
        service_detail,
        name="service-detail",
    ),
    path("requests.<str:fmt>", request_list, name="request-list"),
    re_path(
        r"^requests/(?P<service_request_id>[^/.]+)\.(?P<fmt>[^./]+)$",
        request_detail,
        name="request-detail",
    ),
    re_path(r"^(?P<rest>.*)$", not_found, name="not-found"),
]
