"""The task queue and the e-mail outbox, in this process, against the real database and a real
SMTP server: what is queued with which transaction, what a message keeps on its way, retries,
giving up and resending, periodic scheduling, and tasks that lost their worker.

The real worker process is in test_queue_worker.py.
"""

import logging
from datetime import timedelta

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone
from django_tasks import TaskResultStatus
from django_tasks_db.management.commands.db_worker import Worker
from django_tasks_db.models import DBTaskResult

from config.mail import outbox_deliver, outbox_deliver_task
from config.models import OutgoingEmail
from config.queue import periodic_schedule_all, periodic_tasks, tasks_requeue_stale
from engagement.models import Follow, StatusChange
from engagement.moderation import services as moderation
from engagement.participation.services import participant_for_user
from tests.factories import ContributionFactory, UserFactory
from tests.queue_support import SmtpServer

pytestmark = pytest.mark.django_db

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
NOTIFY = "engagement.moderation.services.status_change_notify"


@pytest.fixture
def queue(settings):
    """Tasks go to the database, as in production, and wait there for a worker."""
    settings.TASKS = DATABASE_BACKEND


@pytest.fixture
def smtp(settings):
    server = SmtpServer().start()
    settings.EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
    yield server.handler
    server.stop()


@pytest.fixture
def followed(theme):
    """A contribution with an author (Finnish) and a follower (Swedish) to tell."""
    author = UserFactory(username="author", email="author@example.org")
    follower = UserFactory(username="follower", email="follower@example.org")
    item = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        participant=participant_for_user(user=author),
        language="fi",
    )
    Follow.objects.create(
        contribution=item, participant=participant_for_user(user=follower), language="sv"
    )
    return item


def respond(moderator, item, text="We build it in spring."):
    return moderation.contribution_respond(
        actor=moderator, contribution=item, status="planned", text=text
    )


def tasks(path=None):
    rows = DBTaskResult.objects.all()
    return rows.filter(task_path=path) if path else rows


# (a) Queued in the transaction of the change -----------------------------------------------------


def test_a_status_change_queues_its_email_in_its_own_transaction(
    queue, followed, moderator, django_capture_on_commit_callbacks
):
    with pytest.raises(RuntimeError), transaction.atomic():
        respond(moderator, followed)
        assert tasks(NOTIFY).count() == 1  # written inside the transaction...
        raise RuntimeError("the change fails after the e-mail was asked for")
    # ...so the rollback takes it away: no task, no e-mail, no change.
    assert not tasks().exists()
    assert not OutgoingEmail.objects.exists()
    assert not StatusChange.objects.exists()

    with django_capture_on_commit_callbacks() as callbacks:
        change = respond(moderator, followed)
    # Not a callback after the commit, which a crash between commit and callback would lose:
    # the task is a row of the change's own transaction.
    assert callbacks == []
    task = tasks(NOTIFY).get()
    assert task.status == TaskResultStatus.READY
    assert task.args_kwargs["args"][0] == change.pk


def test_an_email_sent_in_a_transaction_that_rolls_back_is_never_queued(queue):
    with pytest.raises(RuntimeError), transaction.atomic():
        mail.send_mail("Tervetuloa", "Hei", None, ["a@example.org"])
        assert OutgoingEmail.objects.count() == 1
        raise RuntimeError
    assert not OutgoingEmail.objects.exists()
    assert not tasks().exists()
    mail.send_mail("Tervetuloa", "Hei", None, ["a@example.org"])
    row = OutgoingEmail.objects.get()
    assert row.status == OutgoingEmail.Status.PENDING
    assert tasks("config.mail.outbox_deliver_task").get().args_kwargs["args"] == [[row.pk]]


# What a message keeps, through the outbox to a real SMTP server ----------------------------------


