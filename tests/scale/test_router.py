"""The database settings and router without servers of their own (decision 0028): with no replica
configured everything is as before; the settings a replica and PgBouncer need come from the
environment as docs/deployment.md gives it. tests/scale/test_replica.py runs them for real."""

import json
import os
import subprocess

from django.conf import settings

from config.db_router import PRIMARY, REPLICA, ReplicaRouter, reading_on
from tests.servers import PYTHON, ROOT

_SHOW = """
import json
from django.conf import settings
print(json.dumps({
    "databases": settings.DATABASES,
    "routers": settings.DATABASE_ROUTERS,
    "middleware": settings.MIDDLEWARE,
}, default=str))
"""


def _settings_with(**env: str) -> dict:
    """The test settings loaded in a process of their own with `env`."""
    result = subprocess.run(
        [str(PYTHON), "-c", _SHOW],
        cwd=ROOT,
        env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout)


def test_without_a_replica_there_is_one_database_and_no_router():
    assert list(settings.DATABASES) == ["default"]
    assert settings.DATABASE_ROUTERS == []
    assert "config.db_router.ReplicaReadsMiddleware" not in settings.MIDDLEWARE
    assert not settings.DATABASES["default"].get("DISABLE_SERVER_SIDE_CURSORS")


def test_a_replica_and_pgbouncer_from_the_environment():
    loaded = _settings_with(
        DATABASE_URL="postgis://app@/yhdessa?host=/run/pgbouncer&port=6432",
        DATABASE_REPLICA_URL="postgis://app:secret@replica.example:5432/yhdessa",
        DATABASE_POOL="pgbouncer",
    )
    default, replica = loaded["databases"]["default"], loaded["databases"]["replica"]
    # PgBouncer in transaction mode: nothing that outlives a transaction.
    assert default["DISABLE_SERVER_SIDE_CURSORS"] is True
    assert default["OPTIONS"]["prepare_threshold"] is None
    assert "options" not in default["OPTIONS"]
    assert default["OPTIONS"]["host"] == "/run/pgbouncer"
    # The replica, connected directly: its own session options, a short connect timeout.
    assert (replica["HOST"], replica["PORT"], replica["NAME"]) == (
        "replica.example",
        5432,
        "yhdessa",
    )
    assert replica["ENGINE"] == "django.contrib.gis.db.backends.postgis"
    assert "jit=off" in replica["OPTIONS"]["options"]
    assert replica["OPTIONS"]["connect_timeout"] == 2
    assert not replica.get("DISABLE_SERVER_SIDE_CURSORS")
    assert replica["TEST"]["MIRROR"] == "default"
    assert loaded["routers"] == ["config.db_router.ReplicaRouter"]
    middleware = loaded["middleware"]
    at = middleware.index("config.unavailable.DatabaseUnavailableMiddleware")
    assert middleware[at + 1] == "config.db_router.ReplicaReadsMiddleware"


def test_migrations_and_writes_only_on_the_primary_and_reads_there_outside_requests():
    router = ReplicaRouter()
    assert router.allow_migrate(PRIMARY, "engagement")
    assert not router.allow_migrate(REPLICA, "engagement")
    assert router.db_for_write(None) == PRIMARY
    # The worker, management commands, tests: no request chose the replica.
    assert reading_on() == PRIMARY
