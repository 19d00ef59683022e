"""A moderator's morning (decision 0030): the queue by city unit with ages, the oldest first, a
duplicate merged into it, an answer from the unit's template in the contribution's language,
and the answer on the public page; axe clean on the queue and the detail page in fi, sv, en."""

import re
import time
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import Page, expect

from config.demo.read import demo_data_read
from engagement.models import CityUnit, Contribution, ModerationAction
from tests.browser.test_campaign_journey import serious_violations
from tests.browser.test_moderation_journey import sign_in


def _spread_over_days() -> None:
    """The demo's contributions arrive in one run; here they arrived a day apart, oldest first
    by id, so the queue has ages and one is past its unit's deadline."""
    now = timezone.now()
    ids = list(Contribution.objects.order_by("id").values_list("pk", flat=True))
    for days, pk in enumerate(reversed(ids), start=1):
        Contribution.objects.filter(pk=pk).update(created_at=now - timedelta(days=days * 3))


def test_a_moderators_morning_by_unit_with_a_merge_and_a_template(page: Page, live_server, demo):
    started = time.monotonic()
    _spread_over_days()
    traffic = CityUnit.objects.get(name_fi="Katu- ja liikennesuunnittelu")
    theirs = list(Contribution.objects.filter(unit=traffic).order_by("created_at", "id"))
    assert len(theirs) >= 3
    oldest, duplicate = theirs[0], theirs[1]
    # The second-oldest was reported a few metres from the oldest, on the same theme: the
    # moderation page offers the oldest as its duplicate candidate.
    Contribution.objects.filter(pk=duplicate.pk).update(
        geometry=oldest.geometry, theme=oldest.theme
    )
    official = demo_data_read().accounts.officials[0]
    sign_in(page, live_server, official.email, official.password)

    # The queue, filtered by the unit through its count.
    page.goto(f"{live_server.url}/en/moderation/")
    counts = page.get_by_role("navigation", name="By city unit")
    expect(counts).to_contain_text("Street and traffic planning")
    counts.get_by_role("link", name="Street and traffic planning").click()
    expect(page).to_have_url(re.compile(rf"unit={traffic.pk}"))
    rows = page.locator("#queue ol.queue").first.locator("li.queue-item")
    expect(rows).to_have_count(len(theirs))
    expect(rows.first.locator(".unit-name")).to_have_text("Street and traffic planning")
    ages = rows.locator(".age").all_inner_texts()
    assert all(re.fullmatch(r"\d+\s+days old", age) for age in ages), ages
    assert int(ages[0].split()[0]) > int(ages[-1].split()[0])  # oldest first
    expect(rows.first.locator(".deadline")).to_contain_text("Overdue by")
    axe_started = time.monotonic()
    assert serious_violations(page) == [], "queue, en"
    print(f"\none axe run: {time.monotonic() - axe_started:.1f} s")

    # Merge: the second-oldest is a duplicate of the oldest.
    rows.nth(1).locator("h3 a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(duplicate.title)
    # On the map with its exact place and the nearby candidate, merged from the list in one step.
    expect(page.locator("#moderation-map")).to_be_visible()
    expect(page.locator("#moderation-map .candidate-marker").first).to_be_visible()
    candidates = page.locator("ol.candidates > li")
    expect(candidates.filter(has_text=oldest.title)).to_have_count(1)
    candidates.filter(has_text=oldest.title).get_by_role(
        "button", name=re.compile("^Mark as a duplicate of this")
    ).click()
    expect(page.get_by_text("Done: marked as duplicate.")).to_be_visible()
    expect(page.locator(".notice")).to_contain_text(oldest.title)

    # The oldest: its unit's template fills the answer in Finnish, the contribution's
    # language, in place (no reload), and is edited before it is sent.
    page.goto(f"{live_server.url}/en/moderation/?unit={traffic.pk}")
    rows.first.locator("h3 a").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(oldest.title)
    detail_url = page.url
    page.get_by_role("textbox", name=re.compile("^Internal note")).fill(
        "Soitettu urakoitsijalle, korjaus viikolla 50."
    )
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator(".internal-notes")).to_contain_text("Soitettu urakoitsijalle")
    assert serious_violations(page) == [], "detail, en"
    page.get_by_label("Reply template").select_option(
        label="Repair ordered from maintenance (Street and traffic planning)"
    )
    page.get_by_role("button", name="Use the template").click()
    answer = page.get_by_label("Public answer")
    expect(answer).to_have_value(re.compile("^Kiitos ilmoituksesta. Tilasimme korjauksen"))
    assert page.url == detail_url  # filled by the script, not by a reload
    expect(answer).to_be_focused()
    answer.press("End")
    answer.type(" Terveisin aluetiimi.")
    page.get_by_label("Public status").select_option("planned")
    page.get_by_role("button", name="Publish the answer").click()
    expect(page.get_by_text("Done: answered with a status.")).to_be_visible()
    assert ModerationAction.objects.filter(action="duplicate", target_id=duplicate.pk).exists()

    # The public sees the answer, in Finnish, on the oldest's page.
    page.context.clear_cookies()
    page.goto(f"{live_server.url}/en/contributions/{oldest.pk}/")
    history = page.locator(".status-history")
    expect(history).to_contain_text("Planned")
    expect(history).to_contain_text("Tilasimme korjauksen katujen kunnossapidolta")
    expect(history).to_contain_text("Terveisin aluetiimi.")
    assert "Soitettu urakoitsijalle" not in page.content()

    # The queue and the detail page in Finnish and Swedish, signed in again.
    sign_in(page, live_server, official.email, official.password)
    for prefix in ("", "/sv"):
        page.goto(f"{live_server.url}{prefix}/moderation/?unit={traffic.pk}&sort=deadline")
        expect(page.locator(".unit-counts a[aria-current]")).to_have_count(1)
        assert serious_violations(page) == [], f"queue {prefix or '/fi'}"
        page.goto(f"{live_server.url}{prefix}/moderation/contributions/{oldest.pk}/")
        expect(page.locator(".internal-notes")).to_contain_text("Soitettu urakoitsijalle")
        assert serious_violations(page) == [], f"detail {prefix or '/fi'}"
    print(f"\nmoderator's morning: {time.monotonic() - started:.1f} s")
