"""The stored support and comment counts of contributions (decision 0026): the recount the
database's triggers run, and the same counts computed from scratch to check the stored ones.

The triggers of migration 0015 call `engagement_contribution_recount(ids)` in every transaction
that writes a support, a comment or a block, so services never call it themselves; `recount` is
the same function for repairs (`manage.py recount_contributions --fix`).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, transaction

# The counts with_counts computed on every read before (supports not counting participants
# blocked in the campaign, and published comments), for the contributions whose stored counts
# differ; the campaign, when given, is a parameter.
DIFFERENCES = """
SELECT * FROM (
    SELECT c.id, c.supports_count, c.comments_count,
        (SELECT count(*) FROM engagement_support s
         WHERE s.contribution_id = c.id AND NOT EXISTS (
             SELECT 1 FROM engagement_block b
             WHERE b.campaign_id = c.campaign_id AND b.participant_id = s.participant_id))::int,
        (SELECT count(*) FROM engagement_comment m
         WHERE m.contribution_id = c.id AND m.moderation_state = 'published')::int
    FROM engagement_contribution c
    WHERE %s::bigint IS NULL OR c.campaign_id = %s
) t(id, s_stored, c_stored, s_true, c_true)
WHERE (s_stored, c_stored) IS DISTINCT FROM (s_true, c_true)
ORDER BY id
"""


@dataclass(frozen=True)
class Difference:
    contribution_id: int
    supports_stored: int
    supports_true: int
    comments_stored: int
    comments_true: int


def recount(contribution_ids: Iterable[int]) -> None:
    """Count these contributions' supports and comments again and store them, with their rows
    locked (the function the triggers call)."""
    ids = sorted(set(contribution_ids))
    if not ids:
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SELECT engagement_contribution_recount(%s::bigint[])", [ids])


def counter_differences(*, campaign_id: int | None = None) -> list[Difference]:
    """Every contribution whose stored counts differ from a count from scratch."""
    params = [campaign_id, campaign_id]
    with connection.cursor() as cursor:
        cursor.execute(DIFFERENCES, params)
        return [
            Difference(pk, s_stored, s_true, c_stored, c_true)
            for pk, s_stored, c_stored, s_true, c_true in cursor.fetchall()
        ]
