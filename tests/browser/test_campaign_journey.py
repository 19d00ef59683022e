"""A resident pins an idea on the Tesoma map, by mouse and by keyboard, in the browser."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, expect

from config.demo.read import demo_data_read
from engagement.models import Contribution

CAMPAIGN = "/campaigns/tesoma-together/"
# Every contribution of the demo: its pins, one route and one area.
DEMO_COUNT = len(demo_data_read().contributions)


def open_campaign(page: Page, live_server, path: str = CAMPAIGN) -> None:
    page.goto(f"{live_server.url}{path}")
    # Pins come from the API once the map has initialised.
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", str(DEMO_COUNT))


def fill_text(page: Page, title: str, body: str) -> None:
    page.get_by_role("textbox", name=re.compile("^Otsikko")).fill(title)
    page.get_by_role("textbox", name=re.compile("^Kuvaus")).fill(body)


def test_boundary_and_demo_pins_are_drawn(page: Page, live_server, demo):
    open_campaign(page, live_server)
    # One boundary path in the SVG overlay, twelve pins on the canvas, twelve list items.
    expect(page.locator(".leaflet-overlay-pane svg path")).to_have_count(1)
    expect(page.locator("#contribution-list > li.contribution")).to_have_count(DEMO_COUNT)
    # The demo's two pilots are their own layer, which can be switched off.
    expect(page.locator("#campaign-map")).to_have_attribute("data-pilots", "2")
    expect(page.locator(".pilot-marker")).to_have_count(2)
    page.locator("#show-pilots").uncheck()
    expect(page.locator(".pilot-marker")).to_have_count(0)


def test_resident_places_pin_by_mouse_and_sees_it_without_reload(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.evaluate("window.__noReload = true")
    map_el = page.locator("#campaign-map")
    box = map_el.bounding_box()
    # A little off centre, on empty ground inside Tesoma (not on a demo pin).
    map_el.click(position={"x": box["width"] / 2 + 25, "y": box["height"] / 2 + 60})
    expect(page.locator("#id_lat")).not_to_have_value("")
    expect(page.locator(".draft-pin")).to_have_count(1)

    page.locator("#contribution-form").get_by_role("radio", name="Tarve").check()
    page.locator("#contribution-form").get_by_role(
        "combobox", name=re.compile("^Teema")
    ).select_option("innovative-routes")
    fill_text(page, "Valaistus metsäpolulle", "Polku koululle on talvella pimeä.")
    page.get_by_role("button", name="Lähetä").click()

    item = page.locator("#contribution-list > li").first
    expect(item).to_contain_text("Valaistus metsäpolulle")
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", str(DEMO_COUNT + 1))
    expect(page.locator("#list-heading")).to_contain_text(f"({DEMO_COUNT + 1})")
    expect(page.locator("#form-status")).to_contain_text("Kiitos")
    assert page.evaluate("window.__noReload") is True
    assert Contribution.objects.filter(title="Valaistus metsäpolulle", kind="need").exists()
    expect(page.locator("#id_title")).to_have_value("")


def tab_to(page: Page, element_id: str, limit: int = 60) -> None:
    """Press Tab until the element has focus, as a keyboard user would."""
    for _ in range(limit):
        if page.evaluate("document.activeElement.id") == element_id:
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached #{element_id}")


def test_resident_places_pin_with_keyboard_only(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.evaluate("window.__noReload = true")
    tab_to(page, "place-at-centre")
    page.keyboard.press("Enter")
    expect(page.locator("#map-status")).to_contain_text("Merkki asetettu")
    lon_before = float(page.locator("#id_lon").input_value())

    # Arrow keys pan the focused map under the fixed crosshair; the centre moves west.
    page.keyboard.press("Shift+Tab")
    tab_to(page, "campaign-map")
    page.keyboard.press("ArrowLeft")
    page.keyboard.press("ArrowLeft")
    tab_to(page, "place-at-centre")
    page.keyboard.press("Enter")
    expect(page.locator("#id_lon")).not_to_have_value(str(lon_before))
    lon_after = float(page.locator("#id_lon").input_value())
    assert lon_after < lon_before

    # Back to the top of the form, then through every field with the keyboard alone.
    page.keyboard.press("Shift+Tab")
    for _ in range(60):
        if page.evaluate("document.activeElement.name") == "kind":
            break
        page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowRight")  # from "idea" to "need"
    tab_to(page, "id_theme")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_title")
    page.keyboard.type("Penkki bussipysäkille")
    page.keyboard.press("Tab")
    page.keyboard.type("Vanhemmat asukkaat tarvitsevat istumapaikan.")
    tab_to(page, "submit-contribution")
    page.keyboard.press("Enter")

    expect(page.locator("#contribution-list > li").first).to_contain_text("Penkki bussipysäkille")
    assert page.evaluate("window.__noReload") is True
    stored = Contribution.objects.get(title="Penkki bussipysäkille")
    assert stored.kind == "need"
    assert stored.geometry.x == pytest.approx(lon_after, abs=1e-6)


def test_errors_are_shown_and_typed_text_is_kept(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.locator("#contribution-form").get_by_role(
        "combobox", name=re.compile("^Teema")
    ).select_option("information")
    fill_text(page, "ab", "Tämä teksti ei saa kadota.")
    page.get_by_role("button", name="Lähetä").click()

    summary = page.locator("#form-errors")
    expect(summary).to_be_visible()
    expect(summary).to_be_focused()
    expect(page.locator("#error-title")).to_contain_text("3")
    expect(page.locator("#error-geometry")).not_to_be_empty()
    expect(page.locator("#id_title")).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#id_title")).to_have_value("ab")
    expect(page.locator("#id_body")).to_have_value("Tämä teksti ei saa kadota.")
    assert not Contribution.objects.filter(title="ab").exists()
    assert serious_violations(page) == []


def test_point_outside_the_area_is_refused_with_a_message(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.locator("#contribution-form").get_by_role(
        "combobox", name=re.compile("^Teema")
    ).select_option("information")
    fill_text(page, "Kaukana", "Tämä on Tesoman ulkopuolella.")
    page.get_by_label("Leveysaste").fill("61.6")
    page.get_by_label("Pituusaste").fill("23.9")
    page.get_by_role("button", name="Lähetä").click()
    expect(page.locator("#error-geometry")).to_contain_text("Tesoma")
    expect(page.locator("#id_title")).to_have_value("Kaukana")


def test_language_can_be_switched(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.get_by_role("link", name="Svenska").click()
    expect(page).to_have_url(re.compile(r"/sv/campaigns/tesoma-together/$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tesoma tillsammans")
    page.get_by_role("link", name="English").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tesoma together")
    expect(page.get_by_role("button", name="Send")).to_be_visible()


def serious_violations(page: Page) -> list:
    """axe-core's serious and critical findings on the page as it is now."""
    results = Axe().run(page)
    return [
        (v["id"], v["impact"], [n["target"] for n in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_campaign_page_has_no_serious_accessibility_violations(page: Page, live_server, demo):
    open_campaign(page, live_server)
    assert serious_violations(page) == []


def test_other_pages_have_no_serious_accessibility_violations(page: Page, live_server, demo):
    contribution = Contribution.objects.first()
    for path in [
        "/sv/accessibility/",
        f"/en/contributions/{contribution.pk}/",
        "/en/areas/tesoma/",
    ]:
        response = page.goto(f"{live_server.url}{path}")
        assert response.status == 200, path
        assert serious_violations(page) == [], path
