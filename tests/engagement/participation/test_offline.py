"""The offline walkshop mode's doors over HTTP (docs/decisions/0046): the campaign's web app
manifest in each language, the service worker at the site's root (its type, no caching, the
policy that lets it run), and the base map's size limit the page is told."""

import json

import pytest
from django.test import Client

from geo.basemap.build import basemap_build
from tests.browser.test_base_map import small_basemap

pytestmark = pytest.mark.django_db


def page_config(response) -> dict:
    html = response.content.decode()
    start = html.index('<script id="map-config" type="application/json">') + 48
    return json.loads(html[start : html.index("</script>", start)])


def test_the_manifest_is_the_campaign_page_as_a_web_app_in_the_pages_language(client, campaign):
    response = client.get("/sv/campaigns/tesoma-together/manifest.webmanifest")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/manifest+json"
    manifest = json.loads(response.content)
    assert manifest["start_url"] == "/sv/campaigns/tesoma-together/"
    assert manifest["scope"] == manifest["id"] == manifest["start_url"]
    assert manifest["display"] == "standalone"
    assert manifest["lang"] == "sv"
    assert manifest["name"] == "Tesoma together · Yhdessä"
    assert manifest["theme_color"] and manifest["background_color"]
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable")} <= sizes
    for icon in manifest["icons"]:
        assert icon["type"] == "image/png"
        assert client.get(icon["src"]).status_code == 200
    finnish = json.loads(client.get("/campaigns/tesoma-together/manifest.webmanifest").content)
    assert finnish["start_url"] == "/campaigns/tesoma-together/"
    assert finnish["lang"] == "fi"


def test_the_manifest_of_no_campaign_is_a_404(client, campaign):
    assert client.get("/campaigns/no-such/manifest.webmanifest").status_code == 404
    assert client.post("/campaigns/tesoma-together/manifest.webmanifest").status_code == 405


def test_the_campaign_page_links_its_manifest_and_offers_the_outbox(client, campaign):
    html = client.get("/en/campaigns/tesoma-together/").content.decode()
    assert '<link rel="manifest" href="/en/campaigns/tesoma-together/manifest.webmanifest">' in html
    assert 'id="outbox"' in html and 'id="outbox-status"' in html
    assert 'id="offline-status"' in html


def test_the_service_worker_is_served_from_the_root_uncached(client):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/javascript; charset=utf-8"
    assert "no-cache" in response["Cache-Control"] and "max-age=0" in response["Cache-Control"]
    assert response["Service-Worker-Allowed"] == "/"
    csp = response["Content-Security-Policy"]
    assert "worker-src 'self'" in csp and "manifest-src 'self'" in csp
    body = response.content.decode()
    facts = json.loads(body.split("\n", 1)[0].removeprefix("self.YHDESSA = ").rstrip(";"))
    assert facts["languages"] == ["sv", "en"]
    assert facts["staticUrl"] == "/static/"
    assert 'addEventListener("fetch"' in body
    # Never the kiosk or the live screen: the worker answers only these kinds of address.
    assert "CAMPAIGN_PAGE = new RegExp(`^${prefix}/(?:campaigns/[^/]+/)?$`)" in body
    assert client.post("/sw.js").status_code == 405
    assert client.head("/sw.js").status_code == 200


def test_the_page_is_told_the_base_maps_size_and_the_limit(client, campaign, settings, tmp_path):
    settings.MAP_PMTILES_DIR = tmp_path
    basemap_build(small_basemap(), tmp_path / "tesoma.pmtiles")
    size = (tmp_path / "tesoma.pmtiles").stat().st_size
    settings.OFFLINE_BASEMAP_MAX_BYTES = 1234
    offline = page_config(client.get("/en/campaigns/tesoma-together/"))["offline"]
    assert offline["serviceWorker"] == "/sw.js"
    assert offline["basemapMaxBytes"] == 1234
    [basemap] = offline["basemaps"]
    assert basemap["bytes"] == size
    assert basemap["url"].startswith("/basemap/tesoma.pmtiles?v=")


def test_the_size_limit_defaults_to_50_megabytes():
    from config.settings import base

    assert base.OFFLINE_BASEMAP_MAX_BYTES == 50_000_000


def test_the_anonymous_visitor_gets_no_worker_for_other_pages(campaign):
    # The worker is registered by the campaign page's script only; other pages do not link it.
    html = Client().get("/en/accessibility/").content.decode()
    assert "manifest.webmanifest" not in html
