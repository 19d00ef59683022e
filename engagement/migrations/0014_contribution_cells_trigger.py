"""ContributionCell kept by the database: statement-level triggers on engagement_contribution
recount, in the writing transaction, every privacy cell a statement touched (docs/decisions/0025).

- Which cells: the cells of the inserted, deleted, or updated rows (before and after) that are
  published points; an update that changes none of the counted columns (a title, `updated_at`)
  touches none, so an edit of text costs no recount.
- Recount, not arithmetic: the cell's rows are deleted and written again from the published
  contributions there (the index contribution_public_cell), so the summary cannot drift.
- Concurrency: two transactions recounting one cell must not both write it from snapshots that
  each miss the other's change, so the cells are locked (advisory transaction locks, sorted, so
  one statement cannot deadlock with another) before the recount reads. A statement touching more
  than MANY_CELLS cells takes one lock on the whole campaign instead (shared for the few-cell
  recounts), so a million-row write does not fill PostgreSQL's lock table. Each statement of the
  function takes a new snapshot (READ COMMITTED), so the recount after the lock sees the other
  transaction's commit.
"""

from django.db import migrations

MANY_CELLS = 64
# The newest ids kept per row: engagement.participation.tiles.IDS_PER_FEATURE when written.
IDS = 20
FUNCTION = f"""
CREATE OR REPLACE FUNCTION engagement_contribution_cells() RETURNS trigger AS $$
DECLARE
    cs bigint[];
    xs int[];
    ys int[];
    many bigint[];
    few bigint[];
    one bigint;
    i int;
BEGIN
    IF TG_OP = 'INSERT' THEN
        SELECT array_agg(campaign_id), array_agg(privacy_cell_x), array_agg(privacy_cell_y)
        INTO cs, xs, ys FROM (
            SELECT DISTINCT campaign_id, privacy_cell_x, privacy_cell_y FROM new_rows
            WHERE privacy_cell_x IS NOT NULL AND moderation_state = 'published'
            ORDER BY 1, 2, 3) t;
    ELSIF TG_OP = 'DELETE' THEN
        SELECT array_agg(campaign_id), array_agg(privacy_cell_x), array_agg(privacy_cell_y)
        INTO cs, xs, ys FROM (
            SELECT DISTINCT campaign_id, privacy_cell_x, privacy_cell_y FROM old_rows
            WHERE privacy_cell_x IS NOT NULL AND moderation_state = 'published'
            ORDER BY 1, 2, 3) t;
    ELSE
        SELECT array_agg(campaign_id), array_agg(privacy_cell_x), array_agg(privacy_cell_y)
        INTO cs, xs, ys FROM (
            SELECT DISTINCT r.campaign_id, r.privacy_cell_x, r.privacy_cell_y
            FROM old_rows o JOIN new_rows n ON n.id = o.id,
            LATERAL (VALUES (o.campaign_id, o.privacy_cell_x, o.privacy_cell_y,
                             o.moderation_state),
                            (n.campaign_id, n.privacy_cell_x, n.privacy_cell_y,
                             n.moderation_state))
                AS r(campaign_id, privacy_cell_x, privacy_cell_y, moderation_state)
            WHERE r.privacy_cell_x IS NOT NULL AND r.moderation_state = 'published'
              AND (o.campaign_id, o.privacy_cell_x, o.privacy_cell_y, o.kind, o.status,
                   o.theme_id, o.moderation_state, o.exact_location_public, o.public_point)
                  IS DISTINCT FROM
                  (n.campaign_id, n.privacy_cell_x, n.privacy_cell_y, n.kind, n.status,
                   n.theme_id, n.moderation_state, n.exact_location_public, n.public_point)
            ORDER BY 1, 2, 3) t;
    END IF;
    IF cs IS NULL THEN
        RETURN NULL;
    END IF;

    SELECT array_agg(c ORDER BY c) FILTER (WHERE n > {MANY_CELLS}),
           array_agg(c ORDER BY c) FILTER (WHERE n <= {MANY_CELLS})
    INTO many, few FROM (SELECT c, count(*) AS n FROM unnest(cs) c GROUP BY c) t;
    FOREACH one IN ARRAY coalesce(many, '{{}}') LOOP
        PERFORM pg_advisory_xact_lock(-1, one::int);
    END LOOP;
    FOREACH one IN ARRAY coalesce(few, '{{}}') LOOP
        PERFORM pg_advisory_xact_lock_shared(-1, one::int);
    END LOOP;
    IF few IS NOT NULL THEN
        FOR i IN 1 .. cardinality(cs) LOOP
            IF cs[i] = ANY(few) THEN
                PERFORM pg_advisory_xact_lock(
                    cs[i]::int, ((xs[i]::bigint * 65599 + ys[i]) % 2147483647)::int);
            END IF;
        END LOOP;
    END IF;

    DELETE FROM engagement_contributioncell s
    USING unnest(cs, xs, ys) AS t(campaign_id, x, y)
    WHERE s.campaign_id = t.campaign_id AND s.cell_x = t.x AND s.cell_y = t.y;

    INSERT INTO engagement_contributioncell
        (campaign_id, cell_x, cell_y, kind, status, theme_id, count, ids, centre, lone_exact)
    SELECT c.campaign_id, c.privacy_cell_x, c.privacy_cell_y, c.kind, c.status, c.theme_id,
        count(*), (array_agg(c.id ORDER BY c.id DESC))[1:{IDS}],
        ST_Transform(ST_SetSRID(ST_MakePoint((c.privacy_cell_x + 0.5) * 100,
                                             (c.privacy_cell_y + 0.5) * 100), 3067), 3857),
        CASE WHEN count(*) = 1 AND bool_and(c.exact_location_public)
             THEN ST_Transform((array_agg(c.public_point))[1], 3857) END
    FROM unnest(cs, xs, ys) AS t(campaign_id, x, y)
    JOIN engagement_contribution c
        ON c.campaign_id = t.campaign_id AND c.privacy_cell_x = t.x AND c.privacy_cell_y = t.y
    WHERE c.moderation_state = 'published'
    GROUP BY c.campaign_id, c.privacy_cell_x, c.privacy_cell_y, c.kind, c.status, c.theme_id;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE TRIGGER contribution_cells_insert AFTER INSERT ON engagement_contribution
    REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION engagement_contribution_cells();
CREATE TRIGGER contribution_cells_update AFTER UPDATE ON engagement_contribution
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION engagement_contribution_cells();
CREATE TRIGGER contribution_cells_delete AFTER DELETE ON engagement_contribution
    REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION engagement_contribution_cells();
"""

