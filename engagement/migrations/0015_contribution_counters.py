"""Contribution.supports_count and comments_count, kept by the database (docs/decisions/0026).

- What they count: supports, not counting participants blocked in the contribution's campaign;
  published comments (replies included), as `with_counts` counted on every read before.
- Who writes them: only `engagement_contribution_recount(ids)`, which counts the contributions
  from scratch. Statement-level AFTER triggers on engagement_support, engagement_comment and
  engagement_block call it, in the writing transaction, for the contributions a statement
  touched: a support added, moved (a merge, a claim) or deleted (also by a cascade); a comment
  added, deleted, moved, or moved in or out of "published"; a block added or lifted (the
  contributions the participant supports in that campaign). A recount, not `+ 1`, so the
  columns cannot drift.
- Concurrency: the recount locks its contributions' rows first (FOR NO KEY UPDATE, in id order,
  which does not block the foreign-key checks of new supports), then counts in a later statement,
  which in READ COMMITTED takes a new snapshot: two parallel supports of one contribution are
  counted by the second after the first commits.
- A BEFORE row trigger on engagement_contribution keeps the stored values against any other
  write (Django's `save()` of an instance loaded before a support arrived would write its stale
  count back): outside the recount, a new row starts at 0 and an update keeps the old counts.
"""

from django.db import migrations, models

FUNCTIONS = """
CREATE OR REPLACE FUNCTION engagement_contribution_recount(ids bigint[]) RETURNS void AS $$
BEGIN
    IF ids IS NULL OR cardinality(ids) = 0 THEN
        RETURN;
    END IF;
    PERFORM 1 FROM engagement_contribution WHERE id = ANY(ids) ORDER BY id FOR NO KEY UPDATE;
    PERFORM set_config('engagement.recounting', 'on', true);
    UPDATE engagement_contribution c SET supports_count = x.s, comments_count = x.m
    FROM (
        SELECT k.id,
            (SELECT count(*) FROM engagement_support s
             WHERE s.contribution_id = k.id AND NOT EXISTS (
                 SELECT 1 FROM engagement_block b
                 WHERE b.campaign_id = k.campaign_id AND b.participant_id = s.participant_id)
            )::int AS s,
            (SELECT count(*) FROM engagement_comment m
             WHERE m.contribution_id = k.id AND m.moderation_state = 'published')::int AS m
        FROM engagement_contribution k WHERE k.id = ANY(ids)
    ) x
    WHERE c.id = x.id AND (c.supports_count, c.comments_count) IS DISTINCT FROM (x.s, x.m);
    PERFORM set_config('engagement.recounting', 'off', true);
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION engagement_contribution_counts_keep() RETURNS trigger AS $$
BEGIN
    IF current_setting('engagement.recounting', true) IS DISTINCT FROM 'on' THEN
        IF TG_OP = 'INSERT' THEN
            NEW.supports_count := 0;
            NEW.comments_count := 0;
        ELSE
            NEW.supports_count := OLD.supports_count;
            NEW.comments_count := OLD.comments_count;
        END IF;
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER contribution_counts_keep_insert BEFORE INSERT ON engagement_contribution
    FOR EACH ROW WHEN (NEW.supports_count <> 0 OR NEW.comments_count <> 0)
    EXECUTE FUNCTION engagement_contribution_counts_keep();
CREATE TRIGGER contribution_counts_keep_update BEFORE UPDATE ON engagement_contribution
    FOR EACH ROW WHEN ((OLD.supports_count, OLD.comments_count)
                       IS DISTINCT FROM (NEW.supports_count, NEW.comments_count))
    EXECUTE FUNCTION engagement_contribution_counts_keep();

CREATE OR REPLACE FUNCTION engagement_support_counts() RETURNS trigger AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT contribution_id) INTO ids FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT contribution_id) INTO ids FROM old_rows;
    ELSE
        SELECT array_agg(DISTINCT t.id) INTO ids
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
        LATERAL (VALUES (o.contribution_id), (n.contribution_id)) AS t(id)
        WHERE (o.contribution_id, o.participant_id)
              IS DISTINCT FROM (n.contribution_id, n.participant_id);
    END IF;
    PERFORM engagement_contribution_recount(ids);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION engagement_comment_counts() RETURNS trigger AS $$
DECLARE
    ids bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(DISTINCT contribution_id) INTO ids FROM new_rows
        WHERE moderation_state = 'published';
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(DISTINCT contribution_id) INTO ids FROM old_rows
        WHERE moderation_state = 'published';
    ELSE
        SELECT array_agg(DISTINCT t.id) INTO ids
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
        LATERAL (VALUES (o.contribution_id), (n.contribution_id)) AS t(id)
        WHERE (o.contribution_id, o.moderation_state = 'published')
              IS DISTINCT FROM (n.contribution_id, n.moderation_state = 'published');
    END IF;
    PERFORM engagement_contribution_recount(ids);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

"""


