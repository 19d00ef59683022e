"""The analysis page's charts as an analyst reads them on the demo (decision 0033): values on the
bars in readable type, a table under each chart, the weeks named in each language, the density
map's cells of at least k, axe clean in fi/sv/en, and no sideways scrolling at 320 px."""

from playwright.sync_api import Browser, expect

from engagement.models import Contribution
from geo.models import Area
from tests.browser.conftest import watch_csp
from tests.browser.test_campaign_journey import serious_violations
from tests.browser.test_reflow import _context, _overflows

WEEK = {"": "vk ", "/sv": "v. ", "/en": "wk "}
LANGUAGE = {"": "fi", "/sv": "sv", "/en": "en"}


def test_charts_show_their_values_and_tables_in_three_languages(
    browser: Browser, live_server, demo
):
    context = _context(browser, live_server, "analyst", 1366)
    violations = watch_csp(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    published = Contribution.objects.filter(moderation_state="published")
    sub_areas = Area.objects.filter(parent__slug="tesoma")
    for prefix, week in WEEK.items():
        per_area = {
            getattr(area, f"name_{LANGUAGE[prefix]}"): published.filter(area=area).count()
            for area in sub_areas
        }
        assert len(per_area) == 5 and all(per_area.values())  # every sub-area has input
        page.goto(f"{live_server.url}{prefix}/analysis/")
        page.wait_for_load_state("networkidle")
        values = page.locator("#chart-area ~ .bar-chart .bar-value")
        expect(values.first).to_be_visible()
        labels = page.locator("#chart-area ~ .bar-chart .bar-label").all_inner_texts()
        assert dict(zip(labels, map(int, values.all_text_contents()), strict=True)) == per_area
        sizes = page.eval_on_selector_all(
            ".bar-value, .bar-label",
            "els => els.map(e => parseFloat(getComputedStyle(e).fontSize))",
        )
        assert sizes and min(sizes) >= 14
        # Every chart has its table: four counts and the weeks (the demo spans 12 weeks).
        assert page.locator("figure.chart table.numbers").count() == 5
        first_week = page.locator("#chart-time ~ .bar-chart .bar-label").first.inner_text()
        assert first_week.startswith(week)
        rows = page.locator("#chart-time-table tbody tr")
        assert rows.count() >= 5
        # The density map draws only cells of at least k; its table lists the same ones.
        map_el = page.locator("#analysis-map")
        expect(map_el).to_have_attribute("data-cells", "1")
        assert map_el.get_attribute("data-cell-size") == "1000"  # Tesoma's whole area, zoom 13
        table = page.locator("#density-table tbody tr")
        assert table.count() == 1 and table.locator("td").first.inner_text() != ""
        assert serious_violations(page) == [], prefix
    context.close()
    assert violations == []

    narrow = _context(browser, live_server, "analyst", 320)
    page = narrow.new_page()
    assert _overflows(page, live_server, "/en/analysis/", 200, 320) == []
    narrow.close()
