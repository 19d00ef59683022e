"""Faults survived, against the real app under gunicorn (platform/gunicorn.conf.py, as `make run`)
and a PostgreSQL cluster of this module's own, which it stops and starts without disturbing any
other test's database:

- the database restarted while submissions run: 503 with Retry-After during the outage (never a
  500, never a hang), the site answers again without a restart of the app, and every
  contribution that got a 201 is in the database;
- a worker killed in the middle of a submission: no contribution and no photo rows, and the
  photo files it had written are removed by the sweep (config/uploads.py).

In-process tests check the sweep and the 503 (config/unavailable.py) on their own.
"""

import io
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import httpx
import psycopg
import pytest
from django.core.handlers.exception import convert_exception_to_response
from django.db.utils import InterfaceError, OperationalError
from django.utils import translation
from PIL import Image

from config.unavailable import DatabaseUnavailableMiddleware
from tests.servers import PGBIN, PYTHON, ROOT, Cluster, Gunicorn, manage

PORT = int(os.environ.get("FAULTS_PORT", "8027"))
API = "/api/v1/contributions/"
CAMPAIGN, THEME = "faults", "faults-theme"
LIST_PARAMS = {"campaign": CAMPAIGN, "limit": 20}
WORLD = f"""
from tests.factories import CampaignFactory, ThemeFactory
ThemeFactory(campaign=CampaignFactory(slug="{CAMPAIGN}", title="Faults"), slug="{THEME}")
"""

SETUP = """
from django.core.management import call_command
call_command("migrate", interactive=False, verbosity=0)
call_command("createcachetable")
"""

_no_postgres = pytest.mark.skipif(
    not (PGBIN / "initdb").exists(), reason=f"no PostgreSQL binaries in {PGBIN}"
)


def needs_postgres(test):
    """On the cluster of this module's own, whose schema is the session's test database's
    (`migrated_schema`): the django_db mark makes pytest-django set that database up."""
    return _no_postgres(pytest.mark.django_db(test))


def payload(title: str) -> dict:
    return {
        "campaign": CAMPAIGN,
        "kind": "idea",
        "theme": THEME,
        "title": title,
        "body": "Sent while the test breaks things.",
        "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
    }


# The world: a cluster, the app's environment, gunicorn ------------------------------------


