"""A moderator works through the queue with the keyboard and answers a resident publicly."""

import re

from playwright.sync_api import Page, expect

from config.demo.read import demo_data_read
from engagement.models import Contribution, ModerationAction
from tests.browser.test_campaign_journey import serious_violations


def sign_in(page: Page, live_server, email: str, password: str) -> None:
    page.goto(f"{live_server.url}/en/accounts/login/")
    page.get_by_label("Email:").fill(email)
    page.get_by_label("Password:").fill(password)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Moderation", exact=True)).to_be_visible()


def tab_until(page: Page, condition: str, limit: int = 80) -> None:
    for _ in range(limit):
        if page.evaluate(condition):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached: {condition}")


def test_moderator_works_through_the_queue_with_the_keyboard(page: Page, live_server, demo):
    moderator = demo_data_read().accounts.officials[0]
    email, password = moderator.email, moderator.password
    sign_in(page, live_server, email, password)
    page.goto(f"{live_server.url}/en/moderation/")
    assert serious_violations(page) == []
    waiting = page.locator("#queue ol.queue").first.locator("li.queue-item")
    count = waiting.count()
    assert count >= 5

    first_five = []
    for _ in range(5):
        first_title = waiting.first.locator("h3").inner_text()
        first_five.append(first_title)
        # From the queue's start, Tab to the first item's "Approve" and press Enter.
        page.locator("#queue").focus()
        tab_until(
            page,
            "document.activeElement.name === 'single' && "
            "document.activeElement.value.endsWith(':approve')",
        )
        page.keyboard.press("Enter")
        expect(page.get_by_text("Done: approved.")).to_be_visible()
        expect(waiting).to_have_count(count - len(first_five))
    approved = Contribution.objects.filter(title__in=first_five)
    assert set(approved.values_list("moderation_state", flat=True)) == {"published"}
    assert approved.exclude(moderated_at=None).count() == 5
    assert ModerationAction.objects.filter(action="approve").count() == 5

    # Open the next item and answer it with a status, still with the keyboard.
    title = waiting.first.locator("h3").inner_text()
    page.locator("#queue").focus()
    tab_until(page, "document.activeElement.textContent.startsWith('Answer, edit')")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(title)
    assert serious_violations(page) == []
    tab_until(page, "document.activeElement.name === 'status'")
    page.keyboard.press("End")  # the last status: not possible
    page.keyboard.press("Tab")
    page.keyboard.type("The city does not own this land, so a bench cannot be placed here.")
    tab_until(page, "document.activeElement.textContent.trim() === 'Publish the answer'")
    page.keyboard.press("Enter")
    expect(page.get_by_text("Done: answered with a status.")).to_be_visible()

    # The resident's page shows the answer, signed with the official's role and unit.
    item = Contribution.objects.get(title=title)
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/en/contributions/{item.pk}/")
    history = page.locator(".status-history")
    expect(history).to_contain_text("Not possible")
    expect(history).to_contain_text("The city does not own this land")
    expect(history).to_contain_text("Aluekoordinaattori, Tampereen kaupunki")
    expect(page.locator(".contribution-detail .meta").first).to_contain_text(
        re.compile("Status: Not possible")
    )
