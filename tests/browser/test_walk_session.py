"""A facilitator starts a walk; a resident in another browser opens its join link and pins an
idea; the facilitator's page lists it. The walk pages pass axe in fi, sv and en."""

import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from config.demo.read import demo_data_read
from engagement.models import Contribution, WalkSession
from tests.browser.conftest import watch_csp
from tests.browser.test_campaign_journey import serious_violations

CAMPAIGN = "/campaigns/tesoma-together/"


def _sign_in_facilitator(page: Page, live_server) -> None:
    email = next(a.email for a in demo_data_read().accounts.officials if a.role == "facilitator")
    client = Client()
    client.force_login(get_user_model().objects.get(email=email))
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def test_a_walks_pins_reach_its_facilitator(page: Page, browser: Browser, live_server, demo):
    _sign_in_facilitator(page, live_server)
    page.clock.install()  # the walk page's poll runs when the test says
    page.goto(f"{live_server.url}{CAMPAIGN}walks/")
    expect(page.locator(".walk-sessions")).to_contain_text("Kävely Tesoman asemalta")
    assert serious_violations(page) == []
    page.get_by_role("textbox", name=re.compile("^Kävelyn nimi")).fill("Iltakävely Tesomalla")
    page.get_by_role("button", name="Aloita kävely").click()
    expect(page.locator("h1")).to_have_text("Iltakävely Tesomalla")
    code = page.locator(".walk-code").inner_text().strip()
    assert WalkSession.objects.get(code=code).title == "Iltakävely Tesomalla"
    expect(page.locator("#walk-pins")).to_contain_text("Ei vielä merkintöjä")
    expect(page.locator(".walk-qr svg")).to_have_count(1)
    assert serious_violations(page) == []
    join = page.locator(".walk-link a").get_attribute("href")
    assert join.endswith(f"{CAMPAIGN}?walk={code}")

    # A resident, in a browser of their own, opens the join link and pins an idea.
    context = browser.new_context(locale="fi-FI", viewport={"width": 1280, "height": 900})
    violations = watch_csp(context)
    resident = context.new_page()
    resident.set_default_timeout(10_000)
    resident.goto(join)
    expect(resident.locator("#walk-notice")).to_contain_text("Iltakävely Tesomalla")
    expect(resident.locator("#id_walk_code")).to_have_value(code)
    form = resident.locator("#contribution-form")
    form.get_by_role("combobox", name=re.compile("^Teema")).select_option("innovative-routes")
    form.get_by_role("textbox", name=re.compile("^Otsikko")).fill("Penkki asemalle")
    form.get_by_role("textbox", name=re.compile("^Kuvaus")).fill("Junaa odottaessa istuisi.")
    resident.locator("#id_lat").fill("61,5005")
    resident.locator("#id_lon").fill("23,6301")
    # A mistyped code is refused beside its field, and nothing typed is lost.
    resident.locator("#id_walk_code").fill("ZZZZZZ")
    resident.get_by_role("button", name="Lähetä").click()
    expect(resident.locator("#error-walk_code")).to_contain_text("Tarkista koodi")
    expect(resident.locator("#id_title")).to_have_value("Penkki asemalle")
    resident.locator("#id_walk_code").fill(f" {code.lower()} ")
    resident.get_by_role("button", name="Lähetä").click()
    expect(resident.locator("#form-status")).to_contain_text("Kiitos")
    expect(resident.locator("#id_walk_code")).to_have_value(f" {code.lower()} ")  # kept
    context.close()
    assert not violations, violations
    assert Contribution.objects.get(title="Penkki asemalle").walk_session.code == code

    # The facilitator's page lists it at its next poll (every 15 s: the page's clock is run on).
    page.clock.run_for(16_000)
    expect(page.locator("#walk-pins-list")).to_contain_text("Penkki asemalle")
    expect(page.locator("#walk-status")).to_have_text("1 merkintä tässä kävelyssä")
    expect(page.locator("#walk-map")).to_have_attribute("data-pins", "1")
    for language in ("sv", "en"):
        page.goto(f"{live_server.url}/{language}{CAMPAIGN}walks/{code}/")
        expect(page.locator("#walk-pins-list")).to_contain_text("Penkki asemalle")
        assert serious_violations(page) == []
