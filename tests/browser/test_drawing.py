"""Drawing a route or an area on the campaign map (docs/decisions/0024): a four-corner area by
keyboard alone in at most 40 key presses, counted from the Tab that reaches the map; Geoman's
toolbar and tooltips in the page's language; and the focus, which never falls to the page."""

import json
import re

import pytest
from playwright.sync_api import Page, expect

from engagement.models import Contribution
from tests.browser.test_campaign_journey import CAMPAIGN, open_campaign, serious_violations

MOST_PRESSES = 40


class Keys:
    """The keyboard, counting every press."""

    def __init__(self, page: Page):
        self.page = page
        self.count = 0

    def press(self, key: str) -> None:
        self.count += 1
        self.page.keyboard.press(key)

    def pan(self, key: str) -> None:
        """An arrow key, and the map's move to its end (Leaflet drops a key while it pans)."""
        before = self.page.locator("#campaign-map").get_attribute("data-center")
        self.press(key)
        expect(self.page.locator("#campaign-map")).not_to_have_attribute("data-center", before)
        self.page.wait_for_timeout(300)

    def tab_to(self, predicate: str, limit: int = 20) -> None:
        """Tab until document.activeElement satisfies the predicate (a JS expression on `a`)."""
        for _ in range(limit):
            self.press("Tab")
            if self.page.evaluate(f"(a => {predicate})(document.activeElement)"):
                return
        raise AssertionError(f"Tab never reached {predicate}")


def focused(page: Page) -> str:
    """What has the focus: its id, or its tag and class; never the page's body."""
    found = page.evaluate(
        "(a => a === document.body ? 'body' : a.id || `${a.tagName}.${a.className}`)"
        "(document.activeElement)"
    )
    assert found != "body", "the focus fell to the page"
    return found


def has_focus(page: Page, element_id: str) -> None:
    """The element gets the focus (once the page has answered), and so the page does not."""
    expect(page.locator(f"#{element_id}")).to_be_focused()
    assert focused(page) == element_id


def fill_form(page: Page, title: str) -> None:
    form = page.locator("#contribution-form")
    form.get_by_role("combobox", name=re.compile("^Teema")).select_option("innovative-routes")
    form.get_by_role("textbox", name=re.compile("^Otsikko")).fill(title)
    form.get_by_role("textbox", name=re.compile("^Kuvaus")).fill("Piirretty näppäimistöllä.")


