"""An analyst opens a density cell, filters by theme, and downloads a GeoJSON export."""

import json
import re

from playwright.sync_api import Page, expect

from config.demo.read import demo_data_read
from engagement.models import Contribution
from tests.browser.test_campaign_journey import serious_violations


def test_analyst_filters_opens_a_cell_and_downloads_geojson(page: Page, live_server, demo):
    analyst = demo_data_read().accounts.officials[1]
    email, password = analyst.email, analyst.password
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.get_by_role("link", name="Analysis").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Tesoma")
    assert serious_violations(page) == []

    # The whole campaign: the density map has a cell of at least k (5) contributions.
    published = Contribution.objects.filter(moderation_state="published")
    map_el = page.locator("#analysis-map")
    expect(map_el).to_have_attribute("data-cells", re.compile(r"^[1-9]"))
    cell = page.locator("#analysis-map path.leaflet-interactive").first
    cell.click()
    panel = page.locator("#cell-panel")
    expect(panel).to_be_visible()
    expect(panel.locator("li").first).to_be_visible()
    assert panel.locator("li").first.inner_text() in set(published.values_list("title", flat=True))

    page.get_by_label("Theme", exact=True).select_option("innovative-routes")
    page.get_by_role("button", name="Show").click()
    routes = published.filter(theme__slug="innovative-routes")
    totals = page.locator(".totals")
    expect(totals).to_contain_text(str(routes.count()))
    # Fewer than k routes in any cell: the map draws none and its table says so.
    assert routes.count() < 5
    expect(map_el).to_have_attribute("data-cells", "0")
    expect(page.locator("#density-table")).to_contain_text("No cell has 5 contributions or more.")
    titles = set(routes.values_list("title", flat=True))

    with page.expect_download() as download_info:
        page.get_by_role("link", name="GeoJSON").click()
    path = download_info.value.path()
    with open(path, encoding="utf-8") as exported:
        collection = json.load(exported)
    assert collection["type"] == "FeatureCollection"
    assert {f["properties"]["title"] for f in collection["features"]} == titles
    assert serious_violations(page) == []
