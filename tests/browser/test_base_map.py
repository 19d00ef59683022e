"""The base maps in Chromium: the site's own PMTiles file really draws (its tiles answered 206,
the lake's colour where the lake is), the switcher works by keyboard alone, its choice is
remembered on the next page, and the campaign page stays clean for axe and the CSP.

A raster server is configured at https://tiles.example.org; the browser never reaches it: the
test answers its requests itself (the CSP is still checked, before any request is made)."""

import io
import json

import pytest
from django.contrib.gis.geos import LineString, Polygon
from PIL import Image
from playwright.sync_api import Page, expect

from config.basemaps import base_layers_read, tile_urls
from config.csp import policy_directives
from geo.basemap.build import Basemap, BasemapFeature, basemap_build
from tests.browser.test_campaign_journey import serious_violations

CAMPAIGN = "/campaigns/tesoma-together/"
TILE_ORIGIN = "https://tiles.example.org"
LAKE = (23.640, 61.503, 23.648, 61.507)  # inside Tesoma, in the campaign map's first view
WATER = (169, 207, 224)  # base-maps.js COLOURS.water
BACKGROUND = (244, 241, 234)  # base-maps.js COLOURS.background
KEEP_MAP = "addEventListener('map:init', (event) => { window.__map = event.detail.map; });"

# The colour under a point of the map, read from the base map's own canvas (under the pins and
# the area's outline, which are other layers).
PIXEL_AT = """([lat, lon]) => {
  const map = window.__map;
  if (!map) return null;
  const point = map.latLngToContainerPoint([lat, lon]);
  const box = map.getContainer().getBoundingClientRect();
  const x = box.left + point.x, y = box.top + point.y;
  for (const canvas of document.querySelectorAll("canvas.leaflet-tile-loaded")) {
    const r = canvas.getBoundingClientRect();
    if (x >= r.left && x < r.right && y >= r.top && y < r.bottom && canvas.width) {
      const px = Math.floor(((x - r.left) * canvas.width) / r.width);
      const py = Math.floor(((y - r.top) * canvas.height) / r.height);
      return Array.from(canvas.getContext("2d").getImageData(px, py, 1, 1).data).slice(0, 3);
    }
  }
  return null;
}"""


def small_basemap() -> Basemap:
    lake = Polygon.from_bbox(LAKE)
    lake.srid = 4326
    street = LineString((23.60, 61.4975), (23.66, 61.4995), srid=4326)
    return Basemap(
        name="Test map",
        description="",
        attribution="Tesoma orientation map (approximate, demo)",
        features=[
            BasemapFeature("water", "lake", lake, name_fi="Testijärvi", min_zoom=10),
            BasemapFeature("roads", "main", street, name_fi="Testikatu", min_zoom=10),
        ],
        min_zoom=10,
        max_zoom=15,
        layers=["water", "roads"],
    )


@pytest.fixture
def base_maps(settings, tmp_path):
    """A small PMTiles file built by the same code as the demo's, first; then a raster server."""
    settings.MAP_PMTILES_DIR = tmp_path
    basemap_build(small_basemap(), tmp_path / "testmap.pmtiles")
    layers = base_layers_read(
        json.dumps(
            [
                {"pmtiles": "testmap", "name": {"fi": "Testin vektorikartta"}},
                {
                    "id": "raster",
                    "name": {"fi": "Testin rasterikartta"},
                    "url": f"{TILE_ORIGIN}/{{z}}/{{x}}/{{y}}.png",
                    "attribution": "© Testi",
                    "max_zoom": 18,
                },
            ]
        )
    )
    settings.MAP_BASE_LAYERS = layers
    settings.CONTENT_SECURITY_POLICY = {
        "DIRECTIVES": policy_directives(tile_urls=tile_urls(layers))
    }
    return layers


def answer_raster_tiles(page: Page) -> list[str]:
    """Serves the raster server's tiles in the browser itself; returns the URLs asked for."""
    png = io.BytesIO()
    Image.new("RGB", (256, 256), (200, 60, 60)).save(png, format="PNG")
    asked: list[str] = []

    def fulfil(route):
        asked.append(route.request.url)
        route.fulfill(status=200, body=png.getvalue(), content_type="image/png")

    page.route(f"{TILE_ORIGIN}/**", fulfil)
    return asked


