"""From pins to a pilot and back: an organisation proposes, an official approves, the
organisation reports, and a resident who supported a pin sees the result on the pin's page."""

import re
from datetime import timedelta

from allauth.account.models import EmailAddress
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from config.demo.read import demo_data_read
from engagement.models import Contribution, Support
from engagement.participation.services import participant_for_user
from tests.browser.test_campaign_journey import serious_violations
from tests.factories import UserFactory
from toolkit.models import Pilot

PINS = ("Skeittipaikka puuttuu", "Pop up -tori Länsikeskuksen pihalle")


def signed_in(browser: Browser, live_server, email: str, password: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Sign out")).to_have_count(0)
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def test_a_pin_becomes_a_pilot_and_its_result_comes_back(browser: Browser, live_server, demo):
    skate = Contribution.objects.get(title=PINS[0])
    resident = UserFactory(username="supporter", email="supporter@example.org")
    resident.set_password("a long passphrase 42")
    resident.save()
    EmailAddress.objects.create(user=resident, email=resident.email, verified=True, primary=True)
    Support.objects.create(contribution=skate, participant=participant_for_user(user=resident))
    today = timezone.localdate()

    # The organisation proposes a pilot answering two pins.
    accounts = demo_data_read().accounts
    member = signed_in(
        browser,
        live_server,
        accounts.organisation_member.email,
        accounts.organisation_member.password,
    )
    member.goto(f"{live_server.url}/en/pilots/new/?campaign=tesoma-together")
    assert serious_violations(member) == []
    member.get_by_label(re.compile("^Title")).fill("Skate ramps on the market square")
    member.get_by_label(re.compile("^Hypothesis")).fill(
        "If we put up movable skate ramps for two weeks, then young people come every evening."
    )
    for pin in PINS:
        member.get_by_label(pin).check()
    member.get_by_label("Latitude").fill("61.4992")
    member.get_by_label("Longitude").fill("23.6290")
    member.get_by_label(re.compile("^Starts on")).fill(today.isoformat())
    member.get_by_label(re.compile("^Ends on")).fill((today + timedelta(days=14)).isoformat())
    member.get_by_label("Measure 1").fill("Skaters per evening")
    member.get_by_label("Unit 1").fill("people")
    member.get_by_label("Target 1").fill("20")
    member.get_by_role("button", name="Send the proposal").click()
    expect(member.get_by_role("heading", level=1)).to_have_text("Skate ramps on the market square")
    pilot = Pilot.objects.get(title="Skate ramps on the market square")
    assert sorted(pilot.contributions.values_list("title", flat=True)) == sorted(PINS)
    assert serious_violations(member) == []

    # An official approves it.
    moderator = accounts.officials[0]
    official = signed_in(browser, live_server, moderator.email, moderator.password)
    official.goto(f"{live_server.url}/en/moderation/pilots/")
    assert serious_violations(official) == []
    item = official.locator(f"#pilot-{pilot.pk}")
    item.get_by_label("Approve").check()
    item.get_by_role("button", name=re.compile("^Decide")).click()
    expect(official.get_by_text("is now: Approved")).to_be_visible()
    skate.refresh_from_db()
    assert skate.status == "in_pilot"

    # The organisation reports the results.
    member.goto(f"{live_server.url}/en/pilots/{pilot.pk}/")
    member.get_by_role("link", name="Report the results").click()
    member.get_by_label(re.compile("^Skaters per evening")).fill("27")
    member.get_by_label(re.compile("^What happened")).fill(
        "Up to 35 skaters came on warm evenings; the ramps stay for the summer."
    )
    member.get_by_label("Scale up").check()
    member.get_by_label(re.compile("^Outcome")).select_option("planned")
    member.get_by_role("button", name="Publish the results").click()
    expect(member.locator("#result")).to_contain_text("Up to 35 skaters")
    assert serious_violations(member) == []

    # The supporter sees the result on the pin's own page.
    supporter = signed_in(browser, live_server, "supporter@example.org", "a long passphrase 42")
    supporter.goto(f"{live_server.url}/en/contributions/{skate.pk}/")
    expect(supporter.locator("#pilots-heading")).to_be_visible()
    expect(supporter.get_by_role("link", name="Skate ramps on the market square")).to_be_visible()
    expect(supporter.locator(".status-history")).to_contain_text("Planned")
    expect(supporter.locator(".status-history")).to_contain_text("27")
    assert serious_violations(supporter) == []
    for page in (member, official, supporter):
        page.context.close()
