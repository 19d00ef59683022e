"""A moderator's contribution page (its exact place and nearby duplicates on a map, merged from
the list in one step) and a resident's "already reported near here" before sending."""

import re

import pytest
from django.conf import settings
from django.contrib.gis.geos import Point
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from engagement.models import Contribution, Support
from tests.browser.test_campaign_journey import serious_violations
from tests.factories import (
    CampaignFactory,
    ContributionFactory,
    RoleFactory,
    ThemeFactory,
    UserFactory,
)
from tests.factories.geo import INSIDE

EXACT = Point(INSIDE.x + 0.00021, INSIDE.y + 0.00013, srid=4326)  # not a privacy cell's centre
NEAR = Point(INSIDE.x - 0.0004, INSIDE.y + 0.0003, srid=4326)  # about 40 m away


@pytest.fixture
def scene(transactional_db):
    campaign = CampaignFactory(title="Tesoma together", slug="tesoma-together")
    theme = ThemeFactory(campaign=campaign, name="Safe crossings", slug="safe-crossings")
    green = ThemeFactory(campaign=campaign, name="Green areas", slug="green-areas")
    item = ContributionFactory(
        campaign=campaign, theme=theme, geometry=EXACT, pending=True, title="Crossing by school"
    )
    original = ContributionFactory(
        campaign=campaign, theme=theme, geometry=NEAR, title="Zebra crossing at Tesomankatu"
    )
    other = ContributionFactory(campaign=campaign, theme=theme, title="Lights at the crossing")
    ContributionFactory(campaign=campaign, theme=theme, hidden=True, title="Hidden crossing")
    moderator = RoleFactory(campaign=campaign, user=UserFactory(username="mod-detail")).user
    return {
        "campaign": campaign,
        "theme": theme,
        "green": green,
        "item": item,
        "original": original,
        "other": other,
        "moderator": moderator,
    }


def signed_in_page(browser: Browser, live_server, user, width: int = 1366) -> Page:
    context = browser.new_context(locale="fi-FI", viewport={"width": width, "height": 900})
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def test_moderator_sees_the_exact_place_and_merges_a_nearby_duplicate_from_the_list(
    browser: Browser, live_server, scene
):
    item, original = scene["item"], scene["original"]
    page = signed_in_page(browser, live_server, scene["moderator"])
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    for language in ("en", "sv", ""):
        prefix = f"/{language}" if language else ""
        page.goto(f"{live_server.url}{prefix}/moderation/contributions/{item.pk}/")
        the_map = page.locator("#moderation-map")
        expect(the_map).to_have_attribute("data-candidates", "2")
        assert serious_violations(page) == [], language
    # The exact point, not the public one rounded to its 100 m cell.
    item.refresh_from_db()
    lat, lon = map(float, the_map.get_attribute("data-exact").split(","))
    assert (lat, lon) == pytest.approx((EXACT.y, EXACT.x), abs=1e-6)
    assert (lat, lon) != pytest.approx((item.public_point.y, item.public_point.x), abs=1e-5)
    expect(page.locator(".candidate-marker")).to_have_count(2)
    candidates = page.locator("ol.candidates > li")
    expect(candidates).to_have_count(2)
    expect(candidates.first).to_contain_text("Lights at the crossing")  # nearest first
    first = candidates.filter(has_text="Zebra crossing at Tesomankatu")
    expect(first).to_contain_text(re.compile(r"\d+ m päässä"))
    expect(page.get_by_text("Hidden crossing")).to_have_count(0)
    # The primary action is there without opening anything; the rest are closed disclosures.
    expect(page.get_by_role("button", name="Julkaise", exact=True)).to_be_visible()
    expect(page.locator(".moderation-more details[open]")).to_have_count(0)
    first.get_by_role("button", name=re.compile("^Merkitse tämän kaksoiskappaleeksi")).click()
    expect(page.locator(".notice").filter(has_text="Yhdistetty")).to_be_visible()
    item.refresh_from_db()
    assert item.duplicate_of_id == original.pk
    assert item.moderation_state == Contribution.ModerationState.HIDDEN
    expect(page.locator("#history")).to_contain_text("merkitty kaksoiskappaleeksi")
    page.context.close()
    assert not errors


def test_resident_sees_already_reported_near_here_and_supports_instead(
    page: Page, live_server, scene
):
    campaign, theme, original = scene["campaign"], scene["theme"], scene["original"]
    for language in ("en", "sv", ""):
        prefix = f"/{language}" if language else ""
        page.goto(f"{live_server.url}{prefix}{campaign.get_absolute_url()}")
        page.locator("#id_title").fill("Crossing")
        page.locator("#id_theme").select_option(theme.slug)
        page.locator("#id_lat").fill(f"{EXACT.y:.6f}")
        page.locator("#id_lon").fill(f"{EXACT.x:.6f}")
        page.locator("#id_lon").press("Tab")  # the change that places the pin
        expect(page.locator("#nearby")).to_be_visible()
        assert serious_violations(page) == [], language
    # In Finnish now: the live region says it once; the list names what and how far.
    expect(page.locator("#nearby-status")).to_contain_text("Jo ilmoitettu tämän lähellä: 2")
    items = page.locator("#nearby-list > li")
    expect(items).to_have_count(2)
    # Public locations only: both blurred to their cells, so the order is by the cells' centres.
    expect(page.locator("#nearby-list")).to_contain_text("Lights at the crossing")
    zebra = items.filter(has_text="Zebra crossing at Tesomankatu")
    expect(page.locator("#nearby-list")).not_to_contain_text("Hidden crossing")
    # Another theme: nothing near; back to the first: shown again.
    page.locator("#id_theme").select_option(scene["green"].slug)
    expect(page.locator("#nearby")).to_be_hidden()
    page.locator("#id_theme").select_option(theme.slug)
    expect(page.locator("#nearby")).to_be_visible()
    button = zebra.get_by_role("button", name=re.compile("^Kannata tätä sen sijaan"))
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#nearby-status")).to_contain_text("Kiitos: kannatuksesi lisättiin")
    expect(zebra.get_by_role("button")).to_contain_text("Kannatat tätä")
    assert Support.objects.filter(contribution=original).count() == 1
    # Continuing keeps everything typed and takes the focus on to sending.
    page.get_by_role("button", name="Omani on eri asia: jatka").click()
    expect(page.locator("#nearby")).to_be_hidden()
    expect(page.locator("#id_title")).to_have_value("Crossing")
    expect(page.locator("#id_lat")).to_have_value(f"{EXACT.y:.6f}")
    expect(page.locator("#submit-contribution")).to_be_focused()