def _triggers(table: str, function: str) -> str:
    name = table.removeprefix("engagement_")
    return f"""
CREATE TRIGGER {name}_counts_insert AFTER INSERT ON {table}
    REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
CREATE TRIGGER {name}_counts_update AFTER UPDATE ON {table}
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION {function}();
CREATE TRIGGER {name}_counts_delete AFTER DELETE ON {table}
    REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION {function}();
"""


# Transition tables are only allowed on triggers of one event, hence three triggers per table;
# each function reads only the tables of the event it runs for (PL/pgSQL plans a statement
# when it first runs it, so the other branches never name an absent table).
BLOCK_FUNCTIONS = """
CREATE OR REPLACE FUNCTION engagement_block_counts_of(changed_campaigns bigint[],
                                                      changed_participants bigint[])
RETURNS void AS $$
DECLARE
    ids bigint[];
BEGIN
    SELECT array_agg(DISTINCT s.contribution_id) INTO ids
    FROM unnest(changed_campaigns, changed_participants) AS b(campaign_id, participant_id)
    JOIN engagement_support s ON s.participant_id = b.participant_id
    JOIN engagement_contribution c ON c.id = s.contribution_id AND c.campaign_id = b.campaign_id;
    PERFORM engagement_contribution_recount(ids);
END
$$ LANGUAGE plpgsql;
CREATE OR REPLACE FUNCTION engagement_block_counts() RETURNS trigger AS $$
DECLARE
    cs bigint[];
    ps bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(campaign_id), array_agg(participant_id) INTO cs, ps FROM new_rows;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(campaign_id), array_agg(participant_id) INTO cs, ps FROM old_rows;
    ELSE
        SELECT array_agg(r.campaign_id), array_agg(r.participant_id) INTO cs, ps
        FROM old_rows o JOIN new_rows n ON n.id = o.id,
        LATERAL (VALUES (o.campaign_id, o.participant_id), (n.campaign_id, n.participant_id))
            AS r(campaign_id, participant_id)
        WHERE (o.campaign_id, o.participant_id) IS DISTINCT FROM
              (n.campaign_id, n.participant_id);
    END IF;
    PERFORM engagement_block_counts_of(cs, ps);
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
"""

# The contributions already there, counted as the recount does (only those with something to
# count are written: a million rows without supports are not rewritten).
FILL = """
SELECT set_config('engagement.recounting', 'on', true);
UPDATE engagement_contribution c SET supports_count = x.s, comments_count = x.m
FROM (
    SELECT id, sum(s)::int AS s, sum(m)::int AS m FROM (
        SELECT s.contribution_id AS id, count(*) AS s, 0 AS m
        FROM engagement_support s JOIN engagement_contribution k ON k.id = s.contribution_id
        WHERE NOT EXISTS (SELECT 1 FROM engagement_block b
                          WHERE b.campaign_id = k.campaign_id
                            AND b.participant_id = s.participant_id)
        GROUP BY 1
        UNION ALL
        SELECT contribution_id, 0, count(*) FROM engagement_comment
        WHERE moderation_state = 'published' GROUP BY 1
    ) t GROUP BY id
) x
WHERE c.id = x.id;
SELECT set_config('engagement.recounting', 'off', true);
"""

REVERSE = (
    """
DROP TRIGGER IF EXISTS contribution_counts_keep_insert ON engagement_contribution;
DROP TRIGGER IF EXISTS contribution_counts_keep_update ON engagement_contribution;
"""
    + "".join(
        f"DROP TRIGGER IF EXISTS {table.removeprefix('engagement_')}_counts_{event} ON {table};\n"
        for table in ("engagement_support", "engagement_comment", "engagement_block")
        for event in ("insert", "update", "delete")
    )
    + """
DROP FUNCTION IF EXISTS engagement_support_counts();
DROP FUNCTION IF EXISTS engagement_comment_counts();
DROP FUNCTION IF EXISTS engagement_block_counts();
DROP FUNCTION IF EXISTS engagement_block_counts_of(bigint[], bigint[]);
DROP FUNCTION IF EXISTS engagement_contribution_counts_keep();
DROP FUNCTION IF EXISTS engagement_contribution_recount(bigint[]);
"""
)


class Migration(migrations.Migration):
    dependencies = [("engagement", "0014_contribution_cells_trigger")]

    operations = [
        migrations.AddField(
            model_name="contribution",
            name="supports_count",
            field=models.IntegerField(
                db_default=0, default=0, editable=False, verbose_name="supports"
            ),
        ),
        migrations.AddField(
            model_name="contribution",
            name="comments_count",
            field=models.IntegerField(
                db_default=0, default=0, editable=False, verbose_name="comments"
            ),
        ),
        migrations.RunSQL(
            FUNCTIONS
            + BLOCK_FUNCTIONS
            + _triggers("engagement_support", "engagement_support_counts")
            + _triggers("engagement_comment", "engagement_comment_counts")
            + _triggers("engagement_block", "engagement_block_counts")
            + FILL,
            REVERSE,
        ),
    ]
