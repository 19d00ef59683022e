"""City units, reply templates, internal notes, and routing on arrival (docs/decisions/0030).

- `engagement_route_unit(campaign, theme, area)` is the one routing rule: among the campaign's
  units and the site-wide ones, those whose themes (if any) include the theme and whose areas (if
  any) include the area or one of its ancestors (an area includes its descendants); the most
  specific wins: theme and area, then theme only, then area only, then a unit with neither (a
  campaign's catch-all). Ties: the nearer area, the campaign's own unit before a site-wide one,
  the lower id.
- A BEFORE row trigger on engagement_contribution routes a new row whose unit is empty, and
  routes again when the theme or the area changes unless a moderator chose the unit. Any other
  write keeps the stored unit and `unit_manual` (a stale `save()` would write NULL back); only
  code that sets `engagement.routing` to 'on' in its transaction (the moderators' service, the
  re-routing of unassigned rows) writes them.
"""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


ROUTING = """
CREATE OR REPLACE FUNCTION engagement_route_unit(p_campaign bigint, p_theme bigint, p_area bigint)
RETURNS bigint AS $$
    WITH RECURSIVE up(id, depth) AS (
        SELECT p_area, 0 WHERE p_area IS NOT NULL
        UNION ALL
        SELECT a.parent_id, up.depth + 1 FROM geo_area a JOIN up ON a.id = up.id
        WHERE a.parent_id IS NOT NULL AND up.depth < 32
    )
    SELECT u.id
    FROM engagement_cityunit u
    CROSS JOIN LATERAL (
        SELECT EXISTS (SELECT 1 FROM engagement_cityunit_themes t WHERE t.cityunit_id = u.id)
                   AS any_theme,
               EXISTS (SELECT 1 FROM engagement_cityunit_themes t
                       WHERE t.cityunit_id = u.id AND t.theme_id = p_theme) AS theme_hit,
               EXISTS (SELECT 1 FROM engagement_cityunit_areas a WHERE a.cityunit_id = u.id)
                   AS any_area,
               (SELECT min(up.depth) FROM engagement_cityunit_areas a JOIN up ON up.id = a.area_id
                WHERE a.cityunit_id = u.id) AS area_depth
    ) m
    WHERE (u.campaign_id = p_campaign OR u.campaign_id IS NULL)
      AND (NOT m.any_theme OR m.theme_hit)
      AND (NOT m.any_area OR m.area_depth IS NOT NULL)
      -- A site-wide unit with neither themes nor areas would catch every campaign's input.
      AND (u.campaign_id IS NOT NULL OR m.any_theme OR m.any_area)
    ORDER BY m.any_theme::int * 2 + m.any_area::int DESC,
             m.area_depth ASC NULLS LAST,
             (u.campaign_id IS NULL),
             u.id
    LIMIT 1
$$ LANGUAGE sql STABLE;

CREATE OR REPLACE FUNCTION engagement_contribution_route() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.unit_id IS NULL AND NOT NEW.unit_manual THEN
            NEW.unit_id := engagement_route_unit(NEW.campaign_id, NEW.theme_id, NEW.area_id);
        END IF;
        RETURN NEW;
    END IF;
    IF current_setting('engagement.routing', true) IS NOT DISTINCT FROM 'on' THEN
        RETURN NEW;
    END IF;
    NEW.unit_id := OLD.unit_id;
    NEW.unit_manual := OLD.unit_manual;
    IF NOT OLD.unit_manual AND (
        NEW.theme_id IS DISTINCT FROM OLD.theme_id
        OR NEW.area_id IS DISTINCT FROM OLD.area_id
        OR NEW.campaign_id IS DISTINCT FROM OLD.campaign_id
    ) THEN
        NEW.unit_id := engagement_route_unit(NEW.campaign_id, NEW.theme_id, NEW.area_id);
    END IF;
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER engagement_contribution_route
    BEFORE INSERT OR UPDATE ON engagement_contribution
    FOR EACH ROW EXECUTE FUNCTION engagement_contribution_route();
"""

UNROUTING = """
DROP TRIGGER IF EXISTS engagement_contribution_route ON engagement_contribution;
DROP FUNCTION IF EXISTS engagement_contribution_route();
DROP FUNCTION IF EXISTS engagement_route_unit(bigint, bigint, bigint);
"""


