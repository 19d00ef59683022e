"""Campaign.map_version, raised in every transaction that writes the campaign's contributions.

A constraint trigger deferred to the commit: by then the transaction holds every contribution row
it locks, so taking the campaign's row last can never close a cycle with another transaction (a
bulk moderation against a resident's edit would deadlock if the campaign's row were taken at the
first statement). Once per campaign per statement that fires it (a transaction-local setting
remembers the statement's timestamp): deferred, that is the COMMIT, so a bulk write of a million
rows raises the number once; made IMMEDIATE (as tests do, since they never commit), each
statement. Map tiles are cached under the number
(engagement.participation.tiles; docs/decisions/0017).
"""

from django.db import migrations, models

FUNCTION = """
CREATE OR REPLACE FUNCTION engagement_contribution_map_version() RETURNS trigger AS $$
DECLARE
    changed bigint;
BEGIN
    FOREACH changed IN ARRAY CASE
        WHEN TG_OP = 'INSERT' THEN ARRAY[NEW.campaign_id]
        WHEN TG_OP = 'DELETE' THEN ARRAY[OLD.campaign_id]
        ELSE ARRAY[NEW.campaign_id, OLD.campaign_id] END
    LOOP
        IF current_setting('yhdessa.map_version_' || changed, true)
                IS DISTINCT FROM statement_timestamp()::text THEN
            UPDATE engagement_campaign SET map_version = map_version + 1 WHERE id = changed;
            PERFORM set_config(
                'yhdessa.map_version_' || changed, statement_timestamp()::text, true
            );
        END IF;
    END LOOP;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;
CREATE CONSTRAINT TRIGGER contribution_map_version
    AFTER INSERT OR UPDATE OR DELETE ON engagement_contribution
    DEFERRABLE INITIALLY DEFERRED
    FOR EACH ROW EXECUTE FUNCTION engagement_contribution_map_version();
"""

REVERSE = """
DROP TRIGGER IF EXISTS contribution_map_version ON engagement_contribution;
DROP FUNCTION IF EXISTS engagement_contribution_map_version();
"""


class Migration(migrations.Migration):
    dependencies = [("engagement", "0010_export_job")]

    operations = [
        migrations.AddField(
            model_name="campaign",
            name="map_version",
            field=models.BigIntegerField(default=0, editable=False),
        ),
        migrations.RunSQL(FUNCTION, REVERSE),
    ]
