"""Every page reflows (WCAG 1.4.10): at 320 CSS px no page scrolls sideways and no text runs off
the screen, for every role. The same walk checks that every kind of page runs under the
Content-Security-Policy with no script error (tests/browser/test_content_security_policy.py
keeps the admin's pages and the buttons, video and blocked inline code). A phone's first
screen on the campaign page shows the map and the way to the form, with the campaign's text
folded and the header's links behind a menu button."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, expect

from config.demo.read import demo_data_read
from engagement.models import Contribution, ExportJob
from tests.browser.conftest import watch_csp
from toolkit.models import MethodCard, Pilot, Story, WorkshopPlan
from toolkit.pilots.status import UNDER_REVIEW

CAMPAIGN = "/campaigns/tesoma-together/"
# A long address and a long word in a contribution, shown in the list, the detail page and the
# moderation queue: they must break, not widen the page.
LONG_URL = "https://www.tampere.fi/" + "asuminen-ja-ymparisto/" * 8 + "tesoma.html"
LONG_WORD = "Länsikeskuksenpysäköintialueenliikennejärjestelysuunnitelma"

# Widths in CSS px (the phone of WCAG 1.4.10, a common phone, a tablet held upright).
NARROWEST, PHONE, TABLET = 320, 390, 768

# Elements that reach past the right edge of the viewport, outside any container that scrolls
# or clips them (a table in its .table-scroll, the map's panes): text cut off from view.
CUT_OFF = """() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if (!box.width || box.right <= width + 1) continue;
    if (getComputedStyle(el).visibility === "hidden" || !el.innerText?.trim()) continue;
    let parent = el.parentElement, clipped = false;
    while (parent && parent !== document.body) {
      if (getComputedStyle(parent).overflowX !== "visible") { clipped = true; break; }
      parent = parent.parentElement;
    }
    const name = `${el.tagName.toLowerCase()}.${el.className}`;
    if (!clipped) found.push(`${name} ends at ${Math.round(box.right)}`);
  }
  return found.slice(0, 5);
}"""


def _public_pages(pilot: Pilot, story: Story) -> list[tuple[str, int]]:
    """The pages every visitor may open: a contribution of each shape, and the answers to an
    address that does not exist and to a refused filter."""
    by_shape = {c.geometry.geom_type: c.pk for c in Contribution.objects.order_by("pk")}
    assert len(by_shape) == 3  # a point, a route and an area
    pages = [f"/contributions/{pk}/" for pk in by_shape.values()]
    pages += ["/areas/tesoma/", "/accessibility/", "/privacy/", "/pilots/", f"/pilots/{pilot.pk}/"]
    pages += ["/toolkit/", "/toolkit/guide/", "/toolkit/methods/evaluation-by-measures/"]
    pages += [f"/toolkit/stories/{story.slug}/", "/toolkit/workshops/new/"]
    pages += ["/toolkit/workshops/reflow-plan/", "/accounts/login/", "/accounts/signup/"]
    pages += ["/accounts/password/reset/", "/en/accessibility/"]
    found = [(path, 200) for path in pages]
    return [*found, ("/no-such-page/", 404), (f"{CAMPAIGN}?q=%00", 400)]


ACCOUNT_PAGES = [
    "/account/contributions/",
    "/account/delete/",
    "/accounts/email/",
    "/accounts/password/change/",
]


def _pages(role: str) -> list[tuple[str, int]]:
    """The pages of every type the role may open, with the status each answers.

    Every role sees "/" and the campaign page (where the header's links differ); the public
    pages are walked once, by a visitor, and the account's own pages by the resident and the
    administrator, whose header is the longest."""
    contribution = Contribution.objects.order_by("pk").first()
    pilot = Pilot.objects.order_by("pk").first()
    story = Story.objects.filter(status="published").exclude(place=None).order_by("slug").first()
    plan, made = WorkshopPlan.objects.get_or_create(token="reflow-plan", defaults={"title": "Ilta"})
    if made:
        charrette = MethodCard.objects.get(slug="charrette")
        plan.items.create(kind="method", method=charrette, minutes=30)
    pages = ["/"]
    found: list[tuple[str, int]] = []
    if role == "anonymous":
        found += _public_pages(pilot, story)
    if role in ("resident", "administrator"):
        pages += ACCOUNT_PAGES
    if role in ("moderator", "administrator"):
        pages += ["/moderation/", f"/moderation/contributions/{contribution.pk}/"]
        pages += ["/moderation/log/", "/moderation/pilots/"]
        pages += [f"{CAMPAIGN}walks/", f"{CAMPAIGN}walks/ASEMA7/"]  # moderators facilitate
    if role in ("analyst", "administrator"):
        pages += ["/analysis/", "/analysis/compare/?campaign=tesoma-together"]
    if role in ("organisation member", "administrator"):
        pages += ["/pilots/new/?campaign=tesoma-together", "/organisations/new/"]
    if role == "organisation member":
        own = Pilot.objects.filter(organisation__members=_user(role)).order_by("pk").first()
        # The demo's pilots are approved; the edit form is for a proposal still under review.
        Pilot.objects.filter(pk=own.pk).update(status=UNDER_REVIEW[0])
        pages += [f"/pilots/{own.pk}/edit/", f"/pilots/{own.pk}/report/"]
    if role in ("toolkit editor", "administrator"):
        pages += ["/toolkit/edit/", "/toolkit/edit/methods/evaluation-by-measures/"]
        pages += ["/toolkit/edit/methods/new/"]
        pages += ["/toolkit/edit/stories/coffee-with-the-area-coordinator/video/"]
    found = [(path, 200) for path in pages] + found
    if role == "analyst":
        user = get_user_model().objects.get(email=demo_data_read().accounts.officials[1].email)
        job = ExportJob.objects.create(
            user=user, format="csv", language="fi", url_prefix="http://testserver"
        )
        found.append((f"/exports/jobs/{job.pk}/", 202))
    return found


def _user(role: str):
    """The demo's account for the role (the administrator is made here)."""
    accounts, users = demo_data_read().accounts, get_user_model().objects
    if role == "administrator":
        found = users.filter(username="reflow-admin").first()
        return found or users.create_superuser("reflow-admin", "reflow-admin@example.org", "x" * 20)
    email = {
        "moderator": accounts.officials[0].email,
        "analyst": accounts.officials[1].email,
        "organisation member": accounts.organisation_member.email,
        "toolkit editor": accounts.editor.email,
    }.get(role)
    return users.get(email=email) if email else users.get(username=accounts.resident)


def _context(browser: Browser, live_server, role: str, width: int) -> BrowserContext:
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 844})
    if role != "anonymous":
        client = Client()
        client.force_login(_user(role))
        session = client.cookies[settings.SESSION_COOKIE_NAME].value
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
        )
    return context


