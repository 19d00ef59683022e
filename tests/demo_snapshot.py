"""The Tesoma demo for the live-server tests, restored from a copy inside the test database.

`load_demo` costs one to two seconds (hundreds of ORM writes, the toolkit's content, the
passwords); the browser tests each need a fresh demo and there are a hundred of them. The first
test of a pytest process loads the demo and copies every model table into the schema
`demo_snapshot`; each later one truncates the tables and copies the rows back in one transaction,
with every sequence set to where `load_demo` left it (decision 0036).

The rows are copied as they are, so the tables' triggers (the derived counters and cells, the
moderation log's append-only guard) are off while they are written (`session_replication_role =
replica`, which also skips the foreign-key checks: the copy was consistent when it was taken).
Generated columns are left out and computed again. Where the database refuses that setting (a
role that is not a superuser), each test loads the demo as before.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import connection, transaction

SCHEMA = "demo_snapshot"


@dataclass(frozen=True)
class _Snapshot:
    tables: list[str]  # every model table, truncated on restore
    copies: list[tuple[str, str]]  # (table, its quoted non-generated columns) with rows
    sequences: list[tuple[str, int | None]]  # (qualified sequence, last_value or None)


# Taken once per process (each pytest-xdist worker has its own database), so a snapshot left by
# an earlier run, from older demo data or code, is never restored.
_snapshot: _Snapshot | None = None
_unsupported = False


def _load_demo() -> None:
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def _model_tables() -> list[str]:
    """The tables Django's flush empties: every model's, many-to-many ones included."""
    return sorted(connection.introspection.django_table_names(only_existing=True))


def _take() -> _Snapshot:
    """Copy every model table with rows, and every sequence's position, into SCHEMA."""
    q = connection.ops.quote_name
    tables = _model_tables()
    copies = []
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        for table in tables:
            cursor.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass"
                " AND attnum > 0 AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                [q(table)],
            )
            columns = ", ".join(q(name) for (name,) in cursor.fetchall())
            cursor.execute(f"CREATE TABLE {SCHEMA}.{q(table)} AS SELECT {columns} FROM {q(table)}")
            if cursor.rowcount:
                copies.append((table, columns))
        cursor.execute(
            "SELECT quote_ident(schemaname) || '.' || quote_ident(sequencename), last_value"
            " FROM pg_sequences WHERE schemaname = current_schema()"
        )
        sequences = cursor.fetchall()
    return _Snapshot(tables=tables, copies=copies, sequences=sequences)


def _restore(snapshot: _Snapshot) -> None:
    """Put the snapshot's rows and sequence positions back, in one transaction."""
    q = connection.ops.quote_name
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
        for table in snapshot.tables:
            cursor.execute(f"DELETE FROM {q(table)}")
        for table, columns in snapshot.copies:
            cursor.execute(
                f"INSERT INTO {q(table)} ({columns}) SELECT {columns} FROM {SCHEMA}.{q(table)}"
            )
        for sequence, last_value in snapshot.sequences:
            if last_value is None:
                cursor.execute("SELECT setval(%s, 1, false)", [sequence])
            else:
                cursor.execute("SELECT setval(%s, %s, true)", [sequence, last_value])
    # The flush before made the content types again under other ids; forget those.
    ContentType.objects.clear_cache()


def _replica_role_allowed() -> bool:
    """Whether this connection may turn the triggers off (a superuser, or a role granted it)."""
    return _replica_role_allowed_on(connection)


def demo_fresh() -> None:
    """The database as `load_demo` leaves an empty one: loaded the first time, restored after."""
    global _snapshot, _unsupported
    if _snapshot is not None:
        _restore(_snapshot)
        return
    # As every test after the first finds it (transactional_db's flush): a database kept by
    # --reuse-db may hold what an interrupted run left, which the copy would then bring back.
    call_command("flush", interactive=False, verbosity=0, reset_sequences=False)
    _load_demo()
    if _unsupported or not _replica_role_allowed():
        _unsupported = True
        return
    _snapshot = _take()


# Emptying the tables after each live-server test ------------------------------------------------
#
# Django's flush empties every table with one TRUNCATE, which makes each of a few hundred tables
# and indexes a new file: about a second a test on this project. DELETE under the replica role
# (the triggers and foreign-key checks off, as in `_restore`) leaves the same empty tables in a
# tenth of that. Sequences are reset only when the flush asks, as TRUNCATE does.
_truncate_sql_flush = None


def _delete_sql_flush(self, style, tables, *, reset_sequences=False, allow_cascade=False):
    if not tables or not _replica_role_allowed_on(self.connection):
        return _truncate_sql_flush(
            self, style, tables, reset_sequences=reset_sequences, allow_cascade=allow_cascade
        )
    q = self.quote_name
    statements = ["SET LOCAL session_replication_role = replica"]
    statements += [f"DELETE FROM {q(table)}" for table in tables]
    if reset_sequences:
        sequences = self.connection.introspection.sequence_list()
        statements += self.sequence_reset_by_name_sql(
            style, [s for s in sequences if s["table"] in tables]
        )
    statements.append("SET LOCAL session_replication_role = origin")
    return statements


_allowed: dict[str, bool] = {}


def _replica_role_allowed_on(db) -> bool:
    if db.alias not in _allowed:
        with db.cursor() as cursor:
            cursor.execute(
                "SELECT rolsuper OR has_parameter_privilege('session_replication_role', 'SET')"
                " FROM pg_roles WHERE rolname = current_user"
            )
            _allowed[db.alias] = bool(cursor.fetchone()[0])
    return _allowed[db.alias]


def fast_flush_install() -> None:
    """Make the test process's flush DELETE instead of TRUNCATE (see above)."""
    global _truncate_sql_flush
    from django.db.backends.postgresql.operations import DatabaseOperations

    if _truncate_sql_flush is None:
        _truncate_sql_flush = DatabaseOperations.sql_flush
        DatabaseOperations.sql_flush = _delete_sql_flush
