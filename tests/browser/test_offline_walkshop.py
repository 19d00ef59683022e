"""The offline walkshop mode in Chromium (docs/decisions/0046): the campaign page keeps itself
and the base map, two ideas with a photo (and a third the server will refuse) are pinned without
a connection and wait in the outbox, survive the page being closed, are listed again on a page
opened offline (from the service worker's cache), and are sent when the connection returns: the
two good ones each exactly once although the answer to the first send is lost, the one the server
refuses kept with its reason and put back into the form by Edit. axe is run on the page with
the outbox shown.

Set OFFLINE_SHOTS=/some/folder to keep screenshots (1366 and 320 px) with two entries waiting.
"""

import io
import os
import re

import pytest
from PIL import Image
from playwright.sync_api import Browser, Page, expect

from engagement.models import Contribution
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, watch_csp
from tests.browser.test_base_map import base_maps  # noqa: F401 (the fixture, used by name)
from tests.browser.test_campaign_journey import serious_violations

CAMPAIGN = "/en/campaigns/tesoma-together/"
GOOD, REFUSED, GOOD2 = "Bench by the pond", "Sign at the path", "Shelter at the stop"
# The page as the worker kept it (its cache), to tell it from one the server renders anew.
KEPT_PAGE = """async (url) => {
  const cache = await caches.open("yhdessa-pages-v1");
  const kept = await cache.match(url, { ignoreVary: true });
  return kept ? await kept.text() : null;
}"""


def jpeg() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (320, 240), "orange").save(buffer, "JPEG")
    return buffer.getvalue()


def pin_idea(page: Page, title: str, photo: dict) -> None:
    form = page.locator("#contribution-form")
    page.get_by_role("button", name="Place pin at map centre").click()
    form.get_by_role("combobox", name=re.compile("^Theme")).select_option("innovative-routes")
    form.get_by_role("textbox", name=re.compile("^Title")).fill(title)
    form.get_by_role("textbox", name=re.compile("^Description")).fill("Pinned on the walk.")
    form.get_by_label(re.compile("^Photos")).set_input_files(files=[photo])
    form.get_by_role("button", name="Send").click()
    expect(page.locator("#form-status")).to_contain_text("kept on this device")


def open_page(context, url: str, errors: list[str], basemap: list | None = None):
    page = context.new_page()
    page.set_default_timeout(15_000)
    page.on("pageerror", lambda error: errors.append(str(error)))
    if basemap is not None:
        page.on("response", lambda r: basemap.append(r) if "/basemap/" in r.url else None)
    return page, page.goto(url)


def screenshots(page: Page, name: str) -> None:
    folder = os.environ.get("OFFLINE_SHOTS")
    if not folder:
        return
    os.makedirs(folder, exist_ok=True)
    for width in (1366, 320):
        page.set_viewport_size({"width": width, "height": 900})
        page.locator("#outbox").scroll_into_view_if_needed()
        page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=width == 320)
        page.screenshot(path=f"{folder}/{name}-{width}-view.png")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.mark.usefixtures("demo", "base_maps")
