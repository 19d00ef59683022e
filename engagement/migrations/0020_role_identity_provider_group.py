from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0019_finnish_lemmas"),
    ]

    operations = [
        migrations.AddField(
            model_name="role",
            name="identity_provider_group",
            field=models.CharField(
                blank=True, default="", max_length=255, verbose_name="identity provider group"
            ),
        ),
    ]
