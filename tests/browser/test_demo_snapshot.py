"""The `demo` fixture's restored demo is the one `load_demo` writes (tests/demo_snapshot.py):
every table's rows, the generated columns and the counters the triggers keep, the sequences, and
the triggers working again afterwards."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import connection, transaction
from django.db.utils import ProgrammingError

from engagement.models import Contribution, ModerationAction
from engagement.participation.services import comment_add, participant_for_user
from tests import demo_snapshot


def _tables() -> dict[str, tuple[int, str]]:
    """Each model table's row count and a digest of its rows, every column included."""
    found = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.django_table_names(only_existing=True)):
            name = connection.ops.quote_name(table)
            cursor.execute(
                f"SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), ''))"
                f" FROM {name} t"
            )
            found[table] = cursor.fetchone()
    return found


def _counts() -> dict[str, int]:
    return {table: count for table, (count, _digest) in _tables().items()}


def _sequences() -> list[tuple[str, int | None]]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT sequencename, last_value FROM pg_sequences"
            " WHERE schemaname = current_schema() ORDER BY 1"
        )
        return cursor.fetchall()


def _flush() -> None:
    call_command("flush", interactive=False, verbosity=0)


@pytest.mark.django_db(transaction=True)
def test_the_restored_demo_is_the_loaded_one():
    demo_snapshot.demo_fresh()  # the process's first load and its copy, or a restore
    restored, sequences = _tables(), _sequences()
    if demo_snapshot._snapshot is None:
        pytest.fail("no snapshot taken: the database refused session_replication_role")

    # What load_demo writes into an empty database: the same rows in every table (their ids
    # and times differ, so only the counts are compared here).
    _flush()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == {table: count for table, (count, _digest) in restored.items()}

    # A test's writes, through the services and their triggers, then the next test's demo.
    contribution = (
        Contribution.objects.filter(moderation_state=Contribution.ModerationState.PUBLISHED)
        .order_by("pk")
        .first()
    )
    user = get_user_model().objects.order_by("pk").first()
    comment_add(
        contribution=contribution, participant=participant_for_user(user=user), body="Hyvä idea"
    )
    Contribution.objects.filter(pk=contribution.pk).update(title="Muutettu")
    Contribution.objects.order_by("-pk").first().delete()
    _flush()
    demo_snapshot.demo_fresh()
    assert _tables() == restored
    assert _sequences() == sequences

    # The triggers are on again: the derived counter follows a new comment, and the moderation
    # log still refuses a change.
    contribution = Contribution.objects.get(title=contribution.title)
    user = get_user_model().objects.order_by("pk").first()
    before = contribution.comments_count
    comment_add(
        contribution=contribution, participant=participant_for_user(user=user), body="Toinen"
    )
    contribution.refresh_from_db()
    assert contribution.comments_count == before + 1
    assert ModerationAction.objects.exists(), "the demo has no moderation log to test it on"
    with (
        pytest.raises(ProgrammingError, match="append-only"),
        transaction.atomic(),
        connection.cursor() as cursor,
    ):
        cursor.execute("UPDATE engagement_moderationaction SET id = id")