def test_four_corner_area_by_keyboard_in_at_most_40_presses(page: Page, live_server, demo):
    open_campaign(page, live_server)
    status = page.locator("#map-status")
    fill_form(page, "Koirapuisto metsän laitaan")  # the texts first: only the drawing is counted
    # The control just before the map: the first Tab of the count reaches the map.
    page.locator("#locate-me").focus()
    keys = Keys(page)
    keys.press("Tab")
    has_focus(page, "campaign-map")
    # The map's toolbar, after the map's own controls: "Piirrä alue" starts an area by keyboard.
    keys.tab_to("a.getAttribute('aria-label') === 'Piirrä alue'")
    keys.press("Enter")
    has_focus(page, "campaign-map")
    expect(status).to_contain_text("Alueen piirtäminen")
    expect(page.locator("#shape-choice input[value=polygon]")).to_be_checked()

    # Corners 80 px apart (an arrow's step), inside Tesoma at the map's first zoom.
    centres = []
    for move in [None, "ArrowRight", "ArrowDown", "ArrowLeft"]:
        if move:
            keys.pan(move)
        centres.append(page.locator("#campaign-map").get_attribute("data-center"))
        keys.press("Enter")
        expect(status).to_contain_text(f"Piste {len(centres)} lisätty")
    # A slip: a fifth corner, and Backspace takes it away again.
    keys.pan("Shift+ArrowUp")
    keys.press("Enter")
    expect(status).to_contain_text("Piirroksen pisteitä: 5")
    keys.press("Backspace")
    expect(status).to_have_text("Piste poistettu. Piirroksen pisteitä: 4.")
    # Enter again without moving the map finishes (the last corner is back under the cross).
    keys.pan("Shift+ArrowDown")
    keys.press("Enter")
    expect(status).to_have_text("Piirros on valmis. Pisteitä: 4.")
    assert keys.count <= MOST_PRESSES, f"{keys.count} key presses"
    expect(page.locator("#vertex-list li")).to_have_count(4)
    drawn = json.loads(page.locator("#id_geometry").input_value())

    # Sent by keyboard: the focus goes to the thanks, and the area is stored with its corners.
    page.locator("#vertex-list button").last.focus()
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "submit-contribution":
            break
        page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    expect(page.locator("#form-status")).to_contain_text("Kiitos")
    has_focus(page, "form-status")
    stored = Contribution.objects.get(title="Koirapuisto metsän laitaan")
    assert stored.geometry.geom_type == "Polygon"
    ring = stored.geometry.coords[0]
    assert len(ring) == 5 and ring[0] == ring[-1]  # four corners, the ring closed
    for (lon, lat), (want_lon, want_lat) in zip(ring, drawn["coordinates"][0], strict=True):
        assert lon == pytest.approx(want_lon, abs=1e-6)
        assert lat == pytest.approx(want_lat, abs=1e-6)
    for (lon, lat), centre in zip(ring, centres, strict=False):
        c_lat, c_lon = map(float, centre.split(","))
        assert (lat, lon) == (pytest.approx(c_lat, abs=2e-5), pytest.approx(c_lon, abs=2e-5))
    # The API tells the same four corners.
    feature = page.request.get(f"{live_server.url}/api/v1/contributions/{stored.pk}/").json()
    assert feature["geometry"]["coordinates"][0][:4] == [list(c) for c in ring[:4]]


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        (
            "",
            {
                "buttons": ["Aseta merkki", "Piirrä reitti", "Piirrä alue"],
                "actions": ["Valmis", "Poista viimeinen piste", "Peruuta"],
                "first": "Aseta ensimmäinen piste napsauttamalla.",
                "next": "Aseta seuraava piste napsauttamalla.",
                "close": "Sulje alue napsauttamalla ensimmäistä pistettä.",
                "ready": "Piirros on valmis. Pisteitä: 3.",
            },
        ),
        (
            "/sv",
            {
                "buttons": ["Placera en markering", "Rita en rutt", "Rita ett område"],
                "actions": ["Klar", "Ta bort sista punkten", "Avbryt"],
                "first": "Klicka för att placera den första punkten.",
                "next": "Klicka för att placera nästa punkt.",
                "close": "Klicka på den första punkten för att stänga området.",
                "ready": "Figuren är klar. Antal punkter: 3.",
            },
        ),
    ],
)
def test_area_drawn_with_geomans_toolbar_in_the_pages_language(
    page: Page, live_server, demo, prefix, words
):
    open_campaign(page, live_server, f"{prefix}{CAMPAIGN}")
    toolbar = page.locator(".leaflet-pm-toolbar .leaflet-buttons-control-button")
    expect(toolbar).to_have_count(3)
    for link, name in zip(toolbar.all(), words["buttons"], strict=True):
        expect(link).to_have_attribute("aria-label", name)
        expect(link).to_have_attribute("title", name)
    area = page.get_by_role("button", name=words["buttons"][2], exact=True)
    area.click()
    expect(area).to_have_attribute("aria-pressed", "true")
    actions = page.locator(".button-container.active .leaflet-pm-action")
    expect(actions).to_have_text(words["actions"])
    map_el = page.locator("#campaign-map")
    box = map_el.bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(cx - 40, cy + 40)
    tooltip = page.locator("#campaign-map .leaflet-tooltip")
    expect(tooltip).to_have_text(words["first"])
    # Over a contribution's pin too, a click adds a point (the pins let it through while drawing).
    points = [(-60, 40), (0, 70), (50, 30)]
    for dx, dy in points:
        page.mouse.move(cx + dx - 5, cy + dy - 5)
        page.mouse.move(cx + dx, cy + dy, steps=3)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_timeout(350)  # separate clicks, not a double click
        if (dx, dy) == points[0]:
            expect(tooltip).to_have_text(words["next"])
    expect(tooltip).to_have_text(words["close"])
    assert serious_violations(page) == []  # the toolbar, its actions and the tooltip, drawing
    # A click on the first point closes the area.
    page.mouse.move(cx + points[0][0], cy + points[0][1], steps=3)
    page.mouse.down()
    page.mouse.up()
    expect(page.locator("#map-status")).to_have_text(words["ready"])
    expect(page.locator("#vertex-list li")).to_have_count(3)
    expect(area).to_have_attribute("aria-pressed", "false")
    focused(page)
    before = page.locator("#id_geometry").input_value()
    # A point is dragged by its handle (Geoman's editing): the form's geometry follows.
    page.mouse.move(cx, cy + 70)
    page.mouse.down()
    page.mouse.move(cx + 25, cy + 100, steps=5)
    page.mouse.up()
    expect(page.locator("#id_geometry")).not_to_have_value(before)
    moved = json.loads(page.locator("#id_geometry").input_value())["coordinates"][0]
    assert len(moved) == 4 and moved[0] == moved[-1]
    # No word of Geoman's English anywhere on the map.
    text = map_el.inner_text() + " ".join(
        page.locator("#campaign-map [title], #campaign-map [aria-label]").evaluate_all(
            "els => els.map(e => (e.title || '') + ' ' + (e.getAttribute('aria-label') || ''))"
        )
    )
    for english in ["Draw", "Marker", "Vertex", "Click", "Finish", "Cancel", "Layers"]:
        assert english not in text


