"""A trainer reorders a workshop plan by keyboard, assembles a theatre session of two scenes
with their exercises and presents it; the new pages pass axe in fi, sv and en, at 320 px too."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from playwright.sync_api import Page, expect

from config.demo.read import demo_data_read
from tests.browser.test_campaign_journey import serious_violations
from toolkit.models import WorkshopPlan

WORKSHOP = "demo-tyopaja-fi"  # the demo's workshop plan, the demo editor's


def _sign_in_editor(page: Page, live_server) -> None:
    editor = get_user_model().objects.get(email=demo_data_read().accounts.editor.email)
    client = Client()
    client.force_login(editor)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def _focused(page: Page) -> str:
    return page.evaluate("document.activeElement.getAttribute('value') || ''")


def test_a_workshop_plan_is_reordered_by_keyboard(page: Page, live_server, demo):
    _sign_in_editor(page, live_server)
    plan = WorkshopPlan.objects.get(token=WORKSHOP)
    first, second = plan.items.all()[:2]
    page.goto(f"{live_server.url}/en/toolkit/workshops/{WORKSHOP}/edit/")
    assert serious_violations(page) == []
    items = page.locator("#plan-items > li")
    expect(page.locator("#plan-total")).to_contain_text("2 h 30 min")
    expect(items.nth(1).locator("[data-item-time]")).to_have_text("Starts 17:45")

    # From the first item's notes, Tab passes "Move up" and reaches "Move down".
    page.locator(f"#item-{first.pk}-notes").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert _focused(page) == f"{first.pk}:down"
    page.keyboard.press("Enter")
    assert _focused(page) == f"{first.pk}:down"  # the focus stayed on the moved item's button
    expect(items.nth(0)).to_have_id(f"item-{second.pk}")
    expect(items.nth(1)).to_have_id(f"item-{first.pk}")
    expect(page.locator("#plan-status")).to_contain_text("is now number 2 of 5")
    expect(items.nth(1).locator("[data-item-time]")).to_have_text("Starts 18:30")

    # The total follows the minutes as they are typed.
    page.locator(f"#item-{second.pk}-minutes").fill("75")
    expect(page.locator("#plan-total")).to_contain_text("2 h 45 min")
    page.get_by_role("button", name="Save the plan").first.press("Enter")
    expect(page.locator(".messages")).to_contain_text("The plan is saved.")
    assert list(plan.items.values_list("pk", flat=True))[:2] == [second.pk, first.pk]
    assert plan.items.get(pk=second.pk).minutes == 75


def test_a_trainer_assembles_a_theatre_session_and_presents_it(page: Page, live_server, demo):
    _sign_in_editor(page, live_server)
    page.goto(f"{live_server.url}/en/toolkit/workshops/new/?kind=theatre")
    page.get_by_label("Title of the session").fill("Forum evening")
    expect(page.get_by_label("Theatre session")).to_be_checked()
    page.get_by_role("button", name="Make the plan").click()
    page.get_by_role("link", name="Edit the plan").click()

    scene = page.get_by_role("group", name="A scene: a video clip or a script excerpt")
    exercise = page.get_by_role("group", name="A group exercise with questions and time")
    scene.get_by_label("Title").fill("At the bus stop")
    scene.get_by_role("button", name="Add the scene").click()
    exercise.get_by_label("Title").fill("Who spoke?")
    exercise.get_by_role("button", name="Add the exercise").click()
    scene.get_by_label("Title").fill("Coffee")
    scene.get_by_label("Video clip from the story").select_option(
        "coffee-with-the-area-coordinator"
    )
    scene.get_by_role("button", name="Add the scene").click()
    exercise.get_by_label("Title").fill("What changed?")
    exercise.get_by_role("button", name="Add the exercise").click()
    items = page.locator("#plan-items > li")
    expect(items).to_have_count(4)
    items.nth(0).get_by_label("Script excerpt").fill("**RESIDENT:** When were we asked?")
    items.nth(1).get_by_label("Questions for the groups").fill("1. Who had the floor?")
    items.nth(1).get_by_label("Minutes").fill("1")
    page.get_by_role("button", name="Save the plan").first.click()
    expect(page.locator("#plan-total")).to_contain_text("26 min")
    assert serious_violations(page) == []

    page.get_by_role("link", name="Present, one screen at a time").first.click()
    expect(page.locator("#present-progress")).to_have_text("Screen 1 of 4")
    expect(page.get_by_role("heading", name="At the bus stop")).to_be_visible()
    expect(page.get_by_text("When were we asked?")).to_be_visible()
    page.keyboard.press("ArrowRight")
    expect(page.locator("#present-progress")).to_have_text("Screen 2 of 4")
    expect(page.get_by_role("heading", name="At the bus stop")).to_be_hidden()
    screen = page.locator("section.present-screen:visible")
    timer = screen.get_by_role("timer")
    expect(timer).to_have_text("1:00")
    screen.get_by_role("button", name="Start the timer").click()
    expect(timer).to_have_text(re.compile(r"0:5\d"))
    assert serious_violations(page) == []
    page.get_by_role("button", name="Full screen").click()
    expect(page.locator("#presentation:fullscreen")).to_have_count(1)
    page.keyboard.press("ArrowRight")
    expect(page.locator("#present-progress")).to_have_text("Screen 3 of 4")
    page.keyboard.press("ArrowLeft")
    expect(page.locator("#present-progress")).to_have_text("Screen 2 of 4")


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_new_pages_pass_axe_and_reflow_at_320_px(page: Page, live_server, demo, language):
    _sign_in_editor(page, live_server)
    page.set_viewport_size({"width": 320, "height": 800})
    prefix = "" if language == "fi" else f"/{language}"
    token = {"fi": "demo-teatteri-fi", "sv": "demo-teater-sv", "en": "demo-theatre-en"}[language]
    for path in (
        "/toolkit/workshops/new/",
        f"/toolkit/workshops/{token}/",
        f"/toolkit/workshops/{token}/edit/",
        f"/toolkit/workshops/{token}/present/",
    ):
        page.goto(f"{live_server.url}{prefix}{path}")
        assert serious_violations(page) == [], path
        wide = page.evaluate("document.documentElement.scrollWidth")
        assert wide <= 320, f"{path} is {wide} px wide"
