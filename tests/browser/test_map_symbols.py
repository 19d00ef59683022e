"""The campaign map's symbols say kind and status by shape, are 24 px targets at least, are all
explained in the legend beside the map, and Leaflet's own controls speak the page's language."""

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.test_campaign_journey import CAMPAIGN, DEMO_COUNT, open_campaign


def public_features(page: Page) -> list[dict]:
    """The campaign's contributions as the map reads them, from the page's own API."""
    return page.evaluate(
        """async () => {
          const answer = await fetch("/api/v1/contributions/?campaign=tesoma-together&limit=500");
          return (await answer.json()).features;
        }"""
    )


def drawn_on_the_map(page: Page) -> tuple[int, int]:
    """How many symbols the map shows, and how many contributions its numbers stand for."""
    symbols = page.locator("#campaign-map .map-symbol").count()
    numbers = page.locator("#campaign-map .map-count").all_text_contents()
    return symbols, sum(int(n) for n in numbers)


def test_kind_is_a_shape_and_status_a_badge(page: Page, live_server, demo):
    open_campaign(page, live_server)
    features = public_features(page)
    # Every contribution has its symbol (a point at its place, a route or an area at a point on
    # it), or is counted in a number where symbols would overlap.
    symbols, counted = drawn_on_the_map(page)
    assert symbols + counted == DEMO_COUNT
    ideas = page.locator("#campaign-map .map-symbol-idea").count()
    needs = page.locator("#campaign-map .map-symbol-need").count()
    assert ideas and needs and ideas + needs == symbols
    # Zoomed in to street level every contribution there is its own symbol, as the API says.
    page.get_by_role("combobox", name="Etsi paikka kartalta").fill("Länsikeskus")
    page.get_by_role("option", name="Länsikeskus").click()
    expect(page.locator("#campaign-map")).to_have_attribute("data-tile-zoom", "17")
    expect(page.locator("#campaign-map .map-count")).to_have_count(0)
    # Not a colour: the outline itself differs, and so does the glyph inside it.
    idea_shape = page.locator(".map-symbol-idea .symbol-body").first.evaluate("e => e.tagName")
    need_shape = page.locator(".map-symbol-need .symbol-body").first.evaluate("e => e.tagName")
    assert (idea_shape, need_shape) == ("circle", "path")
    idea_glyph = page.locator(".map-symbol-idea .symbol-glyph").first.inner_html()
    need_glyph = page.locator(".map-symbol-need .symbol-glyph").first.inner_html()
    assert idea_glyph != need_glyph
    # A status other than new carries a badge, each status its own mark.
    statuses = {f["properties"]["status"] for f in features}
    assert {"new", "planned", "in_pilot"} <= statuses
    expect(page.locator("svg.status-new .symbol-badge")).to_have_count(0)
    planned = page.locator("svg.status-planned .symbol-badge").first.inner_html()
    in_pilot = page.locator("svg.status-in_pilot .symbol-badge").first.inner_html()
    assert planned != in_pilot
    # The hover text names the kind, the status and the theme in words.
    expect(page.locator(".map-symbol-need").first).to_have_attribute(
        "title", re.compile(r"^Tarve · ")
    )


def test_every_pin_is_a_target_of_24_px_at_least(page: Page, live_server, demo):
    open_campaign(page, live_server)
    expect(page.locator(".pilot-marker")).to_have_count(2)
    boxes = page.locator(".leaflet-marker-icon").evaluate_all(
        "icons => icons.map(i => i.getBoundingClientRect()).map(r => [r.width, r.height])"
    )
    symbols = page.locator("#campaign-map .map-symbol").count()
    numbers = page.locator("#campaign-map .map-count").count()
    assert len(boxes) == symbols + numbers + 2
    assert all(width >= 24 and height >= 24 for width, height in boxes), boxes
    # Each is a button the keyboard reaches, named in words.
    buttons = page.locator("#campaign-map .leaflet-marker-pane button")
    expect(buttons).to_have_count(symbols + numbers)
    names = buttons.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert all(names), names


