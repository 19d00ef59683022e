"""The OGC API - Features landing page as a browser sees it: HTML through the site's template,
in the reader's language, axe-clean, reflowing at 320 px (decision 0042)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.parametrize(("locale", "heading"), [("fi-FI", "Kokoelmat"), ("sv-SE", "Samlingar")])
def test_the_landing_page_is_html_in_the_readers_language(
    browser: Browser, live_server, locale, heading
):
    campaign = ContributionFactory().campaign
    context = browser.new_context(locale=locale, viewport={"width": 320, "height": 800})
    page = context.new_page()
    try:
        page.goto(f"{live_server.url}/features")
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
        expect(page.get_by_role("link", name=campaign.title, exact=False)).to_be_visible()
        results = Axe().run(page)
        assert [v["id"] for v in results.response["violations"]] == []
        overflow = page.evaluate("document.documentElement.scrollWidth > window.innerWidth")
        assert not overflow, "the page scrolls sideways at 320 px"
    finally:
        context.close()
