"""The real worker (`manage.py worker`, as `make run` starts it) delivering to a real SMTP server:
one session for many messages, an SMTP server that is down, a worker stopped or killed in the
middle of a delivery and started again, and the fan-out of a status change in each recipient's
language. Every count is taken at the SMTP server.
"""

import signal
import sqlite3
import time
from collections import Counter

import pytest
from django.core import mail
from django_tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from config.models import OutgoingEmail
from config.queue import periodic_tasks
from engagement.models import ExportJob, Follow
from engagement.moderation import services as moderation
from engagement.participation.services import participant_for_user
from tests.factories import ContributionFactory, UserFactory
from tests.queue_support import SmtpServer, Workers, wait_for
from tests.servers import Cluster, manage

DATABASE_BACKEND = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
SENT = OutgoingEmail.Status.SENT


@pytest.fixture
def smtp():
    server = SmtpServer().start()
    yield server
    server.stop()


@pytest.fixture
def workers(transactional_db, settings, smtp, tmp_path):
    """Committed data (the worker is another process), tasks into the database as in production;
    every worker started is gone before the database is emptied."""
    settings.TASKS = DATABASE_BACKEND
    started = Workers(smtp.port, tmp_path)
    yield started
    started.stop_all()


def queue(count: int, prefix: str = "Viesti") -> list[str]:
    """`count` messages in one call, as a fan-out queues them: one delivery task."""
    subjects = [f"{prefix} {n}" for n in range(1, count + 1)]
    messages = [mail.EmailMessage(s, "Hei", None, [f"r{n}@example.org"]) for n, s in
                enumerate(subjects)]  # fmt: skip
    assert mail.get_connection().send_messages(messages) == count
    return subjects


def sent() -> int:
    return OutgoingEmail.objects.filter(status=SENT).count()


def _sweeps() -> int:
    return DBTaskResult.objects.filter(
        task_path="config.mail.outbox_sweep", status=TaskResultStatus.SUCCESSFUL
    ).count()


def settle(workers: Workers) -> None:
    """Long enough for a duplicate to show: the worker sweeps the outbox (each second) twice
    more after now, and every retry (0.3 s) had its turn meanwhile."""
    done = _sweeps()
    wait_for(lambda: _sweeps() >= done + 2, "two more sweeps", logs=workers)


# (b) and (f) ------------------------------------------------------------------------------------


def test_the_worker_delivers_many_messages_in_one_smtp_session(workers, smtp):
    subjects = queue(4)
    assert smtp.handler.messages == []
    workers.start()
    wait_for(lambda: sent() == 4, "4 sent", logs=workers)
    assert sorted(smtp.handler.subjects) == subjects
    assert smtp.handler.sessions == 1

    # (f) Meanwhile the sweep ran each second; each periodic task still has one waiting run.
    settle(workers)
    for path in periodic_tasks():
        assert (
            DBTaskResult.objects.filter(task_path=path, status=TaskResultStatus.READY).count() == 1
        )
    sweeps = DBTaskResult.objects.filter(
        task_path="config.mail.outbox_sweep", status=TaskResultStatus.SUCCESSFUL
    )
    assert sweeps.count() >= 2
    assert len(smtp.handler.messages) == 4


# (c) -------------------------------------------------------------------------------------------


def test_a_server_that_is_down_gets_every_message_once_when_it_is_back(workers, smtp):
    smtp.stop()
    subjects = queue(3, "Odottaa")
    workers.start()
    wait_for(
        lambda: OutgoingEmail.objects.filter(attempts__gte=2).count() == 3,
        "two failed attempts each",
        logs=workers,
    )
    assert sent() == 0
    assert all("Connection refused" in e for e in OutgoingEmail.objects.values_list(
        "last_error", flat=True))  # fmt: skip
    smtp.start()
    wait_for(lambda: sent() == 3, "3 sent", logs=workers)
    settle(workers)
    assert sorted(smtp.handler.subjects) == subjects


# (d) -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("how", [signal.SIGTERM, signal.SIGKILL], ids=["sigterm", "sigkill"])
def test_a_worker_stopped_mid_delivery_and_started_again_delivers_each_message_once(
    workers, smtp, how
):
    smtp.handler.hold_at = 3  # the third message waits at the server, mid-delivery
    subjects = queue(6, "Kerran")
    first = workers.start()
    assert smtp.handler.held.wait(20), workers.logs()
    first.send_signal(how)
    time.sleep(0.3)
    smtp.handler.release.set()
    code = first.wait(timeout=20)
    if how == signal.SIGTERM:
        # It finished the message in hand, queued the rest for the next worker, and exited.
        assert code == 0, workers.logs()
        assert sent() == 3
    else:
        assert code == -signal.SIGKILL
        assert sent() == 2  # the third never got its "250 OK", its transaction rolled back
    assert OutgoingEmail.objects.exclude(status=SENT).count() == 6 - sent()

    workers.start()
    wait_for(lambda: sent() == 6, "6 sent", logs=workers)
    settle(workers)
    counts = Counter(smtp.handler.subjects)
    assert sorted(counts) == subjects
    assert set(counts.values()) == {1}, counts


