"""Content-Security-Policy and Permissions-Policy on every response, and pages that need no
'unsafe-inline' because they hold no inline script, style or handler (docs/decisions/0012)."""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import Client

from config.csp import extra_directives, policy_directives, source_of
from config.middleware import permissions_policy_header
from tests.factories import (
    MethodCardFactory,
    PilotFactory,
    StoryFactory,
    WorkshopPlanFactory,
)

POLICY = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "connect-src": "'self'",
    "font-src": "'self'",
    "media-src": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(header: str) -> dict[str, str]:
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def assert_protected(response) -> None:
    csp = response.headers["Content-Security-Policy"]
    assert directives(csp) == POLICY
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp and "nonce-" not in csp
    policy = response.headers["Permissions-Policy"]
    assert "geolocation=(self)" in policy.split(", ")
    assert {"camera=()", "microphone=()", "payment=()", "usb=()"} <= set(policy.split(", "))


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        ("/", {}, 200),
        ("/en/campaigns/tesoma-together/", {}, 200),
        ("/en/accounts/login/", {}, 200),
        ("/api/v1/campaigns/", {}, 200),
        ("/api/v1/schema/", {}, 200),
        ("/open311/v2/services.json", {}, 200),
        ("/healthz", {}, 200),
        ("/sw.js", {}, 200),
        ("/en/campaigns/tesoma-together/manifest.webmanifest", {}, 200),
        ("/jsi18n/", {}, 200),
        ("/static/css/site.css", {}, 200),  # answered by WhiteNoise, before most middleware
        ("/static/js/lib/site-map.js", {}, 200),
        ("/en/no-such-page/", {}, 404),
        ("/api/v1/no-such-thing/", {}, 404),
        ("/en/campaigns/tesoma-together/", {"q": "\x00"}, 400),
        ("/api/v1/contributions/", {"search": "\x00"}, 400),
    ],
)
def test_every_kind_of_response_carries_both_policies(client, campaign, path, query, status):
    response = client.get(path, query)
    assert response.status_code == status
    assert_protected(response)


