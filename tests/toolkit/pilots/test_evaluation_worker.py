"""The neighbours' invitations through the real outbox and worker (`manage.py worker`) to a real
SMTP server: each neighbour gets one, in their language, with a link that opens the rating page;
a second run sends nothing."""

import re

import pytest
from django.test import Client

from config.models import OutgoingEmail
from engagement.participation.services import participant_for_user
from tests.factories import FollowFactory, SupportFactory, UserFactory
from tests.queue_support import SmtpServer, Workers, wait_for
from toolkit.models import Pilot, PilotEvaluation
from toolkit.pilots.evaluation import pilot_evaluation_invite

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def workers(transactional_db, settings, smtp, tmp_path):
    """Tasks into the database as in production (tests/test_queue_worker.py)."""
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    started = Workers(smtp.port, tmp_path)
    yield started
    started.stop_all()


def invitations(smtp) -> dict:
    return {
        str(m["To"]): m for m in smtp.handler.messages if "/pilots/evaluate/" in m.get_content()
    }


def test_the_worker_sends_each_neighbour_one_invitation_in_their_language(
    workers, smtp, contribution, make_pilot, settings
):
    settings.SITE_URL = "http://testserver"
    for name, language in (("naapuri", "fi"), ("granne", "sv"), ("neighbour", "en")):
        user = UserFactory(username=name, email=f"{name}@example.org")
        FollowFactory(
            contribution=contribution,
            participant=participant_for_user(user=user),
            language=language,
        )
    SupportFactory(
        contribution=contribution,
        participant=participant_for_user(user=UserFactory(username="tukija")),
    )
    pilot = make_pilot(Pilot.Status.APPROVED)  # started yesterday: approval queues the invitations
    assert not PilotEvaluation.objects.exists()  # the request only queued the task
    workers.start()
    wait_for(lambda: len(invitations(smtp)) == 4, "4 invitations", logs=workers)
    sent = invitations(smtp)
    assert sorted(sent) == [
        "granne@example.org",
        "naapuri@example.org",
        "neighbour@example.org",
        "tukija@example.org",
    ]
    assert "mitä mieltä olet" in str(sent["naapuri@example.org"]["Subject"])
    assert "vad tycker du" in str(sent["granne@example.org"]["Subject"])
    assert "what do you think" in str(sent["neighbour@example.org"]["Subject"])
    link = re.search(
        r"http://testserver(/sv/pilots/evaluate/\S+/)", sent["granne@example.org"].get_content()
    )
    page = Client().get(link[1])
    assert page.status_code == 200
    assert "Betygsätt piloten" in page.content.decode()

    # Run again (a repeated task, the hourly look): no one gets a second one.
    assert pilot_evaluation_invite(pilot=pilot, phase="start", base_url="http://testserver") == 0
    before = OutgoingEmail.objects.count()
    wait_for(lambda: not OutgoingEmail.objects.exclude(status="sent").exists(), "all sent")
    assert OutgoingEmail.objects.count() == before
    assert len([m for m in smtp.handler.messages if "/pilots/evaluate/" in m.get_content()]) == 4
