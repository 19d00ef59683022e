"""The privacy notice in a browser at a desktop's and a small phone's width, and a photo that a
browser shows while its contribution is public and cannot load once a moderator hid it."""

import os
from pathlib import Path

import pytest
from django.test.testcases import LiveServerThread, _StaticFilesHandler
from playwright.sync_api import Browser, Page, expect

from engagement.models import Contribution
from tests.browser.test_campaign_journey import serious_violations
from tests.factories import PhotoFactory

HEADINGS = {"": "Tietosuojaseloste", "/sv": "Dataskyddsbeskrivning", "/en": "Privacy notice"}


@pytest.mark.parametrize("width", [1366, 320])
def test_the_notice_reads_well_at_desktop_and_phone_widths(
    browser: Browser, live_server, transactional_db, width, tmp_path
):
    shots = Path(os.environ.get("SCREENSHOT_DIR", tmp_path))
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    try:
        for prefix, heading in HEADINGS.items():
            response = page.goto(f"{live_server.url}{prefix}/privacy/")
            assert response.status == 200
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
            expect(page.get_by_role("heading", level=2)).to_have_count(8)
            # No sideways scrolling on a 320 px phone: every line wraps.
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            assert serious_violations(page) == [], prefix
            page.screenshot(
                path=shots / f"privacy{prefix.replace('/', '-')}-{width}.png", full_page=True
            )
    finally:
        context.close()


def test_the_footer_link_leads_to_the_notice(page: Page, live_server, transactional_db):
    page.goto(f"{live_server.url}/en/accessibility/")
    page.locator("footer").get_by_role("link", name="Privacy notice").click()
    expect(page).to_have_url(f"{live_server.url}/en/privacy/")
    expect(page.get_by_role("heading", level=2, name="Your rights")).to_be_visible()


def _loaded(page: Page, selector: str) -> bool:
    return page.eval_on_selector(selector, "img => img.complete && img.naturalWidth > 0")


@pytest.fixture
def app_server(transactional_db):
    """A live server whose /media/ goes through the app, as in production. (Django's live
    server answers /media/ from MEDIA_ROOT itself, past every check: here its media handler
    is unwrapped, and static files are still served.)"""
    thread = LiveServerThread(
        "localhost", lambda media_handler: _StaticFilesHandler(media_handler.application)
    )
    thread.daemon = True
    thread.start()
    thread.is_ready.wait()
    if thread.error:
        raise thread.error
    yield f"http://localhost:{thread.port}"
    thread.terminate()


def test_a_photo_shows_while_public_and_is_gone_once_hidden(
    page: Page, browser: Browser, app_server, contribution
):
    photo = PhotoFactory(contribution=contribution)
    page.goto(f"{app_server}/en/contributions/{contribution.pk}/")
    thumbnail = page.locator(".photos img").first
    expect(thumbnail).to_be_visible()
    page.wait_for_function("img => img.complete", arg=thumbnail.element_handle())
    assert _loaded(page, ".photos img")
    response = page.request.get(f"{app_server}{photo.image.url}")
    assert response.status == 200
    assert response.headers["cache-control"] == "public, max-age=300"
    Contribution.objects.filter(pk=contribution.pk).update(
        moderation_state=Contribution.ModerationState.HIDDEN, hidden_reason="spam"
    )
    # Another visitor, with nothing in a browser cache (a public photo may be kept for five
    # minutes by whoever has already seen it).
    stranger = browser.new_context()
    try:
        other = stranger.new_page()
        for url in (photo.thumbnail.url, photo.image.url):
            assert other.goto(f"{app_server}{url}").status == 404
    finally:
        stranger.close()