def test_ideas_pinned_offline_wait_survive_a_reopening_and_arrive_once(
    browser: Browser,
    live_server,
    settings,
    tmp_path,
):
    settings.MEDIA_ROOT = tmp_path
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    errors: list[str] = []
    url = f"{live_server.url}{CAMPAIGN}"
    page, _ = open_page(context, url, errors)
    status = page.locator("#offline-status")
    expect(status).to_have_attribute("data-state", "ready")
    expect(status).to_contain_text(
        re.compile(r"Ready for offline use: the page, the base map \(\d+ kB\)")
    )

    context.set_offline(True)
    pin_idea(page, GOOD, {"name": "bench.jpg", "mimeType": "image/jpeg", "buffer": jpeg()})
    # A .jpg that is no image: only the server can tell.
    pin_idea(page, REFUSED, {"name": "sign.jpg", "mimeType": "image/jpeg", "buffer": b"no image"})
    pin_idea(page, GOOD2, {"name": "shelter.jpg", "mimeType": "image/jpeg", "buffer": jpeg()})
    items = page.locator("#outbox-list > li")
    expect(items).to_have_count(3)
    expect(page.get_by_role("heading", name="Waiting to be sent (3)")).to_be_visible()
    expect(items.nth(0)).to_contain_text(GOOD)
    expect(items.nth(0)).to_contain_text("1 photo")
    expect(items.nth(1)).to_contain_text(REFUSED)
    expect(items.nth(2)).to_contain_text(GOOD2)
    screenshots(page, "two-waiting")

    # Closed, and opened again without a connection: the page comes from the worker's cache.
    kept = page.evaluate(KEPT_PAGE, url)
    page.close()
    assert not context.pages
    basemap: list = []
    page, response = open_page(context, url, errors, basemap)
    # The very bytes kept (a page the server renders has a new CSRF token and key).
    assert response.from_service_worker and response.text() == kept
    expect(page.locator("#outbox-list > li")).to_have_count(3)
    expect(page.locator("#campaign-map canvas.leaflet-tile-loaded").first).to_be_attached()
    # The base map's ranges, answered by the worker from the whole file it keeps.
    assert basemap and all(r.status == 206 and r.from_service_worker for r in basemap)
    assert all(r.headers["content-range"].startswith("bytes ") for r in basemap)
    assert not Contribution.objects.filter(title__in=[GOOD, REFUSED, GOOD2]).exists()

    # Online again; the first answer is lost on the way: the entry stays and is sent again.
    lost: list[int] = []

    def lose_first_answer(route):
        if route.request.method == "POST" and not lost:
            lost.append(route.fetch().status)
            route.abort("connectionfailed")
        else:
            route.continue_()

    page.route("**/api/v1/contributions/", lose_first_answer)
    context.set_offline(False)
    # Chromium says `online` (one try: the next is the page's load, or 30 s later).
    for _ in range(100):
        if lost:
            break
        page.wait_for_timeout(100)
    assert lost == [201]
    expect(page.locator("#outbox-list > li")).to_have_count(3)
    assert Contribution.objects.filter(title=GOOD).count() == 1
    page.reload()  # a try on the page's load
    outbox_status = page.locator("#outbox-status")
    expect(outbox_status).to_contain_text(f"“{GOOD}” was sent")
    expect(outbox_status).to_contain_text(f"“{REFUSED}” was not accepted")
    expect(outbox_status).to_contain_text(f"“{GOOD2}” was sent")
    refused = page.locator("#outbox-list > li")
    expect(refused).to_have_count(1)
    expect(refused).to_contain_text(REFUSED)
    expect(refused.locator(".outbox-reasons")).to_contain_text("Photos:")
    for title in (GOOD, GOOD2):  # each exactly once, with its photo
        assert Contribution.objects.filter(title=title).count() == 1
        assert Contribution.objects.get(title=title).photos.count() == 1
    assert not Contribution.objects.filter(title=REFUSED).exists()
    for title in (GOOD, GOOD2):
        expect(page.locator("#contribution-list")).to_contain_text(title)
    # Written into the list by the page, dated as the server writes dates in English.
    sent = page.locator("#contribution-list > li", has_text=GOOD2).locator("time")
    expect(sent).to_have_text(
        re.compile(r"^\d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$")
    )
    assert serious_violations(page) == []
    screenshots(page, "one-refused")

    # Edit: back into the form with the reason beside the photos field and the same key.
    key = refused.get_attribute("data-key")
    refused.get_by_role("button", name=f"Edit “{REFUSED}”").click()
    form = page.locator("#contribution-form")
    expect(form.get_by_role("textbox", name=re.compile("^Title"))).to_have_value(REFUSED)
    expect(page.locator("#error-photos .field-error")).not_to_be_empty()
    expect(page.locator("#form-errors")).to_be_focused()
    assert page.locator("#id_photos").evaluate("(input) => input.files.length") == 1
    assert page.locator("#id_idempotency_key").input_value() == key
    # A real photo instead, sent from the form with the entry's key: it arrives, the entry goes.
    photo = {"name": "sign.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}
    form.get_by_label(re.compile("^Photos")).set_input_files(files=[photo])
    form.get_by_role("button", name="Send").click()
    expect(page.locator("#form-status")).to_contain_text("Thank you")
    expect(page.locator("#outbox")).to_be_hidden()
    assert Contribution.objects.get(title=REFUSED).idempotency_key.hex == key.replace("-", "")

    # Delete, after a question: the entry goes, and the focus to the form.
    context.set_offline(True)
    pin_idea(page, "Changed my mind", {"name": "a.jpg", "mimeType": "image/jpeg", "buffer": jpeg()})
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="Delete “Changed my mind”").click()
    expect(page.locator("#outbox")).to_be_hidden()
    expect(page.locator("#outbox-status")).to_contain_text("was deleted from this device")
    expect(page.locator("#form-heading")).to_be_focused()

    # Too many in a short time (429, a walk's group on one Wi-Fi): no refusal of the entry; it
    # waits without a reason and goes by itself after the server's Retry-After.
    later = "Later, please"
    pin_idea(page, later, {"name": "b.jpg", "mimeType": "image/jpeg", "buffer": jpeg()})
    busy: list[int] = []

    def too_many_once(route):
        if route.request.method == "POST" and not busy:
            busy.append(429)
            route.fulfill(
                status=429,
                headers={"Retry-After": "2", "Content-Type": "application/json"},
                body='{"__all__": ["Please wait a moment."]}',
            )
        else:
            route.continue_()

    page.unroute("**/api/v1/contributions/")
    page.route("**/api/v1/contributions/", too_many_once)
    context.set_offline(False)
    expect(page.locator("#outbox-status")).to_contain_text("sent by themselves in 1 minute")
    expect(page.locator("#outbox-list > li")).to_contain_text(later)
    expect(page.locator("#outbox .outbox-reasons")).to_have_count(0)
    expect(page.locator("#outbox")).to_be_hidden(timeout=10_000)
    assert busy == [429] and Contribution.objects.filter(title=later).count() == 1

    # The kiosk and the live screen are never the worker's (other parts of issue 17 build them).
    for screen in ("kiosk/", "live/"):
        assert not page.goto(f"{url}{screen}").from_service_worker
    # A base map over the limit is not kept, and the page says so.
    settings.OFFLINE_BASEMAP_MAX_BYTES = 1000
    page.goto(url)
    expect(page.locator("#offline-status")).to_contain_text(
        re.compile(
            r"The base map is too large to keep for offline use \(\d+ kB, the limit is 1 kB\)"
        )
    )
    # In Finnish, with the sizes as a Finnish reader writes them; the front page is the
    # default campaign's page and is kept too.
    page.goto(f"{live_server.url}/")
    too_large = re.compile(r"Taustakartta on liian suuri .*\(\d+ kt, raja on 1 kt\)")
    expect(page.locator("#offline-status")).to_contain_text(too_large)
    assert page.evaluate(KEPT_PAGE, f"{live_server.url}/")

    context.close()
    assert not errors, f"JavaScript errors: {errors}"
    assert not violations, f"Content-Security-Policy violations: {violations}"


