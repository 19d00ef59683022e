"""The kiosk on a shared screen (decision 0048): a visitor pins, chooses, types and sends; the
thanks; the screen starts over empty, and again after a while without input; nothing is kept
in the browser; axe finds nothing serious in fi, sv and en, at 320 px neither, nor on the
moderator's activation page."""

import os

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from tests.browser.conftest import watched_page
from tests.browser.test_campaign_journey import serious_violations

KIOSK = "/campaigns/tesoma-together/kiosk/"
SHOTS = os.environ.get("KIOSK_SHOTS", "")  # a folder: the test saves its screenshots there

KEPT = """async () => ({
  local: localStorage.length,
  session: sessionStorage.length,
  databases: (await indexedDB.databases()).length,
  workers: (await navigator.serviceWorker.getRegistrations()).length,
})"""


def _shot(page: Page, name: str) -> None:
    if SHOTS:
        page.screenshot(path=f"{SHOTS}/{name}.png", full_page=True)


def _nothing_kept(page: Page) -> None:
    assert page.context.cookies() == []
    assert page.evaluate(KEPT) == {"local": 0, "session": 0, "databases": 0, "workers": 0}


@pytest.fixture
def kiosk_page(browser: Browser, settings):
    settings.KIOSK_IDLE_SECONDS = 2
    settings.KIOSK_WARNING_SECONDS = 2
    settings.KIOSK_THANKS_SECONDS = 2
    with watched_page(browser, width=1366) as page:
        yield page


def test_a_visitor_sends_an_idea_and_the_kiosk_starts_over_keeping_nothing(
    kiosk_page: Page, live_server, demo
):
    page = kiosk_page
    response = page.goto(f"{live_server.url}{KIOSK}")
    assert response.headers["cache-control"] == "no-store"
    expect(
        page.locator("#kiosk-map .leaflet-tile-loaded, #kiosk-map canvas").first
    ).to_be_attached()
    assert serious_violations(page) == []
    _shot(page, "kiosk-1366")
    # The attribution names its sources but leads nowhere.
    assert page.locator("#kiosk-map .leaflet-control-attribution a[href]").count() == 0
    # By keyboard: Enter on the map puts the pin at the cross; a tap moves it.
    page.locator("#kiosk-map").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#kiosk-map")).to_have_attribute("data-pin", "placed")
    expect(page.locator("#map-status")).to_contain_text("Nasta")
    centre = page.locator("#id_lat").input_value()
    page.locator("#kiosk-map").click(position={"x": 420, "y": 300})
    expect(page.locator("#id_lat")).not_to_have_value(centre)
    page.get_by_label("Tekemistä nuorille").check()
    page.get_by_label("Otsikko").fill("Penkkejä kirjaston eteen")
    page.get_by_label("Kuvaus").fill("Odottaessa bussia olisi kiva istua.")
    page.get_by_role("button", name="Lähetä").click()
    expect(page.get_by_role("heading", name="Kiitos!")).to_be_visible()
    assert page.url.endswith(f"{KIOSK}thanks/")
    assert serious_violations(page) == []
    _shot(page, "thanks-1366")
    # The thanks lasts its seconds, then the kiosk starts over, empty.
    page.wait_for_url(f"{live_server.url}{KIOSK}")
    expect(page.get_by_label("Otsikko")).to_have_value("")
    expect(page.get_by_label("Kuvaus")).to_have_value("")
    expect(page.locator("#kiosk-map")).not_to_have_attribute("data-pin", "placed")
    _nothing_kept(page)

    # A while without input: the warning; Continue keeps what was typed.
    page.get_by_label("Otsikko").fill("Kesken")
    dialog = page.get_by_role("dialog", name="Oletko vielä siellä?")
    expect(dialog).to_be_visible()
    _shot(page, "idle-1366")
    dialog.get_by_role("button", name="Jatka").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_label("Otsikko")).to_have_value("Kesken")
    # A visitor who changes their mind empties the screen at once.
    page.get_by_role("link", name="Tyhjennä lomake ja aloita alusta").click()
    expect(page.get_by_label("Otsikko")).to_have_value("")
    # Then nobody answers it: the screen starts over, in Finnish from Swedish too.
    page.goto(f"{live_server.url}/sv{KIOSK}")
    page.get_by_label("Rubrik").fill("Halvfärdig")
    page.wait_for_url(f"{live_server.url}{KIOSK}", timeout=15_000)
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    expect(page.get_by_label("Otsikko")).to_have_value("")
    _nothing_kept(page)


def test_the_kiosk_passes_axe_in_every_language_and_reflows(
    kiosk_page: Page, live_server, demo, settings
):
    settings.KIOSK_WARNING_SECONDS = 60  # time for axe to look at the warning
    page = kiosk_page
    width = 320
    page.set_viewport_size({"width": width, "height": 800})
    for prefix in ("", "/sv", "/en"):
        page.goto(f"{live_server.url}{prefix}{KIOSK}")
        assert serious_violations(page) == [], prefix
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= width, f"{prefix}{KIOSK} is {wide} px wide"
        if prefix == "/en":
            _shot(page, f"kiosk-{width}")
            page.get_by_role("button", name="Send").click()
            expect(page.locator("#form-errors")).to_be_focused()
            assert serious_violations(page) == []
            _shot(page, f"refused-{width}")
            # A refused form has something to forget: after the idle time, the warning.
            expect(page.get_by_role("dialog", name="Still there?")).to_be_visible()
            assert serious_violations(page) == []
            _shot(page, f"idle-{width}")
    # The moderator's page that makes a screen the kiosk.
    moderator = get_user_model().objects.get(email="moderaattori@example.org")
    client = Client()
    client.force_login(moderator)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page.goto(f"{live_server.url}/en{KIOSK}activate/")
    expect(
        page.get_by_role("button", name="Make this screen the kiosk and sign out")
    ).to_be_visible()
    assert serious_violations(page) == []
