"""Reads on a streaming replica, everything else on the primary (docs/decisions/0028).

Installed only when DATABASE_REPLICA_URL is set (config/settings/base.py); without it there is
one database and none of this runs.

- The map, tile, list and analysis views (DATABASE_REPLICA_VIEWS, by URL name), for GET and HEAD,
  read on the `replica` alias; every other request, and everything before the view is chosen
  (sessions, the participant), reads on the primary (`default`).
- Read your writes: once a request writes (any ORM write reaches `db_for_write`), its later reads
  go to the primary too, and so does any read inside a transaction. A request that wrote, or that
  was a POST, PUT, PATCH or DELETE, gets a signed cookie (DATABASE_REPLICA_COOKIE) for
  DATABASE_REPLICA_STICKY_SECONDS: that browser reads on the primary until the replica has
  surely caught up, so a resident sees their new pin at once.
- The replica is used only while it is healthy: at most every DATABASE_REPLICA_CHECK_SECONDS
  each process asks it how far behind it is (one cheap query); beyond
  DATABASE_REPLICA_MAX_LAG_SECONDS, or when it cannot be reached, reads go to the primary.
  A view that fails on the replica between two checks (stopped, a query cancelled by recovery)
  is run again on the primary, once, and the replica counts as down until the next check.

Raw SQL that reads (the tiles, hexagon bins) takes its connection from the router too:
`connections[router.db_for_read(Model)]`.
"""

import logging
import threading
import time
from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.db import connections
from django.http import HttpRequest, HttpResponse

from config.unavailable import UNAVAILABLE

logger = logging.getLogger(__name__)

PRIMARY, REPLICA = "default", "replica"
_COOKIE_SALT = "config.db_router.primary"
SAFE_METHODS = ("GET", "HEAD")

# The alias this request reads on, and whether it has written; unset outside requests (the
# worker, management commands, tests): the primary.
_reads: ContextVar[str] = ContextVar("yhdessa_db_reads", default=PRIMARY)
_wrote: ContextVar[bool] = ContextVar("yhdessa_db_wrote", default=False)


class ReplicaRouter:
    """Reads where the request's middleware chose, writes and migrations on the primary."""

    def db_for_read(self, model, **hints) -> str:
        if _reads.get() == REPLICA and not _wrote.get() and not _in_transaction():
            return REPLICA
        return PRIMARY

    def db_for_write(self, model, **hints) -> str:
        _wrote.set(True)
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints) -> bool:
        return True  # one database, two copies of it

    def allow_migrate(self, db: str, app_label: str, model_name=None, **hints) -> bool:
        return db == PRIMARY


def _in_transaction() -> bool:
    """Reads inside a transaction on the primary must see what it has written."""
    return connections[PRIMARY].in_atomic_block


def reading_on() -> str:
    """The alias this request reads on now (for tests and the response header)."""
    return ReplicaRouter().db_for_read(None)


# The replica's health, per process ---------------------------------------------------------

# Seconds behind the primary: 0 when everything received is replayed, else since the last
# transaction replayed; NULL when it is not a replica (promoted) or receives nothing (its WAL
# receiver is not streaming, so it would fall behind without knowing it).
LAG_SQL = """
SELECT CASE
    WHEN NOT pg_is_in_recovery() THEN NULL
    WHEN NOT EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming') THEN NULL
    WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
    ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
END
"""


class _Health:
    def __init__(self) -> None:
        self.checked = -1e9
        self.usable = False
        self.lag: float | None = None
        self.lock = threading.Lock()

    def mark_down(self) -> None:
        self.usable, self.lag, self.checked = False, None, time.monotonic()


health = _Health()


def replica_usable() -> bool:
    """Whether the replica is reachable and within the lag bound, asked at most every
    DATABASE_REPLICA_CHECK_SECONDS per process; a thread that finds another asking meanwhile
    takes the last answer instead of waiting."""
    if time.monotonic() - health.checked < settings.DATABASE_REPLICA_CHECK_SECONDS:
        return health.usable
    if not health.lock.acquire(blocking=False):
        return health.usable
    try:
        connection = connections[REPLICA]
        try:
            with connection.cursor() as cursor:
                cursor.execute(LAG_SQL)
                (lag,) = cursor.fetchone()
        except UNAVAILABLE as error:
            logger.warning("replica unavailable, reading on the primary: %s", error)
            connection.close_if_unusable_or_obsolete()
            lag = None
        lag = None if lag is None else float(lag)
        health.lag = lag
        health.usable = lag is not None and lag <= settings.DATABASE_REPLICA_MAX_LAG_SECONDS
        health.checked = time.monotonic()
        return health.usable
    finally:
        health.lock.release()


# The middleware ------------------------------------------------------------------------------


def sticky(request: HttpRequest) -> bool:
    """Whether this browser wrote within DATABASE_REPLICA_STICKY_SECONDS."""
    value = request.get_signed_cookie(
        settings.DATABASE_REPLICA_COOKIE,
        default=None,
        salt=_COOKIE_SALT,
        max_age=settings.DATABASE_REPLICA_STICKY_SECONDS,
    )
    return value is not None


class ReplicaReadsMiddleware:
    """Chooses where the view reads (process_view), keeps a browser that wrote on the primary
    for a few seconds, and runs a view that failed on the replica again on the primary."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        reads, wrote = _reads.set(PRIMARY), _wrote.set(False)
        try:
            response = self.get_response(request)
            if _wrote.get() or request.method not in SAFE_METHODS:
                response.set_signed_cookie(
                    settings.DATABASE_REPLICA_COOKIE,
                    "1",
                    salt=_COOKIE_SALT,
                    max_age=settings.DATABASE_REPLICA_STICKY_SECONDS,
                    httponly=True,
                    samesite="Lax",
                    secure=settings.SESSION_COOKIE_SECURE,
                )
            if settings.DATABASE_ROUTER_HEADER:
                response["X-Database-Reads"] = getattr(request, "_db_reads", PRIMARY)
            return response
        finally:
            _reads.reset(reads)
            _wrote.reset(wrote)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> None:
        match = request.resolver_match
        if (
            request.method in SAFE_METHODS
            and match is not None
            and match.view_name in settings.DATABASE_REPLICA_VIEWS
            and not _wrote.get()
            and not sticky(request)
            and replica_usable()
        ):
            _reads.set(REPLICA)
            request._db_reads = REPLICA
            request._db_view = (view_func, view_args, view_kwargs)
        return None

    def process_exception(self, request: HttpRequest, exception: Exception):
        """A view that failed on the replica runs once more on the primary; if that fails as
        well, the exception goes on to DatabaseUnavailableMiddleware (503)."""
        if getattr(request, "_db_reads", None) != REPLICA or not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("read on the replica failed, again on the primary: %s", exception)
        health.mark_down()
        connections[REPLICA].close_if_unusable_or_obsolete()
        _reads.set(PRIMARY)
        request._db_reads = f"{REPLICA}->{PRIMARY}"
        view_func, view_args, view_kwargs = request._db_view
        try:
            response = view_func(request, *view_args, **view_kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
        except UNAVAILABLE:
            return None
        return response
