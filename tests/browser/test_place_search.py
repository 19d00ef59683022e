"""Finding a place on the campaign map: the search box by mouse and by keyboard only, and
"use my location" with the browser's own geolocation."""

import os
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from geo.models import Place

CAMPAIGN = "/campaigns/tesoma-together/"
SCREENSHOTS = Path(os.environ.get("SCREENSHOT_DIR", "/tmp/places-screens"))


def centre(page: Page) -> tuple[float, float]:
    lat, lon = page.locator("#campaign-map").get_attribute("data-center").split(",")
    return float(lat), float(lon)


def assert_centred_on(page: Page, lat: float, lon: float) -> None:
    # The map centres there: the crosshair at its middle is on the place (to about 10 m).
    expect(page.locator("#campaign-map")).to_have_attribute(
        "data-center", f"{lat:.5f},{lon:.5f}", timeout=15000
    )
    got = page.evaluate(
        "() => { const m = document.getElementById('campaign-map'); return m.dataset.center; }"
    )
    got_lat, got_lon = map(float, got.split(","))
    assert abs(got_lat - lat) < 1e-4 and abs(got_lon - lon) < 2e-4


def lansikeskus() -> Place:
    return Place.objects.get(source="demo", source_id="lansikeskus")


def open_campaign(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.locator("#place-search")).to_be_visible()
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", "14")


def test_a_resident_finds_lansikeskus_with_the_mouse(page: Page, live_server, demo):
    open_campaign(page, live_server)
    box = page.get_by_role("combobox", name="Etsi paikka kartalta")
    box.click()
    box.press_sequentially("länsi", delay=30)
    option = page.get_by_role("option", name="Länsikeskus")
    expect(option).to_be_visible()
    expect(box).to_have_attribute("aria-expanded", "true")
    option.click()
    point = lansikeskus().point
    assert_centred_on(page, point.y, point.x)
    expect(box).to_have_value("Länsikeskus")
    expect(page.locator("#place-search-results")).to_be_hidden()
    expect(page.locator("#map-status")).to_contain_text(
        "Kartta on keskitetty kohteeseen Länsikeskus"
    )
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator(".map-panel").screenshot(path=str(SCREENSHOTS / "campaign-lansikeskus.png"))


def test_a_resident_finds_lansikeskus_by_keyboard_only(page: Page, live_server, demo):
    open_campaign(page, live_server)
    for _ in range(40):
        if page.evaluate("document.activeElement.id") == "place-search-input":
            break
        page.keyboard.press("Tab")
    else:
        raise AssertionError("Tab never reached the search box")
    page.keyboard.type("lansikesk", delay=30)  # no accent typed: found all the same
    expect(page.get_by_role("option", name="Länsikeskus")).to_be_visible()
    page.keyboard.press("ArrowDown")
    box = page.locator("#place-search-input")
    expect(box).to_have_attribute("aria-activedescendant", "place-option-0")
    expect(page.locator("#place-option-0")).to_have_attribute("aria-selected", "true")
    page.keyboard.press("Enter")
    point = lansikeskus().point
    assert_centred_on(page, point.y, point.x)
    # Escape closes the suggestions without choosing.
    page.keyboard.press("Control+A")
    page.keyboard.type("tesoman", delay=30)
    expect(page.locator("#place-search-results")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.locator("#place-search-results")).to_be_hidden()
    assert_centred_on(page, point.y, point.x)
    # The keyboard user then places the pin at the crosshair: on Länsikeskus.
    page.locator("#place-at-centre").focus()
    page.keyboard.press("Enter")
    assert abs(float(page.locator("#id_lat").input_value()) - point.y) < 1e-4


def test_use_my_location_centres_the_map_only_when_pressed(page: Page, live_server, demo):
    # The position comes from a stand-in for navigator.geolocation, answered after a tick as a
    # device would: Chromium's own emulated position (CDP setGeolocationOverride) sometimes never
    # arrived in headless CI runs, in a shared or an own browser alike (seen twice, cause unknown),
    # and what is under test is the page's code around the position, not Chromium's.
    page.add_init_script(
        "window.__asked = 0;"
        "const coords = {latitude: 61.5031, longitude: 23.6188, accuracy: 12};"
        "navigator.geolocation.getCurrentPosition = (ok) => {"
        "  window.__asked++; setTimeout(() => ok({coords, timestamp: Date.now()}), 50); };"
    )
    page.goto(f"{live_server.url}/sv{CAMPAIGN}")
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", "14")
    assert page.locator("#campaign-map").get_attribute("data-center") != "61.50310,23.61880"
    assert page.evaluate("window.__asked") == 0
    page.get_by_role("button", name="Använd min position").click()
    assert_centred_on(page, 61.5031, 23.6188)
    expect(page.locator("#map-status")).to_have_text("Kartan är centrerad på din position.")
    assert page.evaluate("window.__asked") == 1


def test_a_refused_location_is_told_in_the_readers_language(browser: Browser, live_server, demo):
    context = browser.new_context(locale="fi-FI")
    context.clear_permissions()
    page = context.new_page()
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", "14")
    page.get_by_role("button", name="Käytä sijaintiani").click()
    expect(page.locator("#map-status")).to_have_text(
        "Selain ei sallinut sijainnin käyttöä. Etsi paikka hakukentällä."
    )
    context.close()


@pytest.mark.parametrize("width", [1366, 320])
def test_the_search_box_fits_and_passes_axe(browser: Browser, live_server, demo, width):
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.locator("#place-search")).to_be_visible()
    box = page.locator("#place-search-input")
    box.fill("tesoman")
    expect(page.locator("#place-search-results li").first).to_be_visible()
    search = page.locator("#place-search").bounding_box()
    assert search["x"] >= 0 and search["x"] + search["width"] <= width
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"campaign-search-{width}.png"))
    results = Axe().run(page, context="#place-search")
    assert results.violations_count == 0, results.generate_report()
    context.close()
