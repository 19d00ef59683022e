"""An analyst filters the analysis page, downloads the XLSX and checks it against the API, opens
the printable report; the report and the population form are axe clean in Finnish, Swedish
and English (decision 0034). The background step has no browser test yet (see the decision)."""

import io
import time

from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import Page, expect

from config.demo.read import demo_data_read
from engagement.analysis.selectors import AnalysisFilters
from engagement.background.selectors import background_results
from engagement.models import Campaign, Theme
from tests.browser.test_campaign_journey import serious_violations

LANGUAGES = ("fi", "sv", "en")


def _sign_in(page: Page, live_server) -> None:
    analyst = demo_data_read().accounts.officials[1]
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email:").fill(analyst.email)
    page.get_by_label("Password:").fill(analyst.password)
    page.get_by_role("button", name="Sign In").click()


def test_analyst_downloads_the_xlsx_checks_it_and_prints_the_report(page: Page, live_server, demo):
    started = time.monotonic()
    campaign = Campaign.objects.get()
    theme = Theme.objects.filter(campaign=campaign, contributions__isnull=False).first()
    with translation.override("en"):
        theme_name = theme.name
    # The demo's answers reach k, and its population is marked as demo values.
    age, postal, relation = background_results(filters=AnalysisFilters(campaign=campaign))
    assert age.answered == 60 and age.population.is_demo and age.compared
    assert all(r.count is None or r.count >= 5 for r in (*age.rows, *postal.rows, *relation.rows))

    _sign_in(page, live_server)
    page.get_by_role("link", name="Analysis").click()
    expect(page.get_by_role("heading", name="Who took part")).to_be_visible()
    expect(page.get_by_text("Demo values, not statistics").first).to_be_visible()
    page.get_by_label("Theme", exact=True).select_option(theme.slug)
    page.get_by_role("button", name="Show").click()

    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download XLSX").click()
    with open(download_info.value.path(), "rb") as stream:
        book = load_workbook(io.BytesIO(stream.read()))
    api = page.request.get(
        f"{live_server.url}/api/v1/contributions/?campaign={campaign.slug}&theme={theme.slug}",
        headers={"Accept": "application/geo+json"},
    ).json()
    matched = api["numberMatched"]
    rows = list(book["Contributions"].iter_rows(min_row=2, values_only=True))
    assert matched > 0 and len(rows) == matched
    assert {r[0] for r in rows} == {f["id"] for f in api["features"]}
    summary = dict(book["Summary"].iter_rows(min_row=2, max_col=2, values_only=True))
    assert summary["Contributions"] == matched and summary["Theme"] == theme_name
    assert sum(r[1] for r in book["By theme"].iter_rows(min_row=2, values_only=True)) == matched
    assert sum(r[1] for r in book["By week"].iter_rows(min_row=2, values_only=True)) == matched

    page.get_by_role("link", name="Printable report").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Analysis report")
    expect(page.locator(".report-filters")).to_contain_text(theme_name)
    expect(page.locator("svg.report-bars").first).to_be_visible()
    assert serious_violations(page) == []

    report_url = page.url.split("/en/", 1)[1]
    for language in LANGUAGES:
        prefix = "" if language == "fi" else f"/{language}"
        page.goto(f"{live_server.url}{prefix}/{report_url}")
        assert serious_violations(page) == [], language
        page.goto(f"{live_server.url}{prefix}/analysis/population/{campaign.slug}/postal_area/")
        expect(page.locator("textarea")).to_have_value("33300 4100\n33310 9800\n33330 1900")
        assert serious_violations(page) == [], language
    print(f"\nanalyst report journey: {time.monotonic() - started:.1f} s")