def test_a_refused_form_post_and_a_server_error_carry_both_policies(
    campaign, contribution, monkeypatch
):
    # 403 from the CSRF check, answered by Django before any view.
    response = Client(enforce_csrf_checks=True).post(f"/en/contributions/{contribution.pk}/flag/")
    assert response.status_code == 403
    assert_protected(response)

    def broken(*args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr("engagement.participation.views.render", broken)
    response = Client(raise_request_exception=False).get("/en/accessibility/")
    assert response.status_code == 500
    assert_protected(response)


class InlineFinder(HTMLParser):
    """Collects what a policy without 'unsafe-inline' would block in a page."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []
        self._open_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = dict(attrs)
        if tag == "style":
            self.found.append("<style>")
        if "style" in names:
            self.found.append(f"<{tag} style={names['style']!r}>")
        self.found += [f"<{tag} {name}=...>" for name in names if name.startswith("on")]
        if any((value or "").lower().startswith("javascript:") for value in names.values()):
            self.found.append(f"<{tag} javascript: URL>")
        if tag == "script":
            self._open_script = not names.get("src") and names.get("type") != "application/json"

    def handle_data(self, data: str) -> None:
        if self._open_script and data.strip():
            self.found.append(f"inline <script>: {data.strip()[:60]}")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._open_script = False


def inline_code(html: str) -> list[str]:
    finder = InlineFinder()
    finder.feed(html)
    return finder.found


def test_inline_code_is_found_where_it_would_be_blocked():
    html = (
        '<style>p{}</style><p style="color: red" onclick="go()">x</p><a href="javascript:go()">'
        '<script>go()</script><script src="/static/a.js"></script>'
        '<script type="application/json" id="c">{"a": 1}</script>'
    )
    assert len(inline_code(html)) == 5


@pytest.fixture
def pages(campaign, contribution, organisation):
    """One of each page with a map, a swatch, a button or a form, and the client that sees it."""
    card = MethodCardFactory()
    story = StoryFactory()
    pilot = PilotFactory(organisation=organisation, running=True)
    plan = WorkshopPlanFactory(card=card)
    return [
        "/en/campaigns/tesoma-together/",
        "/en/campaigns/tesoma-together/kiosk/",
        "/en/campaigns/tesoma-together/kiosk/thanks/",
        f"/en/contributions/{contribution.pk}/",
        f"/en/pilots/{pilot.pk}/",
        f"/en/toolkit/stories/{story.slug}/",
        card.get_absolute_url(),
        plan.get_absolute_url(),
        "/en/accounts/login/",
        "/en/accounts/signup/",
        "/en/api/v1/docs/",
    ]


def test_public_pages_hold_no_inline_script_style_or_handler(client, pages):
    for path in pages:
        response = client.get(path)
        assert response.status_code == 200, path
        assert inline_code(response.content.decode()) == [], path
        assert_protected(response)


def test_officials_pages_hold_no_inline_script_style_or_handler(moderator_client, analyst_client):
    for client, path in [
        (analyst_client, "/en/analysis/"),
        (moderator_client, "/en/moderation/"),
    ]:
        response = client.get(path)
        assert response.status_code == 200, path
        assert inline_code(response.content.decode()) == [], path
        assert_protected(response)


def test_maps_start_from_data_not_from_inline_code(client, campaign, contribution):
    html = client.get(f"/en/contributions/{contribution.pk}/").content.decode()
    assert 'id="contribution-map"' in html and "data-leaflet-options=" in html
    assert "js/lib/site-map.js" in html and "L.Map.djangoMap" not in html


def test_the_admin_map_widget_runs_by_the_responses_own_nonce(administrator, contribution):
    """The admin's geometry widget is django-leaflet's inline script; it carries a fresh nonce
    that only its response allows. No public page has one (test above)."""
    client = Client()
    client.force_login(administrator)
    nonces = []
    for _ in range(2):
        response = client.get(f"/en/admin/engagement/contribution/{contribution.pk}/change/")
        assert response.status_code == 200
        script_src = directives(response.headers["Content-Security-Policy"])["script-src"]
        nonce = script_src.split("'nonce-")[1].rstrip("'")
        assert f'<script nonce="{nonce}">' in response.content.decode()
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


# The policy's parts, as the settings build them from the environment.


def test_a_tile_servers_origin_is_allowed_for_images_only():
    policy = policy_directives(tile_urls=["https://{s}.tile.example.org/{z}/{x}/{y}.png?key=1"])
    assert policy["img-src"][-1] == "https://*.tile.example.org"
    others = {name: sources for name, sources in policy.items() if name != "img-src"}
    assert "https://*.tile.example.org" not in str(others)
    assert source_of("https://maps.example.org:8443/wmts/{z}/{x}/{y}") == (
        "https://maps.example.org:8443"
    )
    assert source_of("/tiles/{z}/{x}/{y}.png") is None  # the site itself: 'self'
    with pytest.raises(ImproperlyConfigured):
        source_of("https://tiles.{s}.example.org/{z}/{x}/{y}.png")


def test_extra_sources_are_read_as_the_header_writes_them():
    extra = "img-src https://cdn.example.org; media-src https://cdn.example.org https://v.example"
    extra += "; report-uri /csp-report"
    policy = policy_directives(tile_urls=[], extra=extra)
    assert policy["img-src"][-1] == "https://cdn.example.org"
    assert policy["media-src"] == ["'self'", "https://cdn.example.org", "https://v.example"]
    assert policy["report-uri"] == ["/csp-report"]
    with pytest.raises(ImproperlyConfigured, match="unknown directive"):
        extra_directives("image-src https://cdn.example.org")
    with pytest.raises(ImproperlyConfigured, match="unsafe-inline"):
        extra_directives("style-src 'unsafe-inline'")


def settings_in_a_new_process(**environment: str) -> dict:
    """The CSP settings as a fresh process reads them from this environment."""
    code = (
        "import json, django; django.setup(); from django.conf import settings as s; "
        "print(json.dumps([s.CONTENT_SECURITY_POLICY, "
        "getattr(s, 'CONTENT_SECURITY_POLICY_REPORT_ONLY', None)], default=str))"
    )
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **environment}
    result = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    enforced, report_only = json.loads(result.stdout.strip().splitlines()[-1])
    return {"enforced": enforced, "report_only": report_only}


def test_environment_sets_tiles_extras_and_report_only():
    read = settings_in_a_new_process(
        MAP_TILES_URL="https://tiles.example.org/{z}/{x}/{y}.png",
        CSP_EXTRA_SOURCES="connect-src https://api.example.org",
    )
    assert read["report_only"] is None
    assert "https://tiles.example.org" in read["enforced"]["DIRECTIVES"]["img-src"]
    assert "https://api.example.org" in read["enforced"]["DIRECTIVES"]["connect-src"]
    read = settings_in_a_new_process(CSP_REPORT_ONLY="true")
    assert read["enforced"] is None
    assert read["report_only"]["DIRECTIVES"]["script-src"][0] == "'self'"


def test_report_only_sends_the_policy_without_enforcing_it(client, campaign, settings):
    policy = settings.CONTENT_SECURITY_POLICY
    settings.CONTENT_SECURITY_POLICY, settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = None, policy
    response = client.get("/")
    assert "Content-Security-Policy" not in response.headers
    assert directives(response.headers["Content-Security-Policy-Report-Only"]) == POLICY


def test_permissions_policy_header_quotes_origins():
    header = permissions_policy_header(
        {"geolocation": ["self", "https://maps.example.org"], "camera": [], "fullscreen": ["*"]}
    )
    assert header == 'geolocation=(self "https://maps.example.org"), camera=(), fullscreen=(*)'


def test_each_configured_base_layers_origin_is_allowed_for_images_only():
    layers = [
        {
            "name": "OSM",
            "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
            "attribution": "©",
        },
        {
            "name": "MML",
            "url": "https://avoin-karttakuva.maanmittauslaitos.fi/avoin/wmts/1.0.0/taustakartta/"
            "default/WGS84_Pseudo-Mercator/{z}/{y}/{x}.png?api-key=k",
            "attribution": "© Maanmittauslaitos",
        },
        {"pmtiles": "tesoma"},
    ]
    read = settings_in_a_new_process(MAP_BASE_LAYERS=json.dumps(layers))
    policy = read["enforced"]["DIRECTIVES"]
    assert policy["img-src"] == [
        "'self'",
        "data:",
        "https://tile.openstreetmap.org",
        "https://avoin-karttakuva.maanmittauslaitos.fi",
    ]
    # The PMTiles map is the site's own file, read with fetch: 'self' covers it.
    assert policy["connect-src"] == ["'self'"]
    assert "openstreetmap" not in json.dumps({k: v for k, v in policy.items() if k != "img-src"})


def test_a_bad_base_layer_refuses_start_up():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
    env["MAP_BASE_LAYERS"] = json.dumps([{"name": "x", "url": "https://t.example.org/{z}/{x}"}])
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0
    assert "ImproperlyConfigured: MAP_BASE_LAYERS, layer 1:" in result.stderr
