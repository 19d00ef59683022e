"""Links in e-mails lead to the site the change was made on: SITE_URL when it is set, else the
address of the request that made the change (so `make run` on any host or port sends working
links), captured then, since the e-mail may be composed later, away from the request."""

import re

import pytest
from django.core import mail

from engagement.moderation import services as moderation
from engagement.participation.services import participant_for_user
from tests.factories import ContributionFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def item(theme):
    """A published contribution whose author has an address to be told at."""
    author = UserFactory(username="author", email="author@example.org")
    return ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        participant=participant_for_user(user=author),
        language="en",
    )


def links(outbox) -> list[str]:
    return [url for message in outbox for url in re.findall(r"https?://\S+", message.body)]


def respond(client, item, capture, **headers) -> None:
    with capture(execute=True):
        response = client.post(
            f"/moderation/contributions/{item.pk}/",
            {"action": "respond", "status": "planned", "text": "We build it in spring."},
            headers=headers,
        )
    assert response.status_code == 302


def test_without_site_url_the_link_names_the_host_and_port_of_the_request(
    moderator_client, item, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""
    respond(moderator_client, item, django_capture_on_commit_callbacks, host="localhost:8123")
    assert links(mail.outbox) == [f"http://localhost:8123/en/contributions/{item.pk}/"]


def test_behind_a_trusted_proxy_the_link_keeps_the_visitors_https(
    moderator_client, item, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""
    settings.NUM_PROXIES = 1
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    respond(
        moderator_client,
        item,
        django_capture_on_commit_callbacks,
        host="localhost",
        x_forwarded_proto="https",
    )
    assert links(mail.outbox) == [f"https://localhost/en/contributions/{item.pk}/"]


def test_site_url_wins_over_the_requests_host(
    moderator_client, item, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = "https://yhdessa.example.fi"
    respond(moderator_client, item, django_capture_on_commit_callbacks, host="localhost:8123")
    assert links(mail.outbox) == [f"https://yhdessa.example.fi/en/contributions/{item.pk}/"]


def test_outside_a_request_the_link_is_the_local_address_of_make_run(
    moderator, item, settings, django_capture_on_commit_callbacks
):
    settings.SITE_URL = ""
    settings.LOCAL_SITE_URL = "http://127.0.0.1:8765"
    with django_capture_on_commit_callbacks(execute=True):
        moderation.contribution_respond(
            actor=moderator, contribution=item, status="planned", text="We build it."
        )
    assert links(mail.outbox) == [f"http://127.0.0.1:8765/en/contributions/{item.pk}/"]