# (e) -------------------------------------------------------------------------------------------


def test_a_status_change_reaches_each_person_in_their_language(workers, smtp, theme, moderator):
    author = UserFactory(username="author", email="author@example.org")
    item = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        participant=participant_for_user(user=author),
        language="fi",
    )
    for name, language in (("ruotsi", "sv"), ("englanti", "en")):
        user = UserFactory(username=name, email=f"{name}@example.org")
        Follow.objects.create(
            contribution=item, participant=participant_for_user(user=user), language=language
        )

    moderation.contribution_respond(
        actor=moderator, contribution=item, status="planned", text="We build it in spring."
    )
    # The request only queued one task; the worker writes the three e-mails.
    assert not OutgoingEmail.objects.exists()
    workers.start()
    wait_for(lambda: sent() == 3, "3 sent", logs=workers)
    by_address = {str(m["To"]): m for m in smtp.handler.messages}
    assert sorted(by_address) == [
        "author@example.org",
        "englanti@example.org",
        "ruotsi@example.org",
    ]
    assert "Suunnitteilla" in str(by_address["author@example.org"]["Subject"])
    assert "Planerad" in str(by_address["ruotsi@example.org"]["Subject"])
    assert "Planned" in str(by_address["englanti@example.org"]["Subject"])
    sv_body = by_address["ruotsi@example.org"].get_content()
    assert f"/sv/contributions/{item.pk}/" in sv_body
    assert f"/en/contributions/{item.pk}/" in by_address["englanti@example.org"].get_content()
    assert smtp.handler.sessions == 1


# Large exports --------------------------------------------------------------------------------


def test_a_large_export_is_written_by_the_worker_for_the_requester_only(
    workers, settings, theme, moderator_client, resident_client, client, tmp_path
):
    settings.EXPORT_QUEUE_ROWS = 2
    ContributionFactory.create_batch(3, campaign=theme.campaign, theme=theme)
    url = f"/exports/contributions.gpkg?campaign={theme.campaign.slug}"
    # A browser the site cannot recognise again gets the stream, as before.
    assert client.get(url).status_code == 200

    asked = moderator_client.get(url)
    assert asked.status_code == 302
    job_url = asked["Location"]
    job = ExportJob.objects.get()
    assert job_url == f"/exports/jobs/{job.pk}/"
    waiting = moderator_client.get(job_url)
    assert waiting.status_code == 202
    assert waiting["Retry-After"] == "3"
    assert "no-store" in waiting["Cache-Control"]
    # Nobody else can open it, not even to learn that it exists.
    assert resident_client.get(job_url).status_code == 404
    assert client.get(job_url).status_code == 404

    workers.start()
    wait_for(
        lambda: ExportJob.objects.get().status == ExportJob.Status.READY, "export", logs=workers
    )
    download = moderator_client.get(job_url)
    assert download.status_code == 200
    assert download["Content-Type"] == "application/geopackage+sqlite3"
    assert 'filename="yhdessa-contributions.gpkg"' in download["Content-Disposition"]
    path = tmp_path / "export.gpkg"
    path.write_bytes(b"".join(download.streaming_content))
    with sqlite3.connect(path) as gpkg:
        assert gpkg.execute("SELECT count(*) FROM contributions_points").fetchone() == (3,)
    assert resident_client.get(job_url).status_code == 404
    assert ExportJob.objects.get().rows == 3


# The database restarted under the worker ---------------------------------------------------------


@pytest.mark.django_db  # pytest-django sets up the test database whose schema is dumped
def test_the_worker_waits_out_a_database_restart(smtp, tmp_path, migrated_schema):
    """On a cluster of its own, so that stopping it disturbs no other test; its schema is the
    migrated test database's (`migrated_schema`), loaded in a second instead of a `migrate`."""
    cluster = Cluster("yhdessa_worker")
    workers = Workers(smtp.port, tmp_path, database_url=cluster.url)
    try:
        cluster.create(schema=migrated_schema)
        env = {"DATABASE_URL": cluster.url, "DJANGO_SETTINGS_MODULE": "config.settings.test"}
        send = (
            "from django.core.mail import send_mail; send_mail('{0}', 'b', None, ['a@example.org'])"
        )
        queue_env = {**env, "TASKS_BACKEND": "django_tasks_db.DatabaseBackend"}
        worker = workers.start()
        manage("shell", "-c", send.format("Ennen"), env=queue_env)
        wait_for(lambda: smtp.handler.subjects == ["Ennen"], "before", logs=workers)
        cluster.stop()
        # Down until the worker has met the outage (it polls every 0.1 s) and said so.
        wait_for(lambda: "Database unavailable" in workers.logs(), "the outage", logs=workers)
        cluster.start()
        manage("shell", "-c", send.format("Jälkeen"), env=queue_env)
        wait_for(lambda: len(smtp.handler.subjects) == 2, "after", timeout=40, logs=workers)
        assert smtp.handler.subjects == ["Ennen", "Jälkeen"]
        assert worker.poll() is None  # the same process, never restarted
        assert workers.stop(worker) == 0
    finally:
        workers.stop_all()
        cluster.destroy()
