"""Open311 GeoReport v2 endpoints: discovery, services, requests (list, detail, POST)."""

import re
from collections.abc import Callable
from datetime import datetime, timedelta
from functools import wraps

from django.conf import settings
from django.contrib.gis.geos import Point
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt

from engagement.interop.open311.formats import FORMATS, SPECIFICATION, _errors, _render, _w3c
from engagement.interop.open311.selectors import (
    CHANGESET,
    CLOSED,
    _requests_public,
    _service,
    _service_code,
    _service_request,
    _theme_for_code,
    _themes_served,
)
from engagement.interop.services import api_key_check
from engagement.models import Contribution
from engagement.participation.services import TITLE_MAX, TITLE_MIN, contribution_submit
from geo.services import point_from_lon_lat

# The specification's default and largest window of GET requests, and its result limit.
WINDOW = timedelta(days=90)
MAX_REQUESTS = 1000
# `page` (with `limit`, an extension many GeoReport servers offer) goes no further than this.
MAX_PAGE = 10000
# Ids that fit PostgreSQL's bigint; anything else cannot name a contribution.
ID_PATTERN = re.compile(r"[0-9]{1,18}")
# The years a start_date or end_date may name.
EARLIEST, LATEST = 1900, 9000
# page and limit: positive whole numbers of at most six digits.
NUMBER_PATTERN = re.compile(r"[0-9]{1,6}")
# "+02:00" in a query string a client did not encode arrives as " 02:00".
UNENCODED_OFFSET = re.compile(r" (\d{2}(?::?\d{2})?)$")


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
            refusal = _jurisdiction_refusal(request, fmt)
            if refusal is not None:
                return refusal
            return view(request, fmt, **kwargs)

        return wrapper

    return decorate


def _jurisdiction_refusal(request: HttpRequest, fmt: str) -> HttpResponse | None:
    """The specification's `jurisdiction_id`: one of OPEN311_JURISDICTIONS (else 404), required
    only when the endpoint serves more than one (else 400)."""
    params = request.POST if request.method == "POST" else request.GET
    given = params.get("jurisdiction_id", "").strip()
    served = settings.OPEN311_JURISDICTIONS
    if not given:
        if len(served) > 1:
            return _errors(
                fmt,
                400,
                [
                    _("%(parameter)s is required: this endpoint serves %(values)s.")
                    % {"parameter": "jurisdiction_id", "values": ", ".join(served)}
                ],
            )
        return None
    if given.lower() not in {j.lower() for j in served}:
        return _errors(
            fmt,
            404,
            [
                _("There is no jurisdiction %(value)s here; this endpoint serves %(values)s.")
                % {"value": given[:100], "values": ", ".join(served)}
            ],
        )
    return None


def _number(request: HttpRequest, name: str, default: int, largest: int) -> int:
    """A whole number from 1 to `largest`; raises ValidationError for anything else."""
    text = request.GET.get(name, "").strip()
    if not text:
        return default
    if not NUMBER_PATTERN.fullmatch(text) or not 1 <= int(text) <= largest:
        raise ValidationError(
            _("%(parameter)s must be a whole number from 1 to %(largest)d.")
            % {"parameter": name, "largest": largest}
        )
    return int(text)


def _listed(request: HttpRequest, name: str) -> list[str]:
    """A parameter given comma-separated, repeated, or both; empty items dropped."""
    values = ",".join(request.GET.getlist(name))
    return [item.strip() for item in values.split(",") if item.strip()]


def _parse_datetime(name: str, value: str) -> datetime:
    """A W3C datetime; one without an offset is read in the site's time zone. Years outside
    EARLIEST..LATEST are refused: a 90-day window from them would leave Python's (or
    PostgreSQL's) range."""
    text = UNENCODED_OFFSET.sub(r"+\1", value.strip())
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(
            _("%(parameter)s is not a date and time in W3C format, e.g. 2010-01-01T00:00:00Z.")
            % {"parameter": name}
        ) from None
    if not EARLIEST <= moment.year <= LATEST:
        raise ValidationError(
            _("%(parameter)s must be a date between the years %(first)d and %(last)d.")
            % {"parameter": name, "first": EARLIEST, "last": LATEST}
        )
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
        served = {_service_code(theme.campaign, theme) for theme in _themes_served()}
        unknown = [code for code in codes if code not in served]
        if unknown:
            raise ValidationError(
                _("There is no service with the service_code %(codes)s.")
                % {"codes": ", ".join(code[:100] for code in unknown[:5])}
            )
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
        if request.POST.get("address_string", "").strip() or request.POST.get("address_id", ""):
            raise ValidationError(
                _("address_string and address_id are not supported here: give lat and long.")
            )
        raise ValidationError(_("lat and long are required"))
    try:
        lat_value, lon_value = float(lat), float(lon)
    except ValueError:
        raise ValidationError(_("lat and long must be decimal numbers.")) from None
    return point_from_lon_lat(lon=lon_value, lat=lat_value)


def _media_problems(request: HttpRequest) -> list[str]:
    """`media_url` must be an http(s) address (it is not fetched); an uploaded `media` file is
    refused: photos come only through the site's own API, where they are checked."""
    problems = []
    media_url = request.POST.get("media_url", "").strip()
    if media_url:
        try:
            URLValidator(schemes=["http", "https"])(media_url)
        except ValidationError:
            problems.append(
                _("%(parameter)s must be an http or https address.") % {"parameter": "media_url"}
            )
    if request.FILES:
        problems.append(
            _("Uploaded media are not accepted here: send photos through the site's API.")
        )
    return problems


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
    problems.extend(_media_problems(request))
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
            "Reading needs no key. Members of an organisation registered on the site make and "
            "revoke its keys for posting requests on the site's API keys page."
        ),
        "jurisdictions": list(settings.OPEN311_JURISDICTIONS),
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
        limit = _number(request, "limit", MAX_REQUESTS, MAX_REQUESTS)
        page = _number(request, "page", 1, MAX_PAGE)
        queryset = _requests_filtered(request)
    except ValidationError as error:
        return _errors(fmt, 400, error.messages)
    first = (page - 1) * limit
    rows = [_service_request(request, c) for c in queryset[first : first + limit]]
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