def test_a_message_arrives_with_everything_it_was_given(queue, smtp):
    message = mail.EmailMultiAlternatives(
        "Päätös: “Skate spot”",
        "Tekstinä",
        "Yhdessä <yhdessa@example.org>",
        ["aino@example.org"],
        bcc=["archive@example.org"],
        cc=["copy@example.org"],
        reply_to=["reply@example.org"],
        headers={"X-Campaign": "tesoma"},
    )
    message.attach_alternative("<p>HTML-muodossa</p>", "text/html")
    message.attach("plan.csv", "a,b\n1,2\n", "text/csv")
    message.attach("logo.png", b"\x89PNG\r\n\x00binary", "image/png")
    assert mail.get_connection().send_messages([message]) == 1
    assert smtp.messages == []  # queued, not sent inside the caller's request

    assert outbox_deliver() == 1
    (got,) = smtp.messages
    row = OutgoingEmail.objects.get()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.SENT, 1)
    assert got["Message-ID"] == row.message["headers"]["Message-ID"]  # fixed when queued
    assert str(got["Subject"]) == "Päätös: “Skate spot”"
    assert (got["From"], got["To"], got["Cc"], got["Reply-To"], got["X-Campaign"]) == (
        "Yhdessä <yhdessa@example.org>",
        "aino@example.org",
        "copy@example.org",
        "reply@example.org",
        "tesoma",
    )
    assert sorted(smtp.envelopes[0]) == [
        "aino@example.org",
        "archive@example.org",
        "copy@example.org",
    ]
    assert got.get_body(("plain",)).get_content().strip() == "Tekstinä"
    assert got.get_body(("html",)).get_content().strip() == "<p>HTML-muodossa</p>"
    attachments = {a.get_filename(): a.get_content() for a in got.iter_attachments()}
    assert attachments["logo.png"] == b"\x89PNG\r\n\x00binary"
    assert attachments["plan.csv"].replace("\r\n", "\n") == "a,b\n1,2\n"  # SMTP's line ends


# (c) in this process: retried with backoff, then failed, listed and resent ----------------------


def test_a_refused_message_is_retried_then_failed_listed_and_resent(queue, smtp, settings, capsys):
    settings.EMAIL_QUEUE_MAX_ATTEMPTS = 2
    settings.EMAIL_QUEUE_RETRY_SECONDS = 60
    smtp.refuse = True
    mail.send_mail("Vahvista osoitteesi", "Linkki", None, ["aino@example.org"])
    row = OutgoingEmail.objects.get()

    assert outbox_deliver() == 0
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.PENDING, 1)
    assert "451" in row.last_error
    # Tried again in a minute, by a task waiting until then.
    wait = row.next_attempt_at - timezone.now()
    assert timedelta(seconds=50) < wait <= timedelta(seconds=60)
    retry = tasks("config.mail.outbox_deliver_task").filter(args_kwargs__args=[[row.pk]])
    assert retry.filter(run_after=row.next_attempt_at).exists()
    assert outbox_deliver() == 0  # not due yet: not tried
    row.refresh_from_db()
    assert row.attempts == 1

    OutgoingEmail.objects.update(next_attempt_at=timezone.now())
    assert outbox_deliver() == 0
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.FAILED, 2)

    call_command("outbox")
    listing = capsys.readouterr().out
    assert "failed=1" in listing
    assert f"{row.pk} " in listing and "aino@example.org" in listing and "451" in listing

    smtp.refuse = False
    call_command("outbox", "--resend-failed")
    row.refresh_from_db()
    assert (row.status, row.attempts) == (OutgoingEmail.Status.PENDING, 0)
    assert outbox_deliver() == 1
    assert smtp.subjects == ["Vahvista osoitteesi"]
    row.refresh_from_db()
    assert row.status == OutgoingEmail.Status.SENT


# Idempotent fan-out and stale tasks ------------------------------------------------------------


def test_a_fan_out_run_twice_writes_to_no_one_twice(queue, followed, moderator):
    respond(moderator, followed)
    task = tasks(NOTIFY).get()
    worker = Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="test",
        excluded_queue_names=[],
    )
    worker.run_task(task)
    task.refresh_from_db()
    task.status = TaskResultStatus.RUNNING  # as if its worker died before recording the end
    worker.run_task(task)
    assert sorted(OutgoingEmail.objects.values_list("recipients", flat=True)) == [
        ["author@example.org"],
        ["follower@example.org"],
    ]


