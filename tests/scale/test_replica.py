"""Past one machine, with real servers (decision 0028): a PostgreSQL primary, a streaming replica
and PgBouncer in transaction mode, started by `platform/replica.sh` in a folder of this module's
own, and the app under gunicorn with DATABASE_URL on PgBouncer and DATABASE_REPLICA_URL on the
replica, exactly as docs/deployment.md configures a city.

Which server answered is seen twice: in the X-Database-Reads header (DATABASE_ROUTER_HEADER) and
in the data itself, while the replica's replay is paused: a read on the replica does not have
the newest contribution, a read on the primary does.

The schema comes from the session's own test database (pg_dump, migrated already by
pytest-django), not from a second `migrate`, which alone costs 12 s.
"""

import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import httpx
import pytest
from django.db import connection

from tests.mvt import decode, tile_for
from tests.servers import PGBIN, ROOT, Gunicorn

PGBOUNCER = Path(os.environ.get("PGBOUNCER", "/usr/sbin/pgbouncer"))
_MISSING = [p for p in (PGBIN / "pg_basebackup", PGBOUNCER) if not p.exists()]
# Skipped only where the binaries are missing and this is not CI (platform/install-debian.sh
# test installs them); in CI a missing binary fails the fixture.
pytestmark = [
    pytest.mark.scale,
    # The session's test database is set up (and dumped as this module's schema) only for
    # modules that ask for it.
    pytest.mark.django_db,
    pytest.mark.skipif(
        bool(_MISSING) and os.environ.get("CI") != "true",
        reason=f"not installed: {', '.join(map(str, _MISSING))}",
    ),
]