@pytest.fixture(scope="module")
def static_root(tmp_path_factory):
    """`collectstatic` as `make run` does, in the background while the cluster is made."""
    root = tmp_path_factory.mktemp("static")
    env = {
        **os.environ,
        "STATIC_ROOT": str(root),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
    }
    collecting = subprocess.Popen(
        [str(PYTHON), "manage.py", "collectstatic", "--noinput", "-v0"],
        cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    yield root, collecting
    collecting.kill()
    collecting.wait()


@pytest.fixture(scope="module")
def cluster(static_root, migrated_schema):
    """static_root first: collectstatic runs while the cluster is made."""
    cluster = Cluster(db="yhdessa_faults_tmp")
    try:
        cluster.create(schema=migrated_schema)
        yield cluster
    finally:
        cluster.destroy()


@pytest.fixture(scope="module")
def media():
    path = Path(tempfile.mkdtemp(prefix="yhdessa-media-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture(scope="module")
def app_env(static_root, cluster, media):
    root, collecting = static_root
    env = {
        "STATIC_ROOT": str(root),
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": cluster.url,
        "MEDIA_ROOT": str(media),
        "DEBUG": "false",
        # Every thread writes from 127.0.0.1: the per-address limit would end the run early.
        "RATE_CONTRIBUTIONS_PER_HOUR": "100000",
    }
    # The schema is the test database's; `migrate` finds nothing to apply and makes what its
    # post-migrate signal makes. One process for the three commands: each start costs 2 s.
    manage("shell", "-c", SETUP + WORLD, env=env)
    _, errors = collecting.communicate(timeout=120)
    assert collecting.returncode == 0, errors
    return env


@pytest.fixture(scope="module")
def server(app_env, tmp_path_factory):
    server = Gunicorn(port=PORT, env=app_env, log=tmp_path_factory.mktemp("gunicorn") / "log")
    server.start()
    try:
        yield server
    finally:
        server.stop()


def wait_for(condition, timeout: float, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(step)
    return None


def healthy(server: Gunicorn) -> bool:
    try:
        return httpx.get(f"{server.base_url}/healthz", timeout=2).status_code == 200
    except httpx.TransportError:
        return False


# The database restarted while requests run -------------------------------------------------


@dataclass
class Answer:
    kind: str  # "submit", "page" or "api"
    started: float
    ended: float
    status: int | str  # the HTTP status, or the name of the transport error
    title: str = ""
    id: int | None = None
    retry_after: str | None = None
    content_type: str = ""


def _ask(kind: str, call, title: str = "") -> Answer:
    started = time.monotonic()
    try:
        response = call()
    except httpx.HTTPError as error:  # a hang (timeout) or a dropped connection
        return Answer(kind, started, time.monotonic(), type(error).__name__, title)
    answer = Answer(
        kind,
        started,
        time.monotonic(),
        response.status_code,
        title,
        retry_after=response.headers.get("Retry-After"),
        content_type=response.headers.get("Content-Type", ""),
    )
    if response.status_code == 201:
        answer.id = response.json()["id"]
    return answer


@needs_postgres
def test_database_restart_answers_503_then_recovers_and_keeps_every_201(cluster, server):
    workers = server.workers()
    answers: list[Answer] = []
    stop = threading.Event()

    def submitter(number: int) -> None:
        headers = {"Origin": server.base_url}  # as a browser sends on a write
        with httpx.Client(base_url=server.base_url, timeout=20, headers=headers) as client:
            sent = 0
            while not stop.is_set():
                title = f"Restart {number}-{sent}"
                answers.append(
                    _ask("submit", lambda t=title: client.post(API, json=payload(t)), title)
                )
                sent += 1

    def reader() -> None:
        with httpx.Client(base_url=server.base_url, timeout=20) as client:
            while not stop.is_set():
                answers.append(_ask("page", lambda: client.get("/")))
                answers.append(_ask("api", lambda: client.get(API, params=LIST_PARAMS)))

    threads = [threading.Thread(target=submitter, args=(n,)) for n in range(5)]
    threads.append(threading.Thread(target=reader))
    for thread in threads:
        thread.start()

    def seen(since: float, statuses: tuple[int, ...], least: int) -> bool:
        """At least `least` answers begun since `since`, of every kind, each in `statuses`."""
        got = [a for a in list(answers) if a.started >= since and a.status in statuses]
        return len(got) >= least and {a.kind for a in got} == {"submit", "page", "api"}

    # Each phase lasts until what the assertions below look at has happened (at least a second),
    # not a fixed time: the outage until five 503s of every kind, and so on.
    try:
        begun = time.monotonic()
        assert wait_for(lambda: seen(begun, (200, 201), 20), timeout=15), "no answers before"
        assert wait_for(lambda: sum(a.status == 201 for a in list(answers)) > 10, timeout=15)
        time.sleep(max(0.0, 1 - (time.monotonic() - begun)))
        cluster.stop("fast")  # ends every session, in-flight transactions with them
        down = time.monotonic()
        wait_for(lambda: seen(down, (503,), 5) and time.monotonic() - down > 1, timeout=10)
        starting = time.monotonic()
        cluster.start()
        up = time.monotonic()
        assert wait_for(lambda: healthy(server), timeout=5), "no 200 from /healthz in 5 s"
        recovered = time.monotonic()
        wait_for(
            lambda: seen(recovered, (200, 201), 10) and time.monotonic() - recovered > 1,
            timeout=10,
        )
    finally:
        stop.set()
        for thread in threads:
            thread.join(timeout=30)

    failures = [a for a in answers if a.status not in (200, 201, 503)]
    assert not failures, f"answers other than 200, 201, 503: {failures[:5]}"
    outage = [a for a in answers if a.started >= down and a.ended <= starting]
    assert len(outage) >= 5, "the outage was not exercised"
    assert all(a.status == 503 and a.retry_after for a in outage), outage[:5]
    assert {a.kind for a in outage} == {"submit", "page", "api"}
    for answer in outage:
        expected = "text/html" if answer.kind == "page" else "application/json"
        assert answer.content_type.startswith(expected), answer
    after = [a for a in answers if a.started >= recovered]
    assert after and all(a.status in (200, 201) for a in after), [
        a for a in after if a.status not in (200, 201)
    ][:5]
    assert any(a.status == 201 for a in after), "no submission succeeded after the restart"
    assert up - starting < 10
    assert server.workers() == workers, "a worker was restarted"

    created = {a.id: a.title for a in answers if a.status == 201}
    assert len(created) > 10
    ids = ",".join(str(pk) for pk in created)
    rows = cluster.psql(
        cluster.db, f"select id, title from engagement_contribution where id in ({ids})"
    )
    stored = {int(pk): title for pk, title in (line.split("|", 1) for line in rows.splitlines())}
    assert stored == created


# A worker killed in the middle of a submission --------------------------------------------


def noisy_jpeg(seed: int) -> bytes:
    """A photo that does not compress away: a few hundred kilobytes, as phones send."""
    rng = random.Random(seed)
    image = Image.frombytes("RGB", (480, 360), rng.randbytes(480 * 360 * 3))
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def multipart(server: Gunicorn, title: str, photos: int) -> tuple[bytes, str]:
    data = {**payload(title), "geometry": '{"type": "Point", "coordinates": [23.631, 61.501]}'}
    files = [("photos", (f"p{n}.jpg", noisy_jpeg(n), "image/jpeg")) for n in range(photos)]
    request = httpx.Request("POST", f"{server.base_url}{API}", data=data, files=files)
    return request.read(), request.headers["Content-Type"]


def open_submission(server: Gunicorn, body: bytes, content_type: str) -> socket.socket:
    """A raw connection with the request's head sent; the body is for the caller to send."""
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=10)
    head = (
        f"POST {API} HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nOrigin: {server.base_url}\r\n"
        f"Content-Type: {content_type}\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
    )
    sock.sendall(head.encode())
    return sock


def kill_worker_of(server: Gunicorn, sock: socket.socket) -> bytes:
    """SIGKILL the worker serving this connection; what the client got back (nothing)."""
    worker = server.worker_serving(sock.getsockname()[1])
    os.kill(worker, signal.SIGKILL)
    received = b""
    try:
        while chunk := sock.recv(65536):
            received += chunk
    except OSError:
        pass
    sock.close()
    # The master starts a new worker; the site answers again.
    assert wait_for(lambda: worker not in server.workers() and healthy(server), timeout=15)
    return received


def media_files(media: Path) -> set[str]:
    return {str(path.relative_to(media)) for path in media.rglob("*") if path.is_file()}


def count(cluster: Cluster, sql: str) -> int:
    return int(cluster.psql(cluster.db, sql).strip())


@needs_postgres
def test_worker_killed_while_the_body_arrives_leaves_nothing(cluster, server, media):
    body, content_type = multipart(server, "Killed while uploading", photos=2)
    before = media_files(media)
    sock = open_submission(server, body, content_type)
    sock.sendall(body[: len(body) // 2])
    time.sleep(0.5)  # the worker is reading the body

    received = kill_worker_of(server, sock)

    assert b"201" not in received
    assert (
        count(cluster, "select count(*) from engagement_contribution where title like 'Kill%'") == 0
    )
    assert media_files(media) == before


@needs_postgres
def test_worker_killed_after_its_photo_files_before_commit_leaves_no_rows_and_no_files(
    cluster, server, media, app_env
):
    kept = httpx.post(
        f"{server.base_url}{API}",
        data={
            **payload("Photo that stays"),
            "geometry": '{"type": "Point", "coordinates": [23.631, 61.501]}',
        },
        files=[("photos", ("kept.jpg", noisy_jpeg(9), "image/jpeg"))],
        headers={"Origin": server.base_url},
        timeout=30,
    )
    assert kept.status_code == 201, kept.text
    kept_files = set(
        cluster.psql(
            cluster.db,
            f"select image || chr(10) || thumbnail from engagement_photo "
            f"where contribution_id = {kept.json()['id']}",
        ).split()
    )
    photo_rows = count(cluster, "select count(*) from engagement_photo")
    before = media_files(media)
    assert kept_files <= before

    # Hold the photo table: the submission writes its first photo's files, then waits on the
    # INSERT of that photo's row, inside its open transaction. That is where it is killed.
    holder = psycopg.connect(host=str(cluster.run), dbname=cluster.db, user="postgres")
    # A session of its own: one inside a transaction sees pg_stat_activity as of its start.
    observer = psycopg.connect(
        host=str(cluster.run), dbname=cluster.db, user="postgres", autocommit=True
    )
    waiting, received = None, b""
    try:
        holder.execute("lock table engagement_photo in share mode")
        body, content_type = multipart(server, "Killed before commit", photos=2)
        sock = open_submission(server, body, content_type)
        sock.sendall(body)
        waiting = wait_for(
            lambda: observer.execute(
                "select pid from pg_stat_activity where wait_event_type = 'Lock' "
                "and query like 'INSERT INTO \"engagement_photo\"%'"
            ).fetchone(),
            timeout=15,
        )
        assert waiting, "the submission never reached the photo's INSERT"
        orphans = media_files(media) - before
        assert len(orphans) == 2, orphans  # the first photo and its thumbnail, on disk
        received = kill_worker_of(server, sock)
    finally:
        holder.rollback()  # lets the killed worker's session go on, find its client gone
        gone = waiting and wait_for(
            lambda: (
                not observer.execute(
                    "select 1 from pg_stat_activity where pid = %s", waiting
                ).fetchone()
            ),
            timeout=15,
        )
        holder.close()
        observer.close()
    assert gone, "the killed worker's database session is still there"

    assert b"201" not in received
    assert (
        count(cluster, "select count(*) from engagement_contribution where title like 'Kill%'") == 0
    )
    assert count(cluster, "select count(*) from engagement_photo") == photo_rows
    assert orphans <= media_files(media)

    # The sweep keeps young files (their transaction might still be open), then removes them.
    manage("photos_sweep", env=app_env)
    assert orphans <= media_files(media)
    swept = manage("photos_sweep", "--older-than", "0", env=app_env).split()
    assert set(swept) == orphans
    assert media_files(media) == before
    assert kept_files <= media_files(media)

    again = httpx.post(
        f"{server.base_url}{API}",
        json=payload("After the kill"),
        headers={"Origin": server.base_url},
        timeout=10,
    )
    assert again.status_code == 201


# The sweep itself, in-process -----------------------------------------------------------------


@pytest.mark.django_db
def test_sweep_deletes_old_files_no_row_names_and_nothing_else(settings, tmp_path):
    from config.uploads import photos_sweep, photos_sweep_task
    from tests.factories import PhotoFactory

    settings.MEDIA_ROOT = tmp_path
    kept = PhotoFactory()
    removed_with_its_contribution = PhotoFactory()
    deleted_names = {
        removed_with_its_contribution.image.name,
        removed_with_its_contribution.thumbnail.name,
    }
    removed_with_its_contribution.contribution.delete()  # rows go by cascade, files stay
    strays = {"photos/2020/01/stray.jpg", "photos/2020/01/thumbs/stray_thumb.webp"}
    strays |= {"pilots/2020/01/stray.png"}
    young = "photos/2020/01/young.jpg"
    elsewhere = "exports/report.csv"  # not an upload folder: never swept
    for name in [*strays, young, elsewhere]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    an_hour_ago = time.time() - timedelta(hours=1, minutes=1).total_seconds()
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name != "young.jpg":
            os.utime(path, (an_hour_ago, an_hour_ago))

    deleted = photos_sweep()

    assert set(deleted) == strays | deleted_names
    left = {str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()}
    assert left == {kept.image.name, kept.thumbnail.name, young, elsewhere}
    assert photos_sweep_task.call() == {"deleted": 0}  # the queue's periodic run: nothing left


# The 503 itself, in-process -------------------------------------------------------------------


def _database_away(request):
    raise OperationalError("connection to server failed: No such file or directory")


def test_a_middleware_failing_for_want_of_the_database_answers_503_not_500(rf, settings):
    """A session or account lookup in a middleware fails before any view: still a 503."""
    settings.DEBUG = False
    handler = DatabaseUnavailableMiddleware(convert_exception_to_response(_database_away))

    response = handler(rf.get("/api/v1/contributions/"))

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert json.loads(response.content)["detail"].startswith("Palvelu ei ole hetkeen")


def test_a_page_answers_a_503_page_in_the_visitors_language(rf):
    translation.activate("fi")
    response = DatabaseUnavailableMiddleware(lambda request: None).process_exception(
        rf.get("/campaigns/x/"), InterfaceError("connection already closed")
    )
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/html")
    assert "Palvelu ei ole hetkeen käytettävissä" in response.content.decode()


def test_a_raw_psycopg_shutdown_error_is_a_503_too(rf):
    """Closing a server-side cursor (a form's ModelChoiceField iterates its queryset so) raises
    psycopg's AdminShutdown past Django's error wrapper when the server stops mid-page: seen
    as a 500 under the restart test above, once."""
    translation.activate("fi")
    error = psycopg.errors.AdminShutdown("terminating connection due to administrator command")
    response = DatabaseUnavailableMiddleware(lambda request: None).process_exception(
        rf.get("/"), error
    )
    assert response is not None and response.status_code == 503


def test_other_errors_are_left_alone(rf):
    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    assert middleware.process_exception(rf.get("/"), ValueError("a bug")) is None