def test_the_legend_beside_the_map_explains_every_symbol(page: Page, live_server, demo):
    open_campaign(page, live_server)
    legend = page.locator("#map-legend")
    # Beside the map, not inside it: in the page's reading order, with a heading.
    assert legend.evaluate("e => !e.closest('.leaflet-container')")
    expect(legend.get_by_role("heading", name="Kartan merkit")).to_be_visible()
    features = public_features(page)
    for kind, word in {"idea": "Idea", "need": "Tarve"}.items():
        row = legend.locator(f"[data-legend-kind={kind}]")
        expect(row).to_contain_text(word)
        expect(row.locator("svg .symbol-body")).to_have_count(1)  # the same picture as the pin
        expect(legend.locator(f"[data-legend-line={kind}]")).to_contain_text(word)
    statuses = {
        "new": "Uusi",
        "under_consideration": "Harkinnassa",
        "planned": "Suunnitteilla",
        "in_pilot": "Kokeilussa",
        "done": "Toteutettu",
        "not_possible": "Ei mahdollinen",
    }
    assert {f["properties"]["status"] for f in features} <= set(statuses)
    for status, word in statuses.items():
        row = legend.locator(f"[data-legend-status={status}]")
        expect(row).to_contain_text(word)
        expect(row.locator(f"svg.status-{status}")).to_have_count(1)
    for theme in {(f["properties"]["theme"], f["properties"]["theme_name"]) for f in features}:
        expect(legend.locator(f"[data-legend-theme={theme[0]}]")).to_have_text(theme[1])
    # The numbers that stand for several contributions, drawn as on the map.
    for count, word in {"cell": "Numero neliössä", "cluster": "Numero ympyrässä"}.items():
        row = legend.locator(f"[data-legend-count={count}]")
        expect(row).to_contain_text(word)
        expect(row.locator(f".map-count.map-count-{count}")).to_have_count(1)
    expect(legend.locator("#legend-pilots")).to_be_visible()  # the demo has pilots
    expect(legend).to_contain_text("Risti: kartan keskikohta")


def test_the_legend_folds_away_on_a_phone(page: Page, live_server, demo):
    page.set_viewport_size({"width": 320, "height": 800})
    open_campaign(page, live_server)
    legend = page.locator("#map-legend")
    expect(legend).not_to_have_attribute("open", "")
    expect(legend.locator("[data-legend-kind=idea]")).to_be_hidden()
    legend.locator("summary").click()
    expect(legend.locator("[data-legend-kind=idea]")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


def test_crosshair_has_a_halo(page: Page, live_server, demo):
    open_campaign(page, live_server)
    cross = page.locator(".map-crosshair")
    expect(cross).to_be_visible()
    halo = cross.evaluate("e => getComputedStyle(e).filter")
    assert "drop-shadow" in halo and "rgb(255, 255, 255)" in halo and "rgb(26, 26, 26)" in halo
    # Above the pins, so a pin under the centre never hides it.
    assert int(cross.evaluate("e => getComputedStyle(e).zIndex")) > 600


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        (
            "",
            {
                "in": "Lähennä",
                "out": "Loitonna",
                "library": "Leaflet, JavaScript-kirjasto vuorovaikutteisille kartoille",
                "close": "Sulje",
                "start": "Aseta ensimmäinen piste napsauttamalla.",
            },
        ),
        (
            "/sv",
            {
                "in": "Zooma in",
                "out": "Zooma ut",
                "library": "Leaflet, ett JavaScript-bibliotek för interaktiva kartor",
                "close": "Stäng",
                "start": "Klicka för att placera den första punkten.",
            },
        ),
    ],
)
def test_leaflets_own_controls_speak_the_pages_language(
    page: Page, live_server, demo, prefix, words
):
    open_campaign(page, live_server, f"{prefix}{CAMPAIGN}")
    for button, word in ((".leaflet-control-zoom-in", "in"), (".leaflet-control-zoom-out", "out")):
        expect(page.locator(button)).to_have_attribute("title", words[word])
        expect(page.locator(button)).to_have_attribute("aria-label", words[word])
    attribution = page.locator(".leaflet-control-attribution a").first
    expect(attribution).to_have_attribute("title", words["library"])
    # A pin's popup: its close button is named in the page's language too.
    page.locator("#campaign-map .map-symbol").first.click()
    expect(page.locator(".leaflet-popup-close-button")).to_have_attribute(
        "aria-label", words["close"]
    )
    page.locator(".leaflet-popup-close-button").click()
    # Leaflet-Geoman's tooltip while drawing an area with the mouse.
    page.locator("#shape-choice input[value=polygon]").check()
    page.locator("#draw-start").click()
    box = page.locator("#campaign-map").bounding_box()
    page.mouse.move(box["x"] + 40, box["y"] + box["height"] - 40)
    expect(page.locator("#campaign-map .leaflet-tooltip")).to_contain_text(words["start"])


def test_other_maps_translate_their_zoom_buttons(page: Page, live_server, demo):
    # The contribution page does not load the catalog itself: the map brings it.
    open_campaign(page, live_server, f"/sv{CAMPAIGN}")
    page.locator("#contribution-list > li.contribution a").first.click()
    expect(page.locator("#contribution-map .leaflet-control-zoom-in")).to_have_attribute(
        "title", "Zooma in"
    )