class Migration(migrations.Migration):

    dependencies = [
        ('engagement', '0016_analysis_summaries'),
        ('geo', '0002_place'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='contribution',
            name='unit_manual',
            field=models.BooleanField(db_default=False, default=False, verbose_name='unit chosen by a moderator'),
        ),
        migrations.AlterField(
            model_name='moderationaction',
            name='action',
            field=models.CharField(choices=[('approve', 'approved'), ('hide', 'hid'), ('restore', 'restored'), ('duplicate', 'marked as duplicate'), ('edit', 'corrected the text'), ('block', 'blocked a participant'), ('respond', 'answered with a status'), ('flag_hide', "hidden by residents' flags"), ('hide_photo', 'hid a photo'), ('pilot_changes', 'asked for changes to a pilot'), ('pilot_approve', 'approved a pilot'), ('pilot_decline', 'declined a pilot'), ('pilot_report', "reported a pilot's results"), ('pilot_status', 'set a status from a pilot'), ('withdraw', 'withdrew their contribution'), ('api_key_create', 'made an integration API key'), ('api_key_revoke', 'revoked an integration API key'), ('unit', 'changed the city unit')], max_length=20, verbose_name='what'),
        ),
        migrations.CreateModel(
            name='CityUnit',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('name', models.CharField(max_length=200, verbose_name='name')),
                ('name_fi', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_sv', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('name_en', models.CharField(max_length=200, null=True, verbose_name='name')),
                ('email', models.EmailField(blank=True, max_length=254, verbose_name='contact e-mail')),
                ('answer_within_days', models.PositiveSmallIntegerField(default=14, help_text='The queue shows a contribution as overdue after this many days.', verbose_name='answer within (days)')),
                ('areas', models.ManyToManyField(blank=True, help_text='An area includes the areas inside it. Empty: anywhere the themes match.', related_name='units', to='geo.area', verbose_name='areas')),
                ('campaign', models.ForeignKey(blank=True, help_text='Empty: the unit answers in every campaign.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='units', to='engagement.campaign', verbose_name='campaign')),
                ('themes', models.ManyToManyField(blank=True, help_text='Empty: any theme, where the areas match.', related_name='units', to='engagement.theme', verbose_name='themes')),
            ],
            options={
                'verbose_name': 'city unit',
                'verbose_name_plural': 'city units',
                'ordering': ['name', 'id'],
            },
        ),
        migrations.AddField(
            model_name='contribution',
            name='unit',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='contributions', to='engagement.cityunit', verbose_name='city unit'),
        ),
        migrations.CreateModel(
            name='InternalNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('signature', models.CharField(blank=True, max_length=300, verbose_name='signature')),
                ('body', models.TextField(max_length=3000, verbose_name='note')),
                ('created_at', models.DateTimeField(auto_now_add=True, verbose_name='created at')),
                ('author', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='author')),
                ('contribution', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='internal_notes', to='engagement.contribution', verbose_name='contribution')),
            ],
            options={
                'verbose_name': 'internal note',
                'verbose_name_plural': 'internal notes',
                'ordering': ['created_at', 'id'],
            },
        ),
        migrations.CreateModel(
            name='ReplyTemplate',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('title', models.CharField(max_length=200, verbose_name='title')),
                ('title_fi', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('title_sv', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('title_en', models.CharField(max_length=200, null=True, verbose_name='title')),
                ('body', models.TextField(max_length=5000, verbose_name='answer')),
                ('body_fi', models.TextField(max_length=5000, null=True, verbose_name='answer')),
                ('body_sv', models.TextField(max_length=5000, null=True, verbose_name='answer')),
                ('body_en', models.TextField(max_length=5000, null=True, verbose_name='answer')),
                ('position', models.PositiveSmallIntegerField(default=0, verbose_name='position')),
                ('unit', models.ForeignKey(blank=True, help_text='Empty: offered for every contribution.', null=True, on_delete=django.db.models.deletion.CASCADE, related_name='reply_templates', to='engagement.cityunit', verbose_name='city unit')),
            ],
            options={
                'verbose_name': 'reply template',
                'verbose_name_plural': 'reply templates',
                'ordering': ['position', 'id'],
            },
        ),
        migrations.RunSQL(ROUTING, UNROUTING),
    ]
