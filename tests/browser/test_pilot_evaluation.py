"""A neighbour is asked about a pilot near their pin: the invitation arrives by e-mail (read
from the outbox), its link opens the rating page without signing in, and the neighbour rates
the pilot and comments. The page is axe-clean in Finnish, Swedish and English."""

import re

import pytest
from django.core import mail
from playwright.sync_api import Page, expect

from engagement.participation.services import participant_for_user
from tests.browser.test_campaign_journey import serious_violations
from tests.factories import FollowFactory, UserFactory
from tests.toolkit.conftest import proposal
from toolkit.models import PilotEvaluation
from toolkit.pilots import services

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_neighbour_rates_a_pilot_from_the_invitation(
    page: Page, live_server, contribution, organisation, organisation_member, moderator, settings
):
    settings.SITE_URL = live_server.url
    neighbour = UserFactory(username="naapuri", email="naapuri@example.org")
    FollowFactory(
        contribution=contribution, participant=participant_for_user(user=neighbour), language="fi"
    )
    mail.outbox.clear()
    pilot = services.pilot_propose(
        user=organisation_member,
        organisation=organisation,
        campaign=contribution.campaign,
        contributions=[contribution],
        **proposal(),  # started yesterday: its approval invites the neighbours
    )
    services.pilot_review(actor=moderator, pilot=pilot, decision="approve")

    [invitation] = [m for m in mail.outbox if "/pilots/evaluate/" in m.body]
    assert invitation.to == ["naapuri@example.org"]
    assert "mitä mieltä olet" in invitation.subject
    link = re.search(rf"{re.escape(live_server.url)}/pilots/evaluate/\S+/", invitation.body)[0]

    page.goto(link)
    expect(page.get_by_role("heading", level=1)).to_contain_text("Arvioi kokeilu")
    assert serious_violations(page) == []
    page.get_by_role("radio", name="4", exact=True).check()
    page.get_by_label("Kommentti (vapaaehtoinen)").fill("Penkit ovat hyvä idea, lisää varjoa.")
    page.get_by_role("button", name="Lähetä arvioni").click()
    expect(page.get_by_role("status")).to_contain_text("Kiitos! Arviosi tallennettiin.")
    expect(page.get_by_role("radio", name="4", exact=True)).to_be_checked()
    assert serious_violations(page) == []

    answer = PilotEvaluation.objects.get(pilot=pilot)
    assert (answer.rating, answer.comment) == (4, "Penkit ovat hyvä idea, lisää varjoa.")

    path = link.removeprefix(live_server.url)
    for language, heading in (("sv", "Betygsätt piloten"), ("en", "Rate the pilot")):
        page.goto(f"{live_server.url}/{language}{path}")
        expect(page.get_by_role("heading", level=1)).to_contain_text(heading)
        assert serious_violations(page) == [], language
    page.set_viewport_size({"width": 320, "height": 800})  # reflows without sideways scrolling
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    page.set_viewport_size({"width": 1280, "height": 900})

    # The pilot's page shows the neighbours' rating as a measure, below k as "fewer than k".
    page.goto(f"{live_server.url}/en/pilots/{pilot.pk}/")
    expect(page.locator("tr.neighbours-rating")).to_contain_text("fewer than 5 answers")
    assert serious_violations(page) == []
