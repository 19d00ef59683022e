"""Every address answers strange input with a 4xx, never a server error.

The sweep walks every URL pattern of the site (the admin aside: Django's own, staff only) and
sends each one nasty values: in its path parameters, in every query and form parameter the
views read, as lists where one value is expected, and, under /api/, as JSON bodies. It does so
anonymously and signed in as an official who moderates and analyses the campaign, edits the
toolkit and runs the organisation's pilots, so the forms behind the sign-in are reached too.

A JSON body goes with every method an API view defines; a method it does not define is refused
by DRF before the body is read, so it gets two bodies and must answer that refusal (401, 403 or
405): the other 26 bodies cost 2,700 requests, an eighth of the sweep, for one answer.
"""

import json
import re
from urllib.parse import quote

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver, resolve
from rest_framework.views import APIView

from tests.factories import (
    CommentFactory,
    PhotoFactory,
    PilotFactory,
    RoleFactory,
    StoryFactory,
    WalkSessionFactory,
    WorkshopPlanFactory,
    toolkit_editors_group,
)

pytestmark = pytest.mark.django_db

NASTY = [
    "a\x00b",
    "%00",
    "x" * 5000,
    str(2**64),
    "-1",
    "²",  # a digit to str.isdigit(), not to int(): int("²") raises
    "1e309",
    "NaN",
    "ÅÄÖ 漢字 🙂 \u202e",
    "../../etc/passwd",
    "'\"<>;[]",
    '{"type": "Point", "coordinates": [23.63, 61.5, 1, 2]}',
]
# Every name a view reads from a query string or a form (and a few a client might guess).
PARAMETERS = [
    *("q", "campaign", "area", "theme", "kind", "status", "state", "flagged", "bbox", "sort"),
    *("limit", "offset", "page", "zoom", "format", "since", "until", "next", "contribution"),
    *("a_since", "a_until", "a_area", "b_since", "b_until", "b_area", "service_code"),
    *("service_request_id", "start_date", "end_date", "jurisdiction_id", "api_key", "lat"),
    *("long", "lon", "geometry", "description", "title", "body", "website", "idempotency_key"),
    *("exact_location_public", "comment", "reason", "text", "action", "original", "note"),
    *("duplicate-original", "correct-title", "block-reason", "single", "ids", "bulk_action"),
    *("bulk_reason", "pilot", "decision", "parent", "reply_to", "photo", "photos", "email"),
    *("message", "page_url", "rating", "remove_contributions", "confirm", "organisation"),
    *("starts_on", "ends_on", "hypothesis", "asks", "planned_methods", "measures", "actuals"),
    "after",  # the live screen's cursor (engagement/participation/live_views.py)
    *("narrative", "next_step", "outcome", "methods", "stories", "preview_language", "name"),
    *("business_id", "members", "slug", "password", "login", "key", "token", "remember"),
    *("unit", "moved", "added", "way", "item", "proposal", "suggest"),
    *("address_id", "address_string", "media_url"),
    *("walk", "walk_code"),
]
# Strange JSON bodies, and the same parameters with strange JSON values.
JSON_BODIES = [
    "[" * 100_000 + "]" * 100_000,
    '{"a":' * 100_000 + "1" + "}" * 100_000,
    "[1]",
    '"text"',
    "1e309",
    '{"a": NaN}',
    "9" * 5000,
    "{",
    b"\xff\xfe\x00",
]
JSON_VALUES = [2**64, -1, 1e308, None, True, [], {}, ["a", "b"], {"type": "Point"}, "a\x00b"]
GEOMETRIES = [
    {"type": "Point", "coordinates": [23.63, 61.5, 100]},
    {"type": "Point", "coordinates": [23.63, 61.5, 100, 7]},
    {"type": "LineString", "coordinates": [[23.63, 61.5, 1], [23.64, 61.5, 1]]},
    {"type": "Point", "coordinates": [1e308, 1e308]},
    {"type": "Point", "coordinates": [10**400 // 10**390, "x"]},
    {"type": "Polygon", "coordinates": []},
    {"type": "Polygon", "coordinates": [[[23.63, 61.5], [23.64, 61.5], [23.63, 61.5]]]},
    {"type": "GeometryCollection", "geometries": []},
    {"type": "Point", "coordinates": [[[[[]]]]]},
]


def _routes(patterns=None, prefix: str = "") -> list[str]:
    found = []
    for pattern in patterns if patterns is not None else get_resolver().url_patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            if not route.startswith("admin/"):
                found.extend(_routes(pattern.url_patterns, route))
        elif isinstance(pattern, URLPattern):
            found.append(route)
    return found


ROUTES = _routes()
_CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
_GROUP = re.compile(r"\(\?P<(\w+)>[^)]*\)")


def _fill(route: str, value: str) -> str:
    """A path for the route with `value` in every parameter (Django's regex routes too)."""
    route = _CONVERTER.sub(lambda m: value, route)
    if route.startswith("^") or "(?P<" in route:
        route = _GROUP.sub(lambda m: value, route)
        route = re.sub(r"\\(.)", r"\1", route).replace("^", "").replace("$", "")
    return "/" + route


@pytest.fixture
def world(campaign, theme, contribution, moderator, organisation, organisation_member):
    """Something behind every kind of address, and an official who may see it all."""
    RoleFactory(user=moderator, kind="analyst", campaign=campaign)
    moderator.groups.add(toolkit_editors_group())
    organisation.members.add(moderator)
    comment = CommentFactory(contribution=contribution)
    photo = PhotoFactory(contribution=contribution)
    pilot = PilotFactory(organisation=organisation, campaign=campaign)
    story = StoryFactory()
    plan = WorkshopPlanFactory()
    walk = WalkSessionFactory(campaign=campaign, code="WAKE23")  # the moderator facilitates too
    return {
        # The row each kind of address names, and the others' ids too.
        "kinds": {"pilots": pilot.pk, "comments": comment.pk, "photos": photo.pk},
        "contribution": contribution.pk,
        "ids": [str(i) for i in sorted({contribution.pk, comment.pk, photo.pk, pilot.pk})],
        "names": [campaign.slug, campaign.area.slug, story.slug, plan.token, "json", "method"],
        # A walk's pages name the campaign and the walk's code.
        "walk": f"campaigns/{campaign.slug}/walks/{walk.code}/",
    }


@pytest.fixture(autouse=True)
def _generous_rate_limits(settings):
    """A rate limit's 429 would answer before the input is read; the sweep wants the input."""
    settings.ANONYMOUS_RATE_LIMITS = {
        name: (10**6, window) for name, (_count, window) in settings.ANONYMOUS_RATE_LIMITS.items()
    }


def _clients(moderator) -> list[Client]:
    official = Client(raise_request_exception=False)
    official.force_login(moderator)
    return [Client(raise_request_exception=False), official]


def _path_values(route: str, world: dict) -> list[str]:
    if "<int:" in route:
        real = world["ids"]
        return [*real, "0", str(2**63 - 1), str(2**63), str(2**64), "9" * 30]
    return [*world["names"], *(quote(v, safe="") for v in NASTY if v)]


def _main_path(route: str, world: dict) -> str:
    """The route naming a real row of its kind, so the views reach their input handling."""
    if route.startswith("campaigns/<slug:slug>/walks/<str:code>/"):
        return "/" + world["walk"] + route.removeprefix("campaigns/<slug:slug>/walks/<str:code>/")
    if "<int:" not in route:
        return _paths(route, world)[0]
    kind = next((k for k in world["kinds"] if f"{k}/<int:" in route), None)
    return _fill(route, str(world["kinds"].get(kind, world["contribution"])))


def _paths(route: str, world: dict) -> list[str]:
    if not re.search(r"<|\(\?P<", route):
        return [_fill(route, "")]
    return [_fill(route, value) for value in _path_values(route, world)]


def _failures(client: Client, method: str, path: str, **kwargs) -> list[str]:
    response = getattr(client, method)(path, **kwargs)
    if response.status_code >= 500:
        return [f"{method.upper()} {path[:120]} {str(kwargs)[:200]} -> {response.status_code}"]
    return []


@pytest.mark.parametrize("route", ROUTES)
def test_no_address_answers_strange_input_with_a_server_error(route, world, moderator):
    paths = _paths(route, world)
    main = [_main_path(route, world)]
    failures = []
    for client in _clients(moderator):
        for path in paths:
            failures += _failures(client, "get", path)
            failures += _failures(client, "post", path)
        for path in main:
            for value in NASTY:
                params = dict.fromkeys(PARAMETERS, value)
                failures += _failures(client, "get", path, data=params)
                failures += _failures(client, "post", path, data=params)
            lists = {name: [NASTY[0], "1", "x"] for name in PARAMETERS}
            failures += _failures(client, "get", path, data=lists)
            failures += _failures(client, "post", path, data=lists)
            if path.startswith("/api/"):
                failures += _json_failures(client, path)
    assert not failures, "\n".join(failures)


def _json_failures(client: Client, path: str) -> list[str]:
    bodies = [
        *JSON_BODIES,
        *(json.dumps(dict.fromkeys(PARAMETERS, value)) for value in JSON_VALUES),
        *(json.dumps({"geometry": g, "campaign": "tesoma-together"}) for g in GEOMETRIES),
    ]
    refused = _refused_methods(path)
    failures = []
    for method in ("post", "put", "patch", "delete"):
        if method in refused:
            failures += _refusal_failures(client, method, path, bodies)
            continue
        for body in bodies:
            failures += _failures(client, method, path, data=body, content_type="application/json")
    return failures


def _refused_methods(path: str) -> set[str]:
    """The methods the path's API view does not define. DRF answers them 405 in `dispatch`
    before anything reads the body: its authentication here reads headers only (the API key,
    the origin, the session; the test client skips the CSRF check that would read a POST), and
    the parsers run only when a handler touches `request.data`."""
    view_class = getattr(resolve(path).func, "cls", None)
    if view_class is None or not issubclass(view_class, APIView):
        return set()
    return {"post", "put", "patch", "delete"} - {m.lower() for m in view_class().allowed_methods}


def _refusal_failures(client: Client, method: str, path: str, bodies: list) -> list[str]:
    """A refused method gets the two strangest bodies (not every body): the answer must be
    the refusal DRF gives before a handler runs, 405, or 401/403 where the view's
    `IsAuthenticated` refuses the anonymous first (it reads `request.user` only)."""
    failures = []
    for body in bodies[:2]:
        response = getattr(client, method)(path, data=body, content_type="application/json")
        if response.status_code not in (401, 403, 405):
            failures.append(f"{method.upper()} {path[:120]} -> {response.status_code}, not 405")
    return failures
