"""Workshop plans get ordered items (WorkshopItem) with minutes and notes, a kind (workshop or
theatre session), a language and a start time; the JSON list of items becomes rows, in its order."""

import django.core.validators
import django.db.models.deletion
from django.db import migrations, models


def items_from_json(apps, schema_editor):
    Plan = apps.get_model("toolkit", "WorkshopPlan")
    Item = apps.get_model("toolkit", "WorkshopItem")
    MethodCard = apps.get_model("toolkit", "MethodCard")
    Story = apps.get_model("toolkit", "Story")
    cards = dict(MethodCard.objects.values_list("slug", "pk"))
    stories = dict(Story.objects.values_list("slug", "pk"))
    rows = []
    for plan in Plan.objects.all().iterator():
        entries = plan.legacy_items if isinstance(plan.legacy_items, list) else []
        position = 0
        for entry in entries:
            if not isinstance(entry, dict):
                continue
            kind, slug = entry.get("kind"), entry.get("slug")
            notes = str(entry.get("notes") or "")
            if kind == "method" and slug in cards:
                rows.append(
                    Item(
                        plan=plan,
                        position=position,
                        kind="method",
                        method_id=cards[slug],
                        notes=notes,
                    )
                )
            elif kind == "story" and slug in stories:
                rows.append(
                    Item(
                        plan=plan,
                        position=position,
                        kind="story",
                        story_id=stories[slug],
                        notes=notes,
                    )
                )
            else:
                continue  # a card or story deleted since: the old page did not show it either
            position += 1
    Item.objects.bulk_create(rows, batch_size=500)


def items_to_json(apps, schema_editor):
    Plan = apps.get_model("toolkit", "WorkshopPlan")
    Item = apps.get_model("toolkit", "WorkshopItem")
    for plan in Plan.objects.all().iterator():
        entries = []
        for item in Item.objects.filter(plan=plan).order_by("position", "id"):
            source = item.method if item.kind == "method" else item.story
            if item.kind in ("method", "story") and source is not None:
                entries.append({"kind": item.kind, "slug": source.slug, "notes": item.notes})
        plan.legacy_items = entries
        plan.save(update_fields=["legacy_items"])


class Migration(migrations.Migration):
    dependencies = [
        ("toolkit", "0002_toolkit_content"),
    ]

    operations = [
        migrations.RenameField("workshopplan", "items", "legacy_items"),
        migrations.AlterModelOptions(
            name="workshopplan",
            options={"verbose_name": "workshop plan", "verbose_name_plural": "workshop plans"},
        ),
        migrations.AddField(
            model_name="workshopplan",
            name="kind",
            field=models.CharField(
                choices=[("workshop", "Workshop plan"), ("theatre", "Theatre session")],
                default="workshop",
                max_length=10,
                verbose_name="kind",
            ),
        ),
        migrations.AddField(
            model_name="workshopplan",
            name="language",
            field=models.CharField(default="fi", max_length=10, verbose_name="language"),
        ),
        migrations.AddField(
            model_name="workshopplan",
            name="start_time",
            field=models.TimeField(blank=True, null=True, verbose_name="start time"),
        ),
        migrations.AddField(
            model_name="workshopplan",
            name="updated_at",
            field=models.DateTimeField(auto_now=True),
        ),
        migrations.CreateModel(
            name="WorkshopItem",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("position", models.PositiveIntegerField(default=0, verbose_name="position")),
                (
                    "kind",
                    models.CharField(
                        choices=[
                            ("method", "Method card"),
                            ("story", "Story"),
                            ("free", "Free item"),
                            ("scene", "Scene"),
                            ("exercise", "Group exercise"),
                        ],
                        max_length=10,
                        verbose_name="kind",
                    ),
                ),
                ("title", models.CharField(blank=True, max_length=160, verbose_name="title")),
                (
                    "script",
                    models.TextField(
                        blank=True, verbose_name="script excerpt (roles and lines, Markdown)"
                    ),
                ),
                ("questions", models.TextField(blank=True, verbose_name="questions")),
                (
                    "clip_start",
                    models.PositiveIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(21600)],
                        verbose_name="clip starts at (seconds)",
                    ),
                ),
                (
                    "clip_end",
                    models.PositiveIntegerField(
                        blank=True,
                        null=True,
                        validators=[django.core.validators.MaxValueValidator(21600)],
                        verbose_name="clip ends at (seconds)",
                    ),
                ),
                (
                    "minutes",
                    models.PositiveSmallIntegerField(
                        default=0,
                        validators=[django.core.validators.MaxValueValidator(480)],
                        verbose_name="minutes",
                    ),
                ),
                ("notes", models.TextField(blank=True, verbose_name="facilitator's notes")),
                (
                    "method",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="toolkit.methodcard",
                        verbose_name="method card",
                    ),
                ),
                (
                    "plan",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="items",
                        to="toolkit.workshopplan",
                    ),
                ),
                (
                    "story",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="toolkit.story",
                        verbose_name="story",
                    ),
                ),
            ],
            options={
                "verbose_name": "workshop plan item",
                "verbose_name_plural": "workshop plan items",
                "ordering": ["position", "id"],
                "indexes": [
                    models.Index(fields=["plan", "position"], name="toolkit_wor_plan_id_ae9fdf_idx")
                ],
            },
        ),
        migrations.RunPython(items_from_json, items_to_json),
        migrations.RemoveField("workshopplan", "legacy_items"),
    ]