def _console_errors(page: Page) -> list[str]:
    """Errors the page's scripts log (a page that answers 4xx on purpose logs its own status),
    and a Permissions-Policy feature this browser does not know."""
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        url = message.location.get("url", "")
        if message.type == "error" and url != page.url and not url.endswith("/favicon.ico"):
            errors.append(f"{url}: {message.text}")
        elif "Permissions-Policy" in message.text:
            errors.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    return errors


def _policy_problems(page: Page, response, path: str) -> list[str]:
    """The response's policy headers, and every map started by the static script (django-leaflet's
    inline one would be blocked; docs/decisions/0012)."""
    problems = []
    policy = response.headers.get("content-security-policy", "")
    if "script-src 'self'" not in policy or "unsafe-inline" in policy:
        problems.append(f"{path}: Content-Security-Policy is {policy!r}")
    if "geolocation=(self)" not in response.headers.get("permissions-policy", ""):
        problems.append(f"{path}: no Permissions-Policy for geolocation")
    for container in page.locator("[data-leaflet-options]").all():
        expect(container).to_have_class(re.compile("leaflet-container"))
    return problems


def _overflows(page: Page, live_server, path: str, status: int, width: int) -> list[str]:
    response = page.goto(f"{live_server.url}{path}")
    assert response.status == status, f"{path} answered {response.status}"
    # A map draws what it fetched after the load event; the other pages are laid out by then.
    if page.locator("[data-leaflet-options]").count():
        page.wait_for_load_state("networkidle")
    problems = _policy_problems(page, response, path) if width == NARROWEST else []
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    if scroll_width > width:
        problems.append(f"{path} at {width} px: the page is {scroll_width} px wide")
    problems += [f"{path} at {width} px: {cut}" for cut in page.evaluate(CUT_OFF)]
    return problems


ROLES = [
    "anonymous",
    "resident",
    "moderator",
    "analyst",
    "organisation member",
    "toolkit editor",
    "administrator",
]
# The pages checked at the wider widths too: where the header is longest and the tables widest.
WIDER = ("/", "/moderation/", "/moderation/log/", "/analysis/", "/pilots/", "/toolkit/")


