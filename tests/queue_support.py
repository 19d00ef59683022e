"""A real SMTP server and the real worker process, for the task queue's tests.

`SmtpServer` is aiosmtpd on a free localhost port, in this process, keeping what it accepts; it
can refuse for a while, or hold the n-th message at RCPT until the test lets it go (to stop or
kill the worker in the middle of a delivery). `Workers` starts `manage.py worker` against the
test database, as `make run` does, and stops or kills it.
"""

import asyncio
import email
import email.policy
import os
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from urllib.parse import quote

from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(
    condition: Callable[[], object], what: str, timeout: float = 20, logs: "Workers | None" = None
) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}\n{logs.logs() if logs else ''}")
        time.sleep(0.05)


class Recorder:
    """aiosmtpd handler: counts sessions (EHLO), keeps each accepted message."""

    def __init__(self) -> None:
        self.messages: list[EmailMessage] = []
        self.envelopes: list[list[str]] = []
        self.sessions = 0
        self.refuse = False  # answer every RCPT with a temporary failure
        self.hold_at: int | None = None  # hold the RCPT of this message (1-based)...
        self.held = threading.Event()  # ...tell the test it is held...
        self.release = threading.Event()  # ...until the test lets it go

    async def handle_EHLO(self, server, session, envelope, hostname, responses):
        session.host_name = hostname
        self.sessions += 1
        return responses

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse:
            return "451 4.3.0 Try again later"
        if self.hold_at is not None and len(self.messages) + 1 == self.hold_at:
            self.held.set()
            while not self.release.is_set():
                await asyncio.sleep(0.02)
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        parsed = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append(parsed)
        self.envelopes.append(list(envelope.rcpt_tos))
        return "250 Message accepted for delivery"

    @property
    def subjects(self) -> list[str]:
        return [str(m["Subject"]) for m in self.messages]


class SmtpServer:
    def __init__(self, port: int | None = None) -> None:
        self.port = port or free_port()
        self.handler = Recorder()
        self.controller: Controller | None = None

    def start(self) -> "SmtpServer":
        self.controller = Controller(self.handler, hostname="127.0.0.1", port=self.port)
        self.controller.start()
        return self

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None


def subprocess_database_url() -> str:
    """The test database (test_...) as a DATABASE_URL, for a process this test starts."""
    db = connection.settings_dict
    user = quote(db["USER"] or "")
    if db["PASSWORD"]:
        user += ":" + quote(db["PASSWORD"])
    options = db.get("OPTIONS", {})
    host = db["HOST"] or options.get("host", "")
    port = db["PORT"] or options.get("port", "")
    if host.startswith("/"):
        return f"postgis://{user}@/{db['NAME']}?host={quote(host)}" + (
            f"&port={port}" if port else ""
        )
    return f"postgis://{user}@{host}{':' + str(port) if port else ''}/{db['NAME']}"


class Workers:
    """`manage.py worker` processes on the test database, delivering to `smtp_port`."""

    def __init__(self, smtp_port: int, log_dir: Path, database_url: str | None = None) -> None:
        self.smtp_port = smtp_port
        self.log_dir = log_dir
        self.database_url = database_url  # the test database unless told
        self.started: list[subprocess.Popen] = []

    def environment(self) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
        env.update(
            DATABASE_URL=self.database_url or subprocess_database_url(),
            MEDIA_ROOT=str(settings.MEDIA_ROOT),  # the test's own folder, not the checkout's
            DJANGO_SETTINGS_MODULE="config.settings.test",
            TASKS_BACKEND="django_tasks_db.DatabaseBackend",
            EMAIL_DELIVERY_BACKEND="django.core.mail.backends.smtp.EmailBackend",
            EMAIL_HOST="127.0.0.1",
            EMAIL_PORT=str(self.smtp_port),
            EMAIL_TIMEOUT="10",
            EMAIL_QUEUE_RETRY_SECONDS="0.3",
            EMAIL_QUEUE_SWEEP_SECONDS="1",
            PYTHONUNBUFFERED="1",
        )
        return env

    def start(self) -> subprocess.Popen:
        log = (self.log_dir / f"worker-{len(self.started)}.log").open("w")
        process = subprocess.Popen(
            [sys.executable, "manage.py", "worker", "--interval", "0.1", "--no-startup-delay",
             "--no-reload"],
            cwd=ROOT, env=self.environment(), stdout=log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        self.started.append(process)
        return process

    def stop(self, process: subprocess.Popen, sig: int = signal.SIGTERM) -> int:
        process.send_signal(sig)
        return process.wait(timeout=30)

    def logs(self) -> str:
        return "\n".join(p.read_text() for p in sorted(self.log_dir.glob("worker-*.log")))

    def stop_all(self) -> None:
        for process in self.started:
            if process.poll() is None:
                process.kill()
                process.wait(timeout=10)
