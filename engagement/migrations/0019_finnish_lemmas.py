"""Finnish search by base forms (docs/decisions/0032): the stored base forms and the MD5 of the
text they are of, the existing Finnish rows lemmatised here, the search vector rebuilt on them,
and the analysis's stored Finnish stems dropped so the next refresh counts base forms."""

import django.contrib.postgres.indexes
import django.contrib.postgres.search
import django.db.models.functions.text
from django.db import migrations, models

BATCH = 2000


def lemmatise(apps, schema_editor):
    """Every Finnish contribution's base forms (Voikko), in batches; without Voikko nothing is
    written and the rows stay indexed by PostgreSQL's Finnish Snowball until the refresh."""
    from engagement.common.lemmas import search_text, voikko_available
    from engagement.models.search import SNOWBALL_LANGUAGES, text_digest

    if not voikko_available():
        return
    Contribution = apps.get_model("engagement", "Contribution")
    rows = (
        Contribution.objects.exclude(language__in=SNOWBALL_LANGUAGES)
        .order_by()
        .values_list("id", "title", "body")
    )
    batch: list[tuple[int, str, str]] = []
    with schema_editor.connection.cursor() as cursor:
        for pk, title, body in rows.iterator(chunk_size=BATCH):
            batch.append((pk, search_text(title, body), text_digest(title, body)))
            if len(batch) >= BATCH:
                _write(cursor, batch)
                batch = []
        _write(cursor, batch)


def _write(cursor, batch) -> None:
    if batch:
        ids, lemmas, digests = zip(*batch, strict=True)
        cursor.execute(
            """
            UPDATE engagement_contribution c SET search_lemmas = v.l, search_lemmas_of = v.d
            FROM unnest(%s::bigint[], %s::text[], %s::text[]) AS v(id, l, d) WHERE c.id = v.id
            """,
            [list(ids), list(lemmas), list(digests)],
        )


def forget_finnish_stems(apps, schema_editor):
    """The analysis restems Finnish contributions by base form: the stored Snowball stems go,
    and so do the summaries built on them (the first view asks for new ones)."""
    ContributionTerms = apps.get_model("engagement", "ContributionTerms")
    AnalysisRefresh = apps.get_model("engagement", "AnalysisRefresh")
    ContributionTerms.objects.exclude(contribution__language__in=("sv", "en")).delete()
    AnalysisRefresh.objects.all().delete()


DIGEST = django.db.models.functions.text.MD5(
    django.db.models.functions.text.Concat(
        models.F("title"), models.Value(" "), models.F("body"), output_field=models.TextField()
    )
)


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0018_campaign_duplicate_distance"),
        ("geo", "0002_place"),
    ]

    operations = [
        migrations.AddField(
            model_name="contribution",
            name="search_lemmas",
            field=models.TextField(blank=True, default="", editable=False),
        ),
        migrations.AddField(
            model_name="contribution",
            name="search_lemmas_of",
            field=models.CharField(blank=True, default="", editable=False, max_length=32),
        ),
        # A generated column cannot be altered: dropped and added again on the new expression
        # (Finnish rows indexed by PostgreSQL's Snowball until lemmatised below).
        migrations.RemoveIndex(model_name="contribution", name="contribution_search"),
        migrations.RemoveField(model_name="contribution", name="search"),
        migrations.AddField(
            model_name="contribution",
            name="search",
            field=models.GeneratedField(
                db_persist=True,
                expression=models.Case(
                    models.When(
                        language="sv",
                        then=django.contrib.postgres.search.SearchVector(
                            "title", "body", config="swedish"
                        ),
                    ),
                    models.When(
                        language="en",
                        then=django.contrib.postgres.search.SearchVector(
                            "title", "body", config="english"
                        ),
                    ),
                    models.When(
                        search_lemmas_of=DIGEST,
                        then=django.contrib.postgres.search.SearchVector(
                            "search_lemmas", config="simple"
                        ),
                    ),
                    default=django.contrib.postgres.search.SearchVector(
                        "title", "body", config="finnish"
                    ),
                ),
                output_field=django.contrib.postgres.search.SearchVectorField(),
            ),
        ),
        migrations.AddIndex(
            model_name="contribution",
            index=django.contrib.postgres.indexes.GinIndex(
                fields=["search"], name="contribution_search"
            ),
        ),
        migrations.AddIndex(
            model_name="contribution",
            index=models.Index(
                condition=models.Q(
                    models.Q(("language__in", ("sv", "en")), _negated=True),
                    models.Q(("search_lemmas_of", DIGEST), _negated=True),
                ),
                fields=["id"],
                name="contribution_lemmas_stale",
            ),
        ),
        # Rows last: an UPDATE leaves trigger events (decision 0026's counters) that forbid
        # altering the table later in the same transaction.
        migrations.RunPython(lemmatise, migrations.RunPython.noop, elidable=True),
        migrations.RunPython(forget_finnish_stems, migrations.RunPython.noop, elidable=True),
    ]