def test_a_task_whose_worker_was_lost_runs_again_except_a_periodic_one(queue, settings):
    settings.TASKS_STALE_SECONDS = 600
    lost = outbox_deliver_task.enqueue([1]).db_result
    periodic = periodic_tasks()["config.mail.outbox_sweep"][0].enqueue().db_result
    recent = outbox_deliver_task.enqueue([2]).db_result
    long_ago = timezone.now() - timedelta(seconds=700)
    for row, started in ((lost, long_ago), (periodic, long_ago), (recent, timezone.now())):
        row.claim("dead-worker")
        DBTaskResult.objects.filter(pk=row.pk).update(started_at=started)

    assert tasks_requeue_stale() == (1, 1)
    statuses = dict(DBTaskResult.objects.values_list("pk", "status"))
    assert statuses == {
        lost.pk: TaskResultStatus.READY,
        periodic.pk: TaskResultStatus.FAILED,
        recent.pk: TaskResultStatus.RUNNING,
    }


# (f) Periodic tasks: one waiting run each ------------------------------------------------------


def test_each_periodic_task_has_exactly_one_waiting_run(queue, settings):
    settings.PERIODIC_TASKS = [
        ("config.mail.outbox_sweep", 60),
        ("config.queue.tasks_housekeeping", 600),
    ]
    assert periodic_schedule_all() == 2
    assert periodic_schedule_all() == 0  # a second worker starting adds none
    for path in periodic_tasks():
        assert tasks(path).filter(status=TaskResultStatus.READY).count() == 1

    # A run, as it starts, schedules the next one, an interval later.
    run = tasks("config.mail.outbox_sweep").get()
    run.claim("worker")
    Worker(
        queue_names=["default"],
        interval=0,
        batch=True,
        backend_name="default",
        startup_delay=False,
        max_tasks=None,
        worker_id="worker",
        excluded_queue_names=[],
    ).run_task(run)
    run.refresh_from_db()
    assert run.status == TaskResultStatus.SUCCESSFUL
    (following,) = tasks("config.mail.outbox_sweep").filter(status=TaskResultStatus.READY)
    assert timedelta(seconds=55) < following.run_after - timezone.now() <= timedelta(seconds=60)
    # A longer wait left by an older setting is brought down to the interval at start.
    settings.PERIODIC_TASKS = [("config.mail.outbox_sweep", 10)]
    assert periodic_schedule_all() == 0
    following.refresh_from_db()
    assert following.run_after - timezone.now() <= timedelta(seconds=10)


# Errors reach the admins without the database ----------------------------------------------------


def test_a_server_error_mails_the_admins_through_the_delivery_backend_not_the_outbox(settings):
    settings.ADMINS = [("Ylläpito", "admin@example.org")]
    handler = next(h for h in logging.getLogger("django").handlers if h.name == "mail_admins")
    assert handler.email_backend == settings.EMAIL_DELIVERY_BACKEND
    with pytest.raises(RuntimeError), transaction.atomic():
        # Even a rollback (the database failing) does not take the error report with it.
        logging.getLogger("django.request").error("Internal Server Error: /api/v1/")
        raise RuntimeError
    assert [m.to for m in mail.outbox] == [["admin@example.org"]]
    assert not OutgoingEmail.objects.exists()


def test_a_periodic_task_that_is_not_a_task_stops_the_worker_at_its_checks(settings):
    from config.queue import check_periodic_tasks

    assert check_periodic_tasks() == []
    settings.PERIODIC_TASKS = [("config.mail.outbox_deliver", 60), ("config.nowhere.task", 5)]
    assert [e.id for e in check_periodic_tasks()] == ["yhdessa.E011", "yhdessa.E011"]