DB = "yhdessa_replica"
API = "/api/v1/contributions/"
CAMPAIGN, THEME = "replica", "replica-theme"
LIST = {"campaign": CAMPAIGN, "limit": 100}
POINT = (23.631, 61.501)
MAX_LAG = 2.0  # DATABASE_REPLICA_MAX_LAG_SECONDS for the app here
CHECK = 0.2  # DATABASE_REPLICA_CHECK_SECONDS
WORLD = f"""
from tests.factories import CampaignFactory, ThemeFactory
ThemeFactory(campaign=CampaignFactory(slug="{CAMPAIGN}", title="Replica"), slug="{THEME}")
"""


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Servers:
    """The three servers of platform/replica.sh under `base`."""

    def __init__(self, base: Path) -> None:
        self.base = base
        self.env = {
            **os.environ,
            "REPLICA_BASE": str(base),
            "YHDESSA_DB_NAME": DB,
            "YHDESSA_PG_FSYNC": "off",
            "PG_STOP_MODE": "immediate",  # nothing to keep: the folder is removed after
        }

    def script(self, command: str) -> str:
        result = subprocess.run(
            [str(ROOT / "platform" / "replica.sh"), command],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, f"replica.sh {command}:\n{result.stdout}{result.stderr}"
        return result.stdout

    def urls(self) -> dict[str, str]:
        return dict(line.split("=", 1) for line in self.script("url").split())

    def psql(self, server: str, sql: str, db: str = DB) -> str:
        port = {"primary": "5433", "replica": "5434"}[server]
        result = subprocess.run(
            [
                str(PGBIN / "psql"),
                "-X",
                "-q",
                "-tA",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(self.base / f"pg-{server}" / "run"),
                "-p",
                port,
                "-U",
                "postgres",
                "-d",
                db,
                "-c",
                sql,
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.strip()

    def pg_ctl(self, server: str, action: str) -> None:
        data = self.base / f"pg-{server}" / "data"
        args = [str(PGBIN / "pg_ctl"), "-D", str(data), "-w", "-m", "fast", action]
        if action == "start":
            args += ["-l", str(self.base / f"pg-{server}" / "postgres.log")]
        if os.geteuid() == 0:
            args = ["runuser", "-u", "postgres", "--", *args]
        subprocess.run(args, check=True, capture_output=True, timeout=60)

    def bouncer(self, command: str) -> list[str]:
        """A command on PgBouncer's admin console, its rows."""
        result = subprocess.run(
            [
                str(PGBIN / "psql"),
                "-X",
                "-tA",
                "-h",
                str(self.base / "pgbouncer" / "run"),
                "-p",
                "6432",
                "-U",
                "postgres",
                "-d",
                "pgbouncer",
                "-c",
                command,
            ],
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout.splitlines()

    def caught_up(self, timeout: float = 10) -> float:
        """A write on the primary, replayed by the replica (whose replay timestamp is then that
        write's); when it was replayed (monotonic)."""
        lsn = self.psql("primary", "create temp table t(); select pg_current_wal_insert_lsn()")
        self.psql("primary", "select pg_switch_wal() is not null")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.psql("replica", f"select pg_last_wal_replay_lsn() >= '{lsn}'") == "t":
                return time.monotonic()
            time.sleep(0.05)
        raise AssertionError("the replica did not catch up")


@pytest.fixture(scope="module")
def servers(django_db_setup, django_db_blocker):
    base = Path(tempfile.mkdtemp(prefix="yhdessa-replica-", dir="/tmp"))
    servers = Servers(base)
    with django_db_blocker.unblock():
        connection.ensure_connection()
        source = connection.connection.info  # where the session's test database is
    dump = base / "schema.sql"
    # The migrated test database, dumped while the servers start.
    dumping = subprocess.Popen(
        [
            str(PGBIN / "pg_dump"),
            "--no-owner",
            "--no-privileges",
            "-f",
            str(dump),
            "-h",
            source.host,
            "-p",
            str(source.port),
            "-U",
            source.user,
            source.dbname,
        ],
        env={**os.environ, "PGPASSWORD": source.password or ""},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        servers.script("start")
        assert dumping.wait(timeout=60) == 0, dumping.stderr.read()
        subprocess.run(
            [
                str(PGBIN / "psql"),
                "-X",
                "-q",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(base / "pg-primary" / "run"),
                "-p",
                "5433",
                "-U",
                "postgres",
                "-d",
                DB,
                "-f",
                str(dump),
            ],
            check=True,
            capture_output=True,
            timeout=60,
        )
        yield servers
    finally:
        dumping.kill()
        servers.script("stop")
        shutil.rmtree(base, ignore_errors=True)
        if base.exists():  # a server process still leaving after an immediate stop
            time.sleep(0.5)
            shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(scope="module")
def app(servers, tmp_path_factory):
    env = {
        **servers.urls(),
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DEBUG": "false",
        "DATABASE_ROUTER_HEADER": "true",
        "DATABASE_REPLICA_MAX_LAG_SECONDS": str(MAX_LAG),
        "DATABASE_REPLICA_CHECK_SECONDS": str(CHECK),
        "DATABASE_REPLICA_STICKY_SECONDS": "5",
        "MEDIA_ROOT": str(tmp_path_factory.mktemp("media")),
        "RATE_CONTRIBUTIONS_PER_HOUR": "100000",
    }
    assert "pgbouncer" in env["DATABASE_URL"] and env["DATABASE_POOL"] == "pgbouncer"
    server = Gunicorn(port=_free_port(), env=env, log=tmp_path_factory.mktemp("gunicorn") / "log")
    # The campaign is written (through PgBouncer) while gunicorn starts.
    world = subprocess.Popen(
        [str(ROOT / ".venv" / "bin" / "python"), "manage.py", "shell", "-c", WORLD],
        cwd=ROOT,
        env={**os.environ, **env},
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        server.start()
        assert world.wait(timeout=60) == 0, world.stderr.read()
        yield server
    finally:
        world.kill()
        if server.process is not None:  # gunicorn's quick shutdown: nothing here to finish
            server.process.send_signal(signal.SIGINT)
            server.process.wait(timeout=20)
        server.stop()


def payload(title: str) -> dict:
    return {
        "campaign": CAMPAIGN,
        "kind": "idea",
        "theme": THEME,
        "title": title,
        "body": "Sent while the replica is paused or stopped.",
        "geometry": {"type": "Point", "coordinates": list(POINT)},
    }


def client(app: Gunicorn) -> httpx.Client:
    """A browser of its own: its cookies, the Origin a browser sends with a write."""
    return httpx.Client(base_url=app.base_url, timeout=20, headers={"Origin": app.base_url})


def titles(response: httpx.Response) -> set[str]:
    assert response.status_code == 200, response.text
    body = response.json()
    items = body.get("features") or body.get("results") or []
    return {item.get("properties", item).get("title") for item in items}


def reads_on(response: httpx.Response) -> str:
    return response.headers["X-Database-Reads"]


def wait_for(condition, timeout: float, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if value := condition():
            return value
        time.sleep(step)
    return None


def test_reads_on_the_replica_writes_and_the_writer_on_the_primary(servers, app):
    """Routing, read-your-writes and the lag bound, with the replica's replay paused."""
    with client(app) as writer, client(app) as other:
        first = other.get(API, params=LIST)
        assert reads_on(first) == "replica"
        page = other.get(f"/campaigns/{CAMPAIGN}/")  # the campaign's map page, rendered there
        assert page.status_code == 200 and reads_on(page) == "replica"
        # Other pages read on the primary: only the listed views move. The privacy notice lists
        # the cookie that keeps a writer on the primary.
        notice = other.get("/en/privacy/")
        assert reads_on(notice) == "default"
        assert "<code>yhdessa_primary</code>: set for 5 seconds after you send" in notice.text

        caught_up = servers.caught_up()
        servers.psql("replica", "select pg_wal_replay_pause()")
        # A pause is only asked for: the startup process may still replay what it holds.
        assert wait_for(
            lambda: servers.psql("replica", "select pg_get_wal_replay_pause_state()") == "paused",
            timeout=5,
        ), "the replica's replay did not pause"
        try:
            created = writer.post(API, json=payload("Pin while paused"))
            assert created.status_code == 201, created.text
            assert reads_on(created) == "default"
            # The writer sees their pin at once (the signed cookie keeps them on the primary) ...
            mine = writer.get(API, params=LIST)
            assert reads_on(mine) == "default"
            assert "Pin while paused" in titles(mine)
            # ... and so does its tile, through PgBouncer.
            x, y = tile_for(*POINT, 16)
            tile = writer.get(f"/tiles/contributions/16/{x}/{y}.mvt", params={"campaign": CAMPAIGN})
            assert tile.status_code == 200 and reads_on(tile) == "default"
            assert decode(tile.content)["contributions"]["features"]
            # Another resident, within the lag bound, reads the replica, which has not replayed
            # the write yet: routing is real.
            stale = other.get(API, params=LIST)
            assert time.monotonic() - caught_up < MAX_LAG, "too slow to tell"
            assert reads_on(stale) == "replica"
            assert "Pin while paused" not in titles(stale)
            # Past the bound the replica is too far behind: the same reader gets the primary.
            behind = wait_for(
                lambda: reads_on(r := other.get(API, params=LIST)) == "default" and r,
                timeout=MAX_LAG + 3,
            )
            assert behind, "reads stayed on a replica lagging beyond the bound"
            assert "Pin while paused" in titles(behind)
        finally:
            servers.psql("replica", "select pg_wal_replay_resume()")
        # Caught up again: back on the replica, with the pin.
        back = wait_for(
            lambda: reads_on(r := other.get(API, params=LIST)) == "replica" and r, timeout=5
        )
        assert back and "Pin while paused" in titles(back)


def test_a_stopped_replica_sends_reads_to_the_primary_and_loses_nothing(servers, app):
    with client(app) as reader, client(app) as writer:
        assert wait_for(lambda: reads_on(reader.get(API, params=LIST)) == "replica", timeout=5)
        servers.pg_ctl("replica", "stop")
        try:
            # Every read answers, from the primary: the first may fail on the replica and be
            # run again on the primary (replica->default), the next ones go there at once.
            answers = [reader.get(API, params=LIST) for _ in range(5)]
            assert [a.status_code for a in answers] == [200] * 5
            assert {reads_on(a) for a in answers} <= {"default", "replica->default"}
            assert reads_on(answers[-1]) == "default"
            page = reader.get("/campaigns/replica/")
            assert page.status_code == 200 and reads_on(page) == "default"
            created = writer.post(API, json=payload("Pin while stopped"))
            assert created.status_code == 201
            assert "Pin while stopped" in titles(reader.get(API, params=LIST))
        finally:
            servers.pg_ctl("replica", "start")
        back = wait_for(
            lambda: reads_on(r := reader.get(API, params=LIST)) == "replica" and r, timeout=10
        )
        assert back, "reads never went back to the restarted replica"
        assert {"Pin while stopped", "Pin while paused"} <= titles(back)


def test_the_app_runs_through_pgbouncer_in_transaction_mode(servers, app):
    """Writes, list reads and street-level tiles (which prepare statements when connected
    directly) through PgBouncer, more times than psycopg's prepare threshold, with no error."""
    assert any(row.startswith("pool_mode|transaction|") for row in servers.bouncer("show config"))
    before = _bouncer_transactions(servers)
    with client(app) as writer:
        for n in range(3):
            assert writer.post(API, json=payload(f"Pooled {n}")).status_code == 201
        # The writer reads on the primary (through PgBouncer) for the next 5 s.
        # Tiles not yet in the process's cache, each drawn by PostGIS.
        for z in (14, 15, 16, 17):
            x, y = tile_for(*POINT, z)
            for dx in range(3):
                tile = writer.get(
                    f"/tiles/contributions/{z}/{x + dx}/{y}.mvt",
                    params={"campaign": CAMPAIGN, "kind": "idea"},
                )
                assert tile.status_code == 200 and reads_on(tile) == "default"
        for _ in range(8):
            listed = writer.get(API, params=LIST)
            assert reads_on(listed) == "default"
            assert {"Pooled 0", "Pooled 1", "Pooled 2"} <= titles(listed)
        # The export streams through a client-side cursor (DISABLE_SERVER_SIDE_CURSORS).
        export = writer.get("/exports/contributions.csv", params={"campaign": CAMPAIGN})
        assert export.status_code == 200 and "Pooled 2" in export.text
    assert _bouncer_transactions(servers) > before + 20


def _bouncer_transactions(servers: Servers) -> int:
    """Transactions PgBouncer has passed to the app's database."""
    for row in servers.bouncer("show stats"):
        fields = row.split("|")
        if fields[0] == DB:
            return int(fields[1])  # total_xact_count
    raise AssertionError("PgBouncer has no statistics for the app's database")