def launch_profile(browser: Browser, profile):
    """Chromium on a profile folder of its own: closing it closes the browser itself."""
    return browser.browser_type.launch_persistent_context(
        profile,
        executable_path=CHROMIUM,
        headless=True,
        args=CHROMIUM_ARGS,
        locale="en-GB",
        viewport={"width": 1280, "height": 900},
    )


@pytest.mark.usefixtures("demo", "base_maps")
def test_a_waiting_idea_survives_the_browser_being_closed(
    browser: Browser, live_server, settings, tmp_path
):
    """The browser itself closed and started again on the same profile, still offline."""
    settings.MEDIA_ROOT = tmp_path / "media"
    profile = tmp_path / "profile"
    url = f"{live_server.url}{CAMPAIGN}"
    title = "Crossing by the school"
    errors: list[str] = []
    context = launch_profile(browser, profile)
    page, _ = open_page(context, url, errors)
    expect(page.locator("#offline-status")).to_have_attribute("data-state", "ready")
    context.set_offline(True)
    pin_idea(page, title, {"name": "x.jpg", "mimeType": "image/jpeg", "buffer": jpeg()})
    expect(page.locator("#outbox-list > li")).to_have_count(1)
    context.close()

    context = launch_profile(browser, profile)
    context.set_offline(True)
    page, response = open_page(context, url, errors)
    assert response.from_service_worker
    expect(page.locator("#outbox-list > li")).to_contain_text(title)
    assert not Contribution.objects.filter(title=title).exists()
    context.set_offline(False)
    expect(page.locator("#outbox-status")).to_contain_text(f"“{title}” was sent")
    expect(page.locator("#outbox")).to_be_hidden()
    context.close()
    assert Contribution.objects.filter(title=title).count() == 1
    assert not errors, f"JavaScript errors: {errors}"
