"""Every kind of page runs under the Content-Security-Policy in Chromium: no blocked script,
style or source, no console error, and the maps, buttons and video still work
(docs/decisions/0012). The journeys in this folder check the same on every page they open, and
tests/browser/test_reflow.py walks every kind of the site's own pages for every role with the
same checks; this file keeps the admin's pages, the buttons, the video and the proof that the
watch is not blind."""

import re
from dataclasses import dataclass, field

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from engagement.models import Contribution
from geo.models import Area
from tests.browser.conftest import watch_csp
from toolkit.models import MethodCard, Story, WorkshopPlan

ADMIN_EMAIL, ADMIN_PASSWORD = "admin@example.org", "an admin passphrase 42"


@dataclass
class Visitor:
    """A browser context, signed in as someone or not, with what went wrong on its pages."""

    context: BrowserContext
    page: Page
    violations: list[str]
    console_errors: list[str] = field(default_factory=list)

    def problems(self) -> list[str]:
        return self.violations + self.console_errors


def visitor(browser: Browser, live_server, email: str = "", password: str = "") -> Visitor:
    context = browser.new_context(locale="en-GB", viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    found = Visitor(context, page, violations)

    def on_console(message: ConsoleMessage) -> None:
        # A page that answers 4xx on purpose logs its own status; the admin has no icon.
        url = message.location.get("url", "")
        if message.type == "error" and url != page.url and not url.endswith("/favicon.ico"):
            found.console_errors.append(f"{url}: {message.text}")
        elif "Permissions-Policy" in message.text:  # a feature this browser does not know
            found.console_errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: found.console_errors.append(str(error)))
    if email:
        page.goto(f"{live_server.url}/en/accounts/login/")
        page.get_by_label("Email:").fill(email)
        page.get_by_label("Password:").fill(password)
        page.get_by_role("button", name="Sign In").click()
        expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return found


def visit(who: Visitor, live_server, path: str, status: int = 200) -> None:
    """Opens the page, checks its headers, waits until its scripts are done."""
    response = who.page.goto(f"{live_server.url}{path}")
    assert response.status == status, path
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy, path
    assert "geolocation=(self)" in response.headers["permissions-policy"], path
    who.page.wait_for_load_state("networkidle")
    for container in who.page.locator("[data-leaflet-options]").all():
        # The static script started the map (django-leaflet's inline script would be blocked).
        expect(container).to_have_class(re.compile("leaflet-container"))


def pages_of(browser: Browser, live_server, paths: list[str], *account: str) -> list[str]:
    """Opens each path as the account; returns every violation and console error, by path."""
    who = visitor(browser, live_server, *account)
    problems: list[str] = []
    try:
        for path in paths:
            before = len(who.problems())
            status = 404 if "no-such" in path else 400 if "%00" in path else 200
            visit(who, live_server, path, status)
            problems += [f"{path}: {problem}" for problem in who.problems()[before:]]
    finally:
        who.context.close()
    return problems


def test_admin_and_its_map_widgets_run_under_the_policy(browser: Browser, live_server, demo):
    admin = get_user_model().objects.create_superuser("admin", ADMIN_EMAIL, ADMIN_PASSWORD)
    EmailAddress.objects.create(user=admin, email=ADMIN_EMAIL, verified=True, primary=True)
    contribution = Contribution.objects.order_by("pk").first()
    area = Area.objects.get(slug="tesoma")
    paths = [
        "/en/admin/",
        "/en/admin/engagement/contribution/",
        f"/en/admin/engagement/contribution/{contribution.pk}/change/",
        "/en/admin/geo/area/",
        f"/en/admin/geo/area/{area.pk}/change/",
        "/en/admin/geo/area/import/",
        "/en/admin/auth/user/",
    ]
    found = pages_of(browser, live_server, paths, ADMIN_EMAIL, ADMIN_PASSWORD)
    # The admin's geometry widget (django-leaflet's inline script, allowed by the response's
    # nonce) draws its map and its drawing tools.
    who = visitor(browser, live_server, ADMIN_EMAIL, ADMIN_PASSWORD)
    visit(who, live_server, f"/en/admin/engagement/contribution/{contribution.pk}/change/")
    expect(who.page.locator(".leaflet-container")).to_have_count(1)
    expect(who.page.locator(".leaflet-draw-toolbar").first).to_be_visible()
    who.context.close()
    assert found + who.problems() == []


def test_print_and_full_screen_buttons_work_without_inline_handlers(
    browser: Browser, live_server, demo
):
    who = visitor(browser, live_server)
    who.context.add_init_script("window.print = () => { window.__printed = true; };")
    visit(who, live_server, "/en/toolkit/methods/evaluation-by-measures/")
    who.page.get_by_role("button", name="Print").click()
    assert who.page.evaluate("window.__printed") is True
    plan = WorkshopPlan.objects.create(token="csp-plan", title="Evening")
    plan.items.create(kind="method", method=MethodCard.objects.get(slug="charrette"))
    visit(who, live_server, f"/en/toolkit/workshops/{plan.token}/")
    who.page.get_by_role("button", name="Print").click()
    who.page.get_by_role("button", name="Show full-screen").click()
    expect(who.page.locator("#workshop:fullscreen")).to_have_count(1)
    who.context.close()
    assert who.problems() == []


def test_story_video_and_captions_load_under_the_policy(
    browser: Browser, live_server, demo, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # A story with an older video file (the demo's own video story plays its transcoded one).
    story = Story.objects.filter(status="published", story_video=None).order_by("slug").first()
    story.video.save("clip.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    story.captions.save(
        "clip.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHi\n"), save=False
    )
    story.save()
    who = visitor(browser, live_server)
    visit(who, live_server, f"/en/toolkit/stories/{story.slug}/")
    # media-src 'self' lets the captions load (readyState 2); a blocked track reports 3.
    who.page.wait_for_function("() => document.querySelector('video track').readyState >= 2")
    assert who.page.evaluate("document.querySelector('video track').readyState") == 2
    who.context.close()
    assert who.violations == []


INLINE = {
    "style-src": "document.body.insertAdjacentHTML('beforeend', '<p style=\"color: red\">x</p>')",
    "script-src": "document.body.append(Object.assign(document.createElement('script'), "
    "{textContent: 'window.x = 1'}))",
}


@pytest.mark.parametrize("directive", INLINE)
def test_an_inline_style_or_script_is_blocked_and_reported(
    browser: Browser, live_server, demo, directive
):
    """The watch is not blind: an inline style or script on a page is blocked and reported."""
    who = visitor(browser, live_server)
    visit(who, live_server, "/en/accessibility/")
    who.page.evaluate(INLINE[directive])
    who.page.wait_for_timeout(300)
    assert who.page.evaluate("window.x") is None
    who.context.close()
    assert len(who.violations) == 1 and who.violations[0].startswith(directive)
