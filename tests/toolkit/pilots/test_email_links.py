"""The pilots' e-mails link to the host the review was made on (or SITE_URL when it is set)."""

import re

import pytest
from django.core import mail

from toolkit.models import Pilot

pytestmark = pytest.mark.django_db


def review(client, pilot, capture, **headers) -> None:
    with capture(execute=True):
        response = client.post(
            "/moderation/pilots/",
            {"pilot": pilot.pk, f"pilot-{pilot.pk}-decision": "approve"},
            headers=headers,
        )
    assert response.status_code == 302


def pilot_links(outbox, pilot) -> set[str]:
    found = {url for m in outbox for url in re.findall(r"https?://\S+", m.body)}
    return {url for url in found if f"/pilots/{pilot.pk}/" in url}


def test_review_mail_links_to_the_requests_host_without_site_url(
    moderator_client, make_pilot, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""
    pilot = make_pilot(Pilot.Status.PROPOSED)
    review(moderator_client, pilot, django_capture_on_commit_callbacks, host="localhost:8123")
    assert pilot_links(mail.outbox, pilot) == {f"http://localhost:8123/pilots/{pilot.pk}/"}
    assert "oona@example.org" in [m.to[0] for m in mail.outbox]


def test_review_mail_links_to_site_url_when_set(
    moderator_client, make_pilot, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://yhdessa.example.fi"
    pilot = make_pilot(Pilot.Status.PROPOSED)
    review(moderator_client, pilot, django_capture_on_commit_callbacks, host="localhost:8123")
    assert pilot_links(mail.outbox, pilot) == {f"https://yhdessa.example.fi/pilots/{pilot.pk}/"}
