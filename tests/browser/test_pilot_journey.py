"""From pins to a pilot and back: an association draws the pilot's area on the map, picks
suggested contributions (from the list and on the map) and attaches a method card to a step; an
official approves; the association reports and proposes a status; the official confirms it in one
step, and the pin's page shows it. axe finds nothing serious on the form in fi, sv and en."""

import re
from datetime import timedelta

from django.contrib.gis.geos import Point
from django.utils import timezone
from playwright.sync_api import Browser, Page, expect

from config.demo.read import demo_data_read
from engagement.models import Campaign, Contribution, Support
from tests.browser.test_campaign_journey import serious_violations
from tests.factories import ContributionFactory, ParticipantFactory
from toolkit.models import MethodCard, Pilot

TITLE = "Skate ramps on the market square"


def signed_in(browser: Browser, live_server, email: str, password: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 900}).new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("button", name="Sign out")).to_be_visible()
    return page


def near_the_centre(campaign: Campaign) -> dict[str, Contribution]:
    """Contributions where the map opens (the centre of the campaign's area): two to suggest,
    the more supported first, and a hidden one that is never suggested."""
    west, south, east, north = campaign.area.boundary.extent
    x, y = (west + east) / 2, (south + north) / 2
    theme = campaign.themes.get(slug="young-people")
    made = {}
    for title, dx, supports, state in [
        ("Ramps for the skaters", 0.004, 3, {}),
        ("A place to hang out", -0.004, 1, {}),
        ("Hidden near the centre", 0.0, 0, {"hidden": True}),
    ]:
        made[title] = ContributionFactory(
            campaign=campaign, theme=theme, title=title, geometry=Point(x + dx, y), **state
        )
        for _ in range(supports):
            Support.objects.create(contribution=made[title], participant=ParticipantFactory())
    return made


def draw_area(page: Page) -> None:
    """An area of four corners around the map's centre, with the mouse (Geoman)."""
    page.get_by_role("button", name="Draw on the map").click()
    box = page.locator("#campaign-map").bounding_box()
    cx, cy = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    corners = [(-90, -70), (90, -70), (90, 70), (-90, 70), (-90, -70)]
    for dx, dy in corners:
        page.mouse.move(cx + dx - 5, cy + dy - 5)
        page.mouse.move(cx + dx, cy + dy, steps=3)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_timeout(300)  # separate clicks, not a double click
    expect(page.locator("#vertex-list li")).to_have_count(4)


def test_an_association_draws_a_pilot_and_the_official_confirms_its_status(
    browser: Browser, live_server, demo
):
    campaign = Campaign.objects.get(slug="tesoma-together")
    made = near_the_centre(campaign)
    card = MethodCard.objects.filter(status="published").order_by("title").first()
    today = timezone.localdate()
    accounts = demo_data_read().accounts
    member = signed_in(
        browser,
        live_server,
        accounts.organisation_member.email,
        accounts.organisation_member.password,
    )
    for prefix in ("/sv", ""):  # Swedish and Finnish; English below
        member.goto(f"{live_server.url}{prefix}/pilots/new/?campaign=tesoma-together")
        expect(member.locator("#map-tools")).to_be_visible()
        assert serious_violations(member) == []

    # The association draws the area and picks what the suggestions offer.
    member.goto(f"{live_server.url}/en/pilots/new/?campaign=tesoma-together")
    member.get_by_label(re.compile("^Title")).fill(TITLE)
    member.get_by_label(re.compile("^Hypothesis")).fill(
        "If we put up movable skate ramps for two weeks, then young people come every evening."
    )
    draw_area(member)
    suggestions = member.locator("#suggestions li")
    expect(suggestions.first).to_contain_text("Ramps for the skaters")  # most supported first
    expect(member.locator("#suggestions")).not_to_contain_text("Hidden near the centre")
    assert serious_violations(member) == []  # the drawing and the suggestions
    member.get_by_role("checkbox", name=re.compile("Ramps for the skaters")).check()
    # The other is chosen on the map: its numbered marker.
    member.locator('.suggestion-marker[title*="A place to hang out"]').click()
    expect(member.locator("#chosen-contributions")).to_contain_text("A place to hang out")
    member.get_by_label(re.compile("^Starts on")).fill(today.isoformat())
    member.get_by_label(re.compile("^Ends on")).fill((today + timedelta(days=14)).isoformat())
    member.get_by_label("Measure 1").fill("Skaters per evening")
    member.get_by_label("Unit 1").fill("people")
    member.get_by_label("Target 1").fill("20")
    member.locator("#field-method_cards").get_by_label(card.title_en).check()
    member.get_by_role("textbox", name="Step 1").fill("Plan the ramps with the skaters")
    member.get_by_label("Method card 1").select_option(label=card.title_en)
    member.get_by_role("button", name="Send the proposal").click()
    expect(member.get_by_role("heading", level=1)).to_have_text(TITLE)
    pilot = Pilot.objects.get(title=TITLE)
    assert pilot.geometry.geom_type == "Polygon"
    chosen = {made["Ramps for the skaters"].pk, made["A place to hang out"].pk}
    assert set(pilot.contributions.values_list("pk", flat=True)) == chosen
    assert list(pilot.method_cards.all()) == [card]
    assert pilot.steps.get().checklist  # the card's steps, to tick while it runs

    # An official approves it.
    moderator = accounts.officials[0]
    official = signed_in(browser, live_server, moderator.email, moderator.password)
    official.goto(f"{live_server.url}/en/moderation/pilots/")
    item = official.locator(f"#pilot-{pilot.pk}")
    item.get_by_label("Approve").check()
    item.get_by_role("button", name=re.compile("^Decide")).click()
    expect(official.get_by_text("is now: Approved")).to_be_visible()

    # The association reports and proposes a status; nothing public changes by itself.
    member.goto(f"{live_server.url}/en/pilots/{pilot.pk}/report/")
    member.get_by_label(re.compile("^Skaters per evening")).fill("27")
    member.get_by_label(re.compile("^What happened")).fill(
        "Up to 35 skaters came on warm evenings."
    )
    member.get_by_label("Scale up").check()
    member.get_by_label(re.compile("^Outcome")).select_option("planned")
    member.get_by_role("button", name="Publish the results").click()
    expect(member.locator("#result")).to_contain_text("Up to 35 skaters")
    expect(member.locator("#proposed-status")).to_contain_text("proposes the status “Planned”")
    expect(member.get_by_role("cell", name="27\u00a0people")).to_be_visible()
    assert set(Contribution.objects.filter(pk__in=chosen).values_list("status", flat=True)) == {
        "in_pilot"
    }

    # The official confirms it in one step.
    official.goto(f"{live_server.url}/en/moderation/pilots/")
    assert serious_violations(official) == []
    official.get_by_role("button", name=f"Confirm the proposed status of “{TITLE}”").click()
    expect(official.get_by_text("now public on 2 contributions")).to_be_visible()
    assert set(Contribution.objects.filter(pk__in=chosen).values_list("status", flat=True)) == {
        "planned"
    }
    member.goto(f"{live_server.url}/en/contributions/{made['Ramps for the skaters'].pk}/")
    expect(member.locator(".status-history")).to_contain_text("Planned")
    expect(member.locator(".status-history")).to_contain_text("27\u00a0people")
    for page in (member, official):
        page.context.close()