def near(colour, expected, tolerance=6) -> bool:
    return colour is not None and all(
        abs(a - b) <= tolerance for a, b in zip(colour, expected, strict=True)
    )


def test_the_pmtiles_base_map_draws_from_206_answers(page: Page, live_server, demo, base_maps):
    statuses: list[int] = []
    page.on("response", lambda r: statuses.append(r.status) if "/basemap/" in r.url else None)
    page.add_init_script(KEEP_MAP)
    page.goto(f"{live_server.url}{CAMPAIGN}")
    # Inside the lake, off its name (which sits at its middle).
    lake = [LAKE[1] + 0.0008, LAKE[0] + 0.0012]
    # A function, not an expression: Playwright evaluates an expression with eval(), which the
    # page's Content-Security-Policy refuses.
    page.wait_for_function(f"(point) => ({PIXEL_AT})(point) !== null", arg=lake)
    page.wait_for_timeout(300)  # protomaps-leaflet paints the tiles nearest the centre first
    assert near(page.evaluate(PIXEL_AT, lake), WATER), page.evaluate(PIXEL_AT, lake)
    # Away from every feature: the map's background, not water; so the lake was really drawn.
    assert near(page.evaluate(PIXEL_AT, [61.490, 23.600]), BACKGROUND)
    assert statuses and set(statuses) == {206}
    expect(page.locator(".leaflet-control-attribution")).to_contain_text(
        "Tesoman opaskartta (likimääräinen, esittelyaineisto)"
    )


def test_the_switcher_works_by_keyboard_and_is_remembered(page: Page, live_server, demo, base_maps):
    asked = answer_raster_tiles(page)
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.get_by_role("button", name="Valitse taustakartta")).to_be_visible()
    # Leaflet hides the button while the list is open (the list then holds the focus).
    toggle = page.locator(".leaflet-control-layers-toggle")
    expect(toggle).to_have_attribute("aria-expanded", "false")
    expect(page.locator("canvas.leaflet-tile").first).to_be_attached()
    toggle.focus()
    page.keyboard.press("Enter")
    expect(toggle).to_have_attribute("aria-expanded", "true")
    choices = page.get_by_role("group", name="Taustakartta")
    expect(choices.get_by_role("radio")).to_have_count(3)
    vector = choices.get_by_role("radio", name="Testin vektorikartta")
    expect(vector).to_be_focused()
    expect(vector).to_be_checked()
    assert serious_violations(page) == []
    # The arrow key moves to the raster map: its tiles come, the vector map's canvases go.
    page.keyboard.press("ArrowDown")
    expect(choices.get_by_role("radio", name="Testin rasterikartta")).to_be_checked()
    expect(page.locator("img.leaflet-tile-loaded").first).to_be_attached()
    expect(page.locator("canvas.leaflet-tile")).to_have_count(0)
    assert asked and all(url.startswith(TILE_ORIGIN) for url in asked)
    page.keyboard.press("Escape")
    expect(toggle).to_be_focused()
    expect(toggle).to_have_attribute("aria-expanded", "false")

    # The next page opens on the same choice; "No base map" by Space and the arrow key.
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.locator("img.leaflet-tile-loaded").first).to_be_attached()
    expect(page.locator("canvas.leaflet-tile")).to_have_count(0)
    toggle.focus()
    page.keyboard.press(" ")
    expect(choices.get_by_role("radio", name="Testin rasterikartta")).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(choices.get_by_role("radio", name="Ei taustakarttaa")).to_be_checked()
    expect(page.locator(".leaflet-tile-pane .leaflet-tile")).to_have_count(0)
    page.goto(f"{live_server.url}/sv{CAMPAIGN}")
    expect(page.locator(".leaflet-control-layers")).to_be_attached()
    expect(page.locator(".leaflet-tile-pane .leaflet-tile")).to_have_count(0)
    assert page.evaluate("localStorage.getItem('yhdessa.baseMap')") == "none"