@pytest.mark.parametrize("role", ROLES)
def test_no_page_scrolls_sideways_at_320_px(browser: Browser, live_server, demo, role):
    """...and every page runs under the Content-Security-Policy with no script error."""
    contribution = Contribution.objects.order_by("pk").first()
    Contribution.objects.filter(pk=contribution.pk).update(
        title=f"{LONG_WORD} {LONG_WORD}"[:120], body=f"Katso {LONG_URL} ja {LONG_WORD}."
    )
    pages = [*_pages(role), (CAMPAIGN, 200)]
    problems: list[str] = []
    for width in (NARROWEST, PHONE, TABLET):
        context = _context(browser, live_server, role, width)
        violations = watch_csp(context)
        page = context.new_page()
        page.set_default_timeout(10_000)
        errors = _console_errors(page)
        for path, status in pages:
            if width == NARROWEST or path in WIDER:
                problems += _overflows(page, live_server, path, status, width)
        context.close()
        problems += violations + errors
    assert problems == [], "\n".join(problems)


def test_the_overflow_check_is_not_blind(browser: Browser, live_server, demo):
    """A page made wider than the screen, and a text pushed past its edge, are both reported."""
    context = _context(browser, live_server, "anonymous", NARROWEST)
    page = context.new_page()
    page.goto(f"{live_server.url}/privacy/")
    page.evaluate("document.querySelector('main p').style.marginRight = '-200px'")
    assert page.evaluate("document.documentElement.scrollWidth") > NARROWEST
    assert page.evaluate(CUT_OFF) != []
    context.close()


def _phone(browser: Browser, live_server, **options) -> Page:
    context = browser.new_context(
        locale="fi-FI", viewport={"width": PHONE, "height": 844}, **options
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}{CAMPAIGN}")
    return page


def test_a_phones_first_screen_shows_the_map_and_the_way_to_the_form(
    browser: Browser, live_server, demo
):
    page = _phone(browser, live_server)
    description = page.locator("details.campaign-description").first
    expect(description).not_to_have_attribute("open", re.compile(".*"))
    add = page.get_by_role("link", name="Lisää ideasi")
    expect(add).to_be_visible()
    assert add.bounding_box()["y"] + add.bounding_box()["height"] <= 844
    map_box = page.locator("#campaign-map").bounding_box()
    assert map_box["y"] + 120 <= 844, f"the map starts at {map_box['y']} px"

    # The link takes focus to the form.
    add.click()
    expect(page.locator("#form-heading")).to_be_focused()
    # At the top of the screen, give or take the fraction of a pixel that scrolling rounds away.
    assert -1 < page.locator("#form-heading").bounding_box()["y"] < 844

    # The header's links are behind the menu button, which opens and closes them.
    menu = page.get_by_role("button", name="Valikko")
    sign_in = page.get_by_role("link", name="Kirjaudu sisään")
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(sign_in).to_be_hidden()
    assert page.locator(".site-header").bounding_box()["height"] < 120
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(sign_in).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.keyboard.press("Escape")
    expect(sign_in).to_be_hidden()
    expect(menu).to_be_focused()
    page.context.close()


def test_without_script_a_phone_shows_every_link_and_the_whole_text(
    browser: Browser, live_server, demo
):
    page = _phone(browser, live_server, java_script_enabled=False)
    expect(page.get_by_role("button", name="Valikko")).to_be_hidden()
    expect(page.get_by_role("link", name="Kirjaudu sisään")).to_be_visible()
    expect(page.locator("details.campaign-description").first).to_have_attribute("open", "")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE
    page.context.close()


def test_a_desktop_keeps_the_text_open_and_the_links_in_the_header(
    browser: Browser, live_server, demo
):
    context = browser.new_context(locale="fi-FI", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.locator("details.campaign-description").first).to_have_attribute("open", "")
    expect(page.get_by_role("button", name="Valikko")).to_be_hidden()
    expect(page.get_by_role("link", name="Lisää ideasi")).to_be_hidden()
    expect(page.get_by_role("link", name="Kirjaudu sisään")).to_be_visible()
    # Turned into a phone (a narrow window, or zoom), the page folds; widened, it opens again.
    page.set_viewport_size({"width": PHONE, "height": 844})
    expect(page.locator("details.campaign-description").first).not_to_have_attribute(
        "open", re.compile(".*")
    )
    page.set_viewport_size({"width": 1366, "height": 900})
    expect(page.locator("details.campaign-description").first).to_have_attribute("open", "")
    context.close()
