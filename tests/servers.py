"""Real processes for the fault tests and the load test: a PostgreSQL cluster of a test's own, and
the app under gunicorn exactly as `make run` starts it (platform/gunicorn.conf.py).
"""

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
PGBIN = Path(os.environ.get("PGBIN", "/usr/lib/postgresql/15/bin"))
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"


def _as_owner(args: list[str]) -> list[str]:
    """PostgreSQL refuses to run as root; as root the cluster belongs to `postgres`."""
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


class Cluster:
    """A throwaway PostGIS cluster in a temporary folder, reached through its own socket folder,
    so a test can stop and restart it without disturbing any other database."""

    def __init__(self, db: str = "yhdessa") -> None:
        # Not under pytest's tmp_path: that folder is private to root, and the server may run as
        # the postgres user.
        self.base = Path(tempfile.mkdtemp(prefix="yhdessa-pg-", dir="/tmp"))
        self.data, self.run, self.log = self.base / "data", self.base / "run", self.base / "pg.log"
        self.db = db
        self.run.mkdir()
        if os.geteuid() == 0:
            shutil.chown(self.base, "postgres")
            shutil.chown(self.run, "postgres")

    @property
    def url(self) -> str:
        return f"postgis://postgres@/{self.db}?host={self.run}"

    def _pg(self, *args: str, check: bool = True) -> subprocess.CompletedProcess:
        return subprocess.run(
            _as_owner([str(PGBIN / args[0]), *args[1:]]),
            check=check,
            capture_output=True,
            text=True,
            timeout=60,
        )

    def create(self, schema: Path | None = None) -> None:
        """initdb, start, and the database: with `schema` (a `schema_dump` of the migrated test
        database) loaded into it, else with PostGIS only, for the test to migrate."""
        self._pg(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        with (self.data / "postgresql.conf").open("a") as conf:
            conf.write(
                f"listen_addresses = ''\nunix_socket_directories = '{self.run}'\n"
                "fsync = off\nmax_parallel_workers_per_gather = 0\n"
            )
        self.start()
        self.psql("postgres", f'create database "{self.db}"')
        if schema is None:
            self.psql(self.db, "create extension postgis")
        else:
            self.psql_file(self.db, schema)

    def start(self) -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-w", "-t", "30", "start")

    def stop(self, mode: str = "fast") -> None:
        self._pg("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop", check=False)

    def psql(self, db: str, sql: str) -> str:
        """Runs SQL; the result as tab-separated text without headers."""
        connection = ["-h", str(self.run), "-U", "postgres", "-d", db]
        result = subprocess.run(
            [
                str(PGBIN / "psql"),
                "-X",
                "-q",
                "-tA",
                *connection,
                "-v",
                "ON_ERROR_STOP=1",
                "-c",
                sql,
            ],
            check=True,
            capture_output=True,
            text=True,
            timeout=60,
        )
        return result.stdout

    def psql_file(self, db: str, path: Path) -> None:
        subprocess.run(
            [str(PGBIN / "psql"), "-X", "-q", "-h", str(self.run), "-U", "postgres", "-d", db,
             "-v", "ON_ERROR_STOP=1", "-f", str(path)],
            check=True, capture_output=True, text=True, timeout=60,
        )  # fmt: skip

    def destroy(self) -> None:
        self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)


def schema_dump(
    path: Path, *, host: str, port: int, user: str, dbname: str, password: str | None = None
) -> Path:
    """The migrated test database as SQL, for a cluster of a test's own: its whole schema (the
    PostGIS extension, tables, triggers, functions) and the rows of django_migrations, none of
    the rows other tests left. Loading it costs a second where `migrate` costs 15."""
    base = ["-h", host, "-p", str(port), "-U", user, "--no-owner", "--no-privileges"]
    base += ["--exclude-schema=demo_snapshot"]  # the browser tests' copy of the demo
    dumps = [
        subprocess.Popen(
            [str(PGBIN / "pg_dump"), *base, *only, "-f", str(part), dbname],
            env={**os.environ, "PGPASSWORD": password or ""},
            stderr=subprocess.PIPE,
            text=True,
        )
        for only, part in (
            (["--schema-only"], path.with_suffix(".schema.sql")),
            (["--data-only", "--table=django_migrations"], path.with_suffix(".rows.sql")),
        )
    ]
    for dump in dumps:
        _, errors = dump.communicate(timeout=60)
        assert dump.returncode == 0, errors
    path.write_text(
        path.with_suffix(".schema.sql").read_text() + path.with_suffix(".rows.sql").read_text()
    )
    return path


def manage(*args: str, env: Mapping[str, str]) -> str:
    """Runs `manage.py` in a process of its own with the given environment; its output."""
    result = subprocess.run(
        [str(PYTHON), "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.stdout


class Gunicorn:
    """The app under gunicorn with the project's config, as `make run` serves it."""

    def __init__(self, *, port: int, env: Mapping[str, str], log: Path) -> None:
        self.port, self.log = port, log
        self.base_url = f"http://127.0.0.1:{port}"
        self.env = {**os.environ, "PORT": str(port), **env}
        self.process: subprocess.Popen | None = None

    def start(self, timeout: float = 60) -> None:
        with self.log.open("ab") as out:
            self.process = subprocess.Popen(
                [str(GUNICORN), "--config", "platform/gunicorn.conf.py", "config.wsgi:application"],
                cwd=ROOT,
                env=self.env,
                stdout=out,
                stderr=subprocess.STDOUT,
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited:\n{self.log_tail()}")
            try:
                if httpx.get(f"{self.base_url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer /healthz in {timeout} s:\n{self.log_tail()}")

    def workers(self) -> list[int]:
        """The worker processes' ids (children of the master)."""
        assert self.process is not None
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return sorted(int(child) for child in children)

    def worker_serving(self, client_port: int) -> int:
        """The worker holding the TCP connection that the client opened from `client_port`."""
        inode = _tcp_inode(local_port=self.port, remote_port=client_port)
        for worker in self.workers():
            for fd in Path(f"/proc/{worker}/fd").iterdir():
                try:
                    if os.readlink(fd) == f"socket:[{inode}]":
                        return worker
                except OSError:
                    continue
        raise LookupError(f"no worker holds the connection from port {client_port}")

    def log_tail(self, lines: int = 40) -> str:
        return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # gunicorn's graceful shutdown
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def _tcp_inode(*, local_port: int, remote_port: int) -> str:
    """The socket inode of 127.0.0.1:local_port <- 127.0.0.1:remote_port, from /proc/net/tcp."""
    want = (f"0100007F:{local_port:04X}", f"0100007F:{remote_port:04X}")
    for line in Path("/proc/net/tcp").read_text().splitlines()[1:]:
        fields = line.split()
        if (fields[1], fields[2]) == want:
            return fields[9]
    raise LookupError(f"no connection 127.0.0.1:{local_port} <- {remote_port}")
