"""Temporary: screenshots of issue 15's pages (deleted before commit)."""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.test_reflow import _context
from toolkit.models import Revision

OUT = Path("/tmp/shots24")


@pytest.mark.parametrize("width", [1366, 320])
def test_shots(browser: Browser, live_server, demo, width):
    OUT.mkdir(exist_ok=True)
    pages = {
        "anonymous": [
            ("story", "/toolkit/stories/coffee-with-the-area-coordinator/"),
            ("runsheet", "/toolkit/workshops/demo-teatteri-fi/"),
            ("present", "/toolkit/workshops/demo-teatteri-fi/present/"),
            ("pilot", "/pilots/1/"),
        ],
        "toolkit editor": [
            ("video-edit", "/toolkit/edit/stories/coffee-with-the-area-coordinator/video/"),
            ("editor", "/toolkit/edit/methods/charrette/"),
            ("editor-index", "/toolkit/edit/"),
            ("plan-edit", "/toolkit/workshops/demo-teatteri-fi/edit/"),
        ],
        "organisation member": [("pilot-form", "/pilots/new/?campaign=tesoma-together")],
        "moderator": [("review", "/moderation/pilots/")],
    }
    for role, items in pages.items():
        context = _context(browser, live_server, role, width)
        page = context.new_page()
        for name, path in items:
            page.goto(live_server.url + path)
            page.wait_for_timeout(800)
            page.screenshot(path=str(OUT / f"{name}-{width}.png"), full_page=True)
        context.close()
    print(Revision.objects.count())