# The cells of the contributions already there, counted as the function does.
FILL = f"""
INSERT INTO engagement_contributioncell
    (campaign_id, cell_x, cell_y, kind, status, theme_id, count, ids, centre, lone_exact)
SELECT c.campaign_id, c.privacy_cell_x, c.privacy_cell_y, c.kind, c.status, c.theme_id,
    count(*), (array_agg(c.id ORDER BY c.id DESC))[1:{IDS}],
    ST_Transform(ST_SetSRID(ST_MakePoint((c.privacy_cell_x + 0.5) * 100,
                                         (c.privacy_cell_y + 0.5) * 100), 3067), 3857),
    CASE WHEN count(*) = 1 AND bool_and(c.exact_location_public)
         THEN ST_Transform((array_agg(c.public_point))[1], 3857) END
FROM engagement_contribution c
WHERE c.moderation_state = 'published' AND c.privacy_cell_x IS NOT NULL
GROUP BY c.campaign_id, c.privacy_cell_x, c.privacy_cell_y, c.kind, c.status, c.theme_id;
ANALYZE engagement_contributioncell;
"""

REVERSE = """
DROP TRIGGER IF EXISTS contribution_cells_insert ON engagement_contribution;
DROP TRIGGER IF EXISTS contribution_cells_update ON engagement_contribution;
DROP TRIGGER IF EXISTS contribution_cells_delete ON engagement_contribution;
DROP FUNCTION IF EXISTS engagement_contribution_cells();
DELETE FROM engagement_contributioncell;
"""


class Migration(migrations.Migration):
    dependencies = [("engagement", "0013_contribution_public_point")]

    operations = [migrations.RunSQL(FUNCTION + FILL, REVERSE)]
