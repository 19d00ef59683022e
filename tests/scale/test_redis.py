"""Redis as the cache, the rate limits' counter and the sessions' first stop, with a real
redis-server (Debian's package) started once for the session on a free local port.

The settings are the ones a deployment with REDIS_URL gets (config.settings.backends); the
requests are real ones through the app. Redis is stopped and restarted to show what a reader, a
signed-in resident and an anonymous writer see meanwhile (docs/decisions/0029).
"""

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from config.settings.backends import (
    caches_config,
    rate_limit_fallback_cache,
    session_engine,
)

ROOT = Path(__file__).resolve().parent.parent.parent
REDIS_SERVER = shutil.which("redis-server") or "/usr/bin/redis-server"
API = "/api/v1/contributions/"


def _missing(what: str) -> None:
    """Skip where a developer lacks it; fail in CI, which installs it (platform/install-debian.sh
    test, requirements/dev.lock)."""
    message = f"{what} is not installed"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


try:
    import redis
except ImportError:  # requirements/base.lock has it
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("the redis package is not installed", allow_module_level=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class RedisServer:
    """redis-server on 127.0.0.1:<port>, keeping nothing on disk: a restart empties it, as a
    Redis without persistence does."""

    def __init__(self, folder: Path) -> None:
        self.folder, self.port = folder, _free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def client(self) -> "redis.Redis":
        return redis.Redis.from_url(self.url, socket_timeout=1)

    def start(self) -> None:
        args = [REDIS_SERVER, "--port", str(self.port), "--bind", "127.0.0.1", "--save", ""]
        args += ["--appendonly", "no", "--dir", str(self.folder), "--logfile", "redis.log"]
        self.process = subprocess.Popen(args)
        deadline = time.monotonic() + 10
        while True:
            try:
                self.client().ping()
                return
            except redis.ConnectionError:
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise
                time.sleep(0.02)

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory):
    if not Path(REDIS_SERVER).exists():
        _missing("redis-server (Debian package redis-server)")
    server = RedisServer(tmp_path_factory.mktemp("redis"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def with_redis(redis_server, settings, db):
    """The settings REDIS_URL gives, against the test's Redis (emptied), and the database cache
    table the rate limits fall back to (in the test's transaction)."""
    settings.CACHES = caches_config(redis_url=redis_server.url, max_entries=1000)
    settings.SESSION_ENGINE = session_engine(redis_url=redis_server.url)
    settings.RATE_LIMIT_FALLBACK_CACHE = rate_limit_fallback_cache(redis_url=redis_server.url)
    call_command("createcachetable", verbosity=0)
    redis_server.client().flushall()
    return redis_server


def _post(client, theme, **headers):
    payload = {
        "campaign": theme.campaign.slug,
        "kind": "need",
        "theme": theme.slug,
        "title": "Lights on the forest path",
        "body": "The path to the school is dark in winter.",
        "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
    }
    return client.post(API, data=json.dumps(payload), content_type="application/json", **headers)


def _rate_keys(server: RedisServer) -> list[bytes]:
    return sorted(server.client().keys("yhdessa:*rate:contribution:*"))


def test_the_settings_read_redis_url(redis_server):
    """config.settings.base as a deployment loads it: REDIS_URL set, then unset."""
    code = (
        "import json; from config.settings import base as s;"
        "print(json.dumps([s.CACHES, s.SESSION_ENGINE, s.RATE_LIMIT_FALLBACK_CACHE]))"
    )
    env = {**os.environ, "SECRET_KEY": "x" * 50}
    answers = []
    for url in (redis_server.url, ""):
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={**env, "REDIS_URL": url},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        answers.append(json.loads(done.stdout))
    (caches, sessions, fallback), (plain, plain_sessions, no_fallback) = answers
    assert caches["default"]["BACKEND"] == "config.cache.RedisCache"
    assert caches["default"]["LOCATION"] == redis_server.url
    assert caches["database"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert (sessions, fallback) == ("django.contrib.sessions.backends.cached_db", "database")
    assert list(plain) == ["default"]
    assert plain["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache"
    assert plain["default"]["OPTIONS"] == {"MAX_ENTRIES": 1_000_000}
    assert (plain_sessions, no_fallback) == ("django.contrib.sessions.backends.db", "")


def test_a_rate_limit_counts_in_redis_and_answers_429_with_retry_after(
    with_redis, client, theme, settings
):
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (2, 3600)}
    assert [_post(client, theme).status_code for _ in range(2)] == [201, 201]
    refused = _post(client, theme)
    assert refused.status_code == 429
    wait = int(refused["Retry-After"])
    assert 1 <= wait <= 3600
    # Two counters in Redis, expiring with the window: per address (a…), which the refused
    # request did not reach, and per participant (p…), which refused it.
    keys = _rate_keys(with_redis)
    assert [key.split(b":")[-2][:1] for key in keys] == [b"a", b"p"]
    store = with_redis.client()
    assert [int(store.get(key)) for key in keys] == [2, 3]
    ttls = [store.ttl(key) for key in keys]
    # (an expiry is whole seconds from its own request, so it may end up to 1 s after the window)
    assert all(wait - 2 <= ttl <= wait + 1 for ttl in ttls), (wait, ttls)


def test_concurrent_counts_in_redis_are_exact(with_redis):
    """Redis's INCR is atomic: 8 threads counting 25 each reach 200 (the database cache's
    read-and-write incr may lose some at the same moment)."""
    from engagement.participation.limits import window_count

    seen: list[int] = []

    def count() -> None:
        for _ in range(25):
            seen.append(window_count("rate:test:concurrent", 60))

    threads = [threading.Thread(target=count) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(seen) == list(range(1, 201))
    assert 55 <= with_redis.client().ttl("yhdessa:1:rate:test:concurrent") <= 60


def test_a_session_lives_in_redis_and_survives_a_redis_restart(with_redis, resident, client):
    client.force_login(resident)
    page = reverse("engagement:my-contributions")
    assert client.get(page).status_code == 200
    key = client.cookies["sessionid"].value
    assert with_redis.client().exists(f"yhdessa:1:django.contrib.sessions.cached_db{key}")

    with_redis.stop()
    with_redis.start()  # empty again: nothing was persisted
    assert not with_redis.client().keys("*")
    assert client.get(page).status_code == 200  # read from the database, still signed in
    assert with_redis.client().exists(f"yhdessa:1:django.contrib.sessions.cached_db{key}")


def test_with_redis_down_readers_and_residents_are_served_and_limits_hold(
    with_redis, client, resident, theme, settings
):
    """Nothing answers 500: pages and sessions fall back to the database, and the rate limits
    count in the database cache instead of letting a flood through."""
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (1, 3600)}
    signed_in = type(client)()
    signed_in.force_login(resident)
    with_redis.stop()
    try:
        started = time.monotonic()
        assert client.get(f"/campaigns/{theme.campaign.slug}/").status_code == 200
        assert client.get(API, {"campaign": theme.campaign.slug}).status_code == 200
        assert signed_in.get(reverse("engagement:my-contributions")).status_code == 200
        assert _post(client, theme).status_code == 201
        refused = _post(client, theme)
        assert refused.status_code == 429
        assert int(refused["Retry-After"]) >= 1
        assert time.monotonic() - started < 5  # a refused connection costs little
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM yhdessa_cache WHERE cache_key LIKE '%rate:%'")
            assert cursor.fetchone()[0] == 2
    finally:
        with_redis.start()
