"""The moderation log refuses UPDATE and DELETE at the database, whatever the caller."""

from django.db import migrations

SQL = """
CREATE FUNCTION engagement_moderationaction_append_only() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION 'the moderation log is append-only';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER engagement_moderationaction_append_only
    BEFORE UPDATE OR DELETE ON engagement_moderationaction
    FOR EACH ROW EXECUTE FUNCTION engagement_moderationaction_append_only();
"""

REVERSE = """
DROP TRIGGER engagement_moderationaction_append_only ON engagement_moderationaction;
DROP FUNCTION engagement_moderationaction_append_only();
"""


class Migration(migrations.Migration):
    dependencies = [("engagement", "0003_moderation")]

    operations = [migrations.RunSQL(SQL, REVERSE)]
