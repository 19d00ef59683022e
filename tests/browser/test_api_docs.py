"""The API documentation page (`/api/v1/docs/`, decision 0045) in Chromium: Swagger UI renders
the schema's operations under the site's Content-Security-Policy with no violation and no console
error, the page passes axe in fi, sv and en, and reflows at 320 px."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, ConsoleMessage, expect

from tests.browser.conftest import watch_csp

TITLES = {"fi": "API-dokumentaatio", "sv": "API-dokumentation", "en": "API documentation"}
PREFIX = {"fi": "", "sv": "/sv", "en": "/en"}


@pytest.mark.django_db(transaction=True)
def test_the_docs_page_renders_the_schema_under_the_policy_and_passes_axe(
    browser: Browser, live_server
):
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    errors: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if message.type == "error":
            errors.append(f"{message.location.get('url', '')}: {message.text}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: errors.append(str(error)))
    problems: list[str] = []
    for language, title in TITLES.items():
        response = page.goto(f"{live_server.url}{PREFIX[language]}/api/v1/docs/")
        assert response.status == 200
        policy = response.headers["content-security-policy"]
        assert "script-src 'self'" in policy and "unsafe-inline" not in policy
        assert page.locator("html").get_attribute("lang") == language
        expect(page).to_have_title(f"{title} · Yhdessä")
        expect(page.get_by_role("heading", level=1)).to_have_text(title)
        # The schema is loaded: its operations are listed, one of them opened.
        operation = page.locator(".opblock-summary-path", has_text="/api/v1/contributions/")
        expect(operation.first).to_be_visible()
        assert page.locator(".opblock").count() >= 20
        if language == "fi":
            # Opened once (the viewer's words are the same in every language): a list with its
            # parameters, and a post with its request body's example.
            for operation in ("contributions_list", "contributions_create"):
                summary = f"#operations-contributions-{operation} .opblock-summary-control"
                page.locator(summary).click()
            expect(page.locator(".opblock.is-open .responses-table")).to_have_count(2)
            expect(page.locator(".opblock.is-open .body-param__example").first).to_be_visible()
        results = Axe().run(page)
        if results.violations_count:
            problems.append(f"{language}: {results.generate_report()}")
    # The footer of every page leads here.
    page.goto(f"{live_server.url}/en/privacy/")
    page.get_by_role("link", name="API for developers").click()
    expect(page).to_have_url(f"{live_server.url}/en/api/v1/docs/")
    # 320 CSS px: the page does not scroll sideways (the viewer scrolls in its own box).
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"{live_server.url}/api/v1/docs/")
    expect(page.locator(".opblock").first).to_be_visible()
    width = page.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert violations == [], violations
    assert errors == [], errors
    assert problems == [], "\n".join(problems)
    assert width <= 320, f"the page is {width} px wide at 320 px"