def test_pin_is_placed_with_the_toolbar_and_by_enter_on_the_map(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.get_by_role("button", name="Aseta merkki", exact=True).click()
    box = page.locator("#campaign-map").bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2 + 30, box["y"] + box["height"] / 2 + 50, steps=3)
    expect(page.locator("#campaign-map .leaflet-tooltip")).to_have_text(
        "Aseta merkki napsauttamalla karttaa."
    )
    page.mouse.down()
    page.mouse.up()
    expect(page.locator(".draft-pin")).to_have_count(1)
    expect(page.locator("#map-status")).to_contain_text("Merkki asetettu")
    lat = page.locator("#id_lat").input_value()
    # By keyboard: Enter on the focused map puts the pin at the cross.
    page.locator("#campaign-map").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#id_lat")).not_to_have_value(lat)
    centre_lat = float(page.locator("#campaign-map").get_attribute("data-center").split(",")[0])
    assert float(page.locator("#id_lat").input_value()) == pytest.approx(centre_lat, abs=1e-5)
    expect(page.locator(".draft-pin")).to_have_count(1)


def test_focus_stays_on_the_form_after_refusals_and_follows_the_summarys_links(
    page: Page, live_server, demo
):
    open_campaign(page, live_server)
    summary = page.locator("#form-errors")
    page.get_by_role("button", name="Lähetä").click()
    expect(summary).to_be_visible()
    has_focus(page, "form-errors")
    summary.get_by_role("link", name=re.compile("Otsikko|merkkiä|pakollinen")).first.click()
    has_focus(page, "id_title")
    # The place's link goes to the place's controls: the coordinates for a pin...
    place_link = summary.locator("a[href='#id_lat']")
    place_link.click()
    has_focus(page, "id_lat")
    # ...and "Piirrä kartalle" for an area, whose coordinates are hidden.
    page.locator("#shape-choice input[value=polygon]").check()
    page.get_by_role("button", name="Lähetä").click()
    has_focus(page, "form-errors")
    summary.locator("a[href='#draw-start']").click()
    has_focus(page, "draw-start")
    # From there, by keyboard, the map: drawing starts on it.
    page.keyboard.press("Enter")
    has_focus(page, "campaign-map")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")  # at the same place: too few points to finish, and said so
    expect(page.locator("#map-status")).to_contain_text("Ristin kohdalla on jo piste")
    # A drawing that can be finished with the button: the focus goes to "Piirrä kartalle".
    page.locator("#draw-finish").click()
    expect(page.locator("#map-status")).to_have_text("Alueessa on oltava vähintään 3 pistettä.")
    has_focus(page, "draw-start")

    # A send that fails on the way (no connection): the contribution waits on the device to be
    # sent later (the outbox, decision 0046), the status says so and has the focus.
    fill_form(page, "Lähetys katkeaa")
    page.locator("#shape-choice input[value=point]").check()
    page.get_by_role("button", name="Aseta merkki kartan keskelle").click()
    page.route("**/api/v1/contributions/", lambda route: route.abort())
    page.get_by_role("button", name="Lähetä").click()
    expect(page.locator("#form-status")).to_contain_text("tallessa tässä laitteessa")
    has_focus(page, "form-status")
    expect(page.locator("#outbox-list > li")).to_contain_text("Lähetys katkeaa")
    assert not Contribution.objects.filter(title="Lähetys katkeaa").exists()


def test_a_drawing_in_progress_by_keyboard_has_no_serious_accessibility_violations(
    page: Page, live_server, demo
):
    open_campaign(page, live_server)
    page.locator("#shape-choice input[value=line]").check()
    page.locator("#draw-start").focus()
    page.keyboard.press("Enter")
    for key in ["Enter", "ArrowRight", "Enter"]:
        page.keyboard.press(key)
        page.wait_for_timeout(350)
    expect(page.locator("#vertex-list li")).to_have_count(2)
    expect(page.locator("#draw-finish")).to_be_visible()
    expect(page.get_by_role("button", name="Piirrä reitti", exact=True)).to_have_attribute(
        "aria-pressed", "true"
    )
    # Geoman's handles on the points are for the mouse: no tab stops, nothing unnamed.
    handles = page.locator("#campaign-map .marker-icon")
    expect(handles.first).to_have_attribute("tabindex", "-1")
    expect(handles.first).to_have_attribute("aria-hidden", "true")
    assert serious_violations(page) == []
