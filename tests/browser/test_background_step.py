"""The optional background step as a resident meets it after sending an idea (decision 0034):
labelled choices reached by keyboard, axe clean, saved and editable, and no sideways scrolling
at 320 px."""

from playwright.sync_api import Browser, expect

from engagement.models import BackgroundAnswer, Campaign
from engagement.participation.services import participant_for_user
from tests.browser.conftest import watch_csp
from tests.browser.test_campaign_journey import serious_violations
from tests.browser.test_reflow import _context, _overflows, _user
from tests.factories import ContributionFactory

STEP = "/campaigns/tesoma-together/about-you/"
AGE_18 = "18\u201329"  # the choice's label, with its en dash


def test_a_resident_answers_by_keyboard_and_can_change_the_answers(
    browser: Browser, live_server, demo
):
    campaign = Campaign.objects.get(slug="tesoma-together")
    participant = participant_for_user(user=_user("resident"))
    ContributionFactory(campaign=campaign, theme=campaign.themes.first(), participant=participant)
    BackgroundAnswer.objects.filter(participant=participant).delete()

    context = _context(browser, live_server, "resident", 1366)
    violations = watch_csp(context)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live_server.url}{STEP}")
    expect(page.get_by_role("heading", name="Muutama kysymys sinusta")).to_be_visible()
    assert serious_violations(page) == []

    # Every question by keyboard: the radio group, the postal code, a checkbox, then save.
    age = page.get_by_role("group", name="Ikäryhmäsi")
    age.get_by_role("radio").first.focus()
    # Radios move with the arrow keys: past "not answered" and "under 18".
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Tab")
    page.keyboard.type("33310")
    relations = page.get_by_role("group", name="Suhteesi alueeseen")
    relations.get_by_role("checkbox").first.focus()
    page.keyboard.press("Space")
    page.get_by_role("button", name="Tallenna vastaukseni").click()
    expect(page.get_by_text("Kiitos! Vastauksesi tallennettiin.")).to_be_visible()
    answer = BackgroundAnswer.objects.get(participant=participant, campaign=campaign)
    assert (answer.age_group, answer.postal_code, answer.relations) == ("18-29", "33310", ["lives"])

    # Back on the step the answers are there to change; a wrong postal code is explained and
    # the rest of what was chosen stays.
    page.goto(f"{live_server.url}{STEP}")
    expect(age.get_by_role("radio", name=AGE_18)).to_be_checked()
    page.get_by_label("Kotisi postinumero").fill("333")
    page.get_by_role("button", name="Tallenna vastaukseni").click()
    expect(page.locator(".field-error").first).to_be_visible()
    expect(age.get_by_role("radio", name=AGE_18)).to_be_checked()
    assert serious_violations(page) == []
    context.close()
    assert violations == []

    narrow = _context(browser, live_server, "resident", 320)
    assert _overflows(narrow.new_page(), live_server, STEP, 200, 320) == []
    narrow.close()
