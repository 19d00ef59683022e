"""The live screen's change log: one row per committed change to what the public sees of a
contribution (docs/decisions/0049).

`engagement_live_change` is written only by the deferred constraint trigger below, at the commit
of every transaction that publishes, hides, withdraws, deletes or changes a published
contribution (its title, text, theme, kind, status, place, location). Its `id` is the live
screen's event id: before taking the next number the trigger takes the campaign's row lock (the
one `contribution_map_version` takes at the same commit, migration 0011), so the numbers of one
campaign's rows are handed out in the order their transactions commit. A reader that has seen
number n has then seen every smaller number of the campaign: a cursor that survives a restart of
the server, with no gaps. The row says only which contribution changed; the reader asks the
public selectors for what the public sees of it now.
"""

import django.db.models.functions.datetime
from django.db import migrations, models

FORWARD = """
CREATE OR REPLACE FUNCTION engagement_contribution_live_change() RETURNS trigger AS $$
DECLARE
    row_campaign bigint;
    row_id bigint;
BEGIN
    FOREACH row_campaign IN ARRAY CASE
        WHEN TG_OP = 'INSERT' THEN ARRAY[NEW.campaign_id]
        WHEN TG_OP = 'DELETE' THEN ARRAY[OLD.campaign_id]
        WHEN OLD.campaign_id = NEW.campaign_id THEN ARRAY[NEW.campaign_id]
        ELSE ARRAY[OLD.campaign_id, NEW.campaign_id] END
    LOOP
        row_id := CASE WHEN TG_OP = 'DELETE' THEN OLD.id ELSE NEW.id END;
        -- The campaign's row lock first (the mode of migration 0011's UPDATE, so the two never
        -- wait on each other within a transaction): numbers in commit order per campaign.
        PERFORM 1 FROM engagement_campaign WHERE id = row_campaign FOR NO KEY UPDATE;
        INSERT INTO engagement_live_change (campaign_id, contribution_id)
            VALUES (row_campaign, row_id);
    END LOOP;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE CONSTRAINT TRIGGER contribution_live_change
    AFTER INSERT ON engagement_contribution
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (NEW.moderation_state = 'published')
    EXECUTE FUNCTION engagement_contribution_live_change();
CREATE CONSTRAINT TRIGGER contribution_live_change_update
    AFTER UPDATE ON engagement_contribution
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (
        (OLD.moderation_state = 'published' OR NEW.moderation_state = 'published')
        AND (OLD.moderation_state, OLD.campaign_id, OLD.title, OLD.body, OLD.theme_id, OLD.kind,
             OLD.status, OLD.place_id, OLD.exact_location_public, OLD.geometry::text)
            IS DISTINCT FROM
            (NEW.moderation_state, NEW.campaign_id, NEW.title, NEW.body, NEW.theme_id, NEW.kind,
             NEW.status, NEW.place_id, NEW.exact_location_public, NEW.geometry::text)
    )
    EXECUTE FUNCTION engagement_contribution_live_change();
CREATE CONSTRAINT TRIGGER contribution_live_change_delete
    AFTER DELETE ON engagement_contribution
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW WHEN (OLD.moderation_state = 'published')
    EXECUTE FUNCTION engagement_contribution_live_change();
"""

REVERSE = """
DROP TRIGGER IF EXISTS contribution_live_change ON engagement_contribution;
DROP TRIGGER IF EXISTS contribution_live_change_update ON engagement_contribution;
DROP TRIGGER IF EXISTS contribution_live_change_delete ON engagement_contribution;
DROP FUNCTION IF EXISTS engagement_contribution_live_change();
"""


class Migration(migrations.Migration):
    dependencies = [("engagement", "0025_kiosk")]

    operations = [
        migrations.CreateModel(
            name="LiveChange",
            fields=[
                ("id", models.BigAutoField(primary_key=True, serialize=False)),
                ("campaign_id", models.BigIntegerField()),
                ("contribution_id", models.BigIntegerField()),
                (
                    "at",
                    models.DateTimeField(db_default=django.db.models.functions.datetime.Now()),
                ),
            ],
            options={
                "verbose_name": "live screen change",
                "verbose_name_plural": "live screen changes",
                "db_table": "engagement_live_change",
                "indexes": [
                    models.Index(fields=["campaign_id", "id"], name="live_change_campaign")
                ],
            },
        ),
        migrations.RunSQL(FORWARD, REVERSE),
    ]
