"""Synthetic contributions for benchmarks: many random points inside a campaign's area."""

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, models, transaction

from engagement.common.lemmas import search_text
from engagement.models import Campaign, Contribution

SYNTHETIC_PREFIX = "Synthetic "
SYNTHETIC_BODY = "Generated for benchmarks."


class Command(BaseCommand):
    help = "Add N published synthetic contributions at random points inside a campaign's area."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--contributions", type=int, required=True)
        parser.add_argument("--campaign", default="tesoma-together")
        parser.add_argument(
            "--replace", action="store_true", help="Delete earlier synthetic contributions first."
        )

    def handle(self, *args, contributions: int, campaign: str, replace: bool, **options) -> None:
        target = Campaign.objects.filter(slug=campaign).select_related("area").first()
        if target is None:
            raise CommandError(f"No campaign {campaign!r}; run load_demo first.")
        theme_ids = list(target.themes.values_list("id", flat=True))
        if not theme_ids:
            raise CommandError(f"Campaign {campaign!r} has no themes.")
        with transaction.atomic():
            if replace:
                _delete_in_bulk(
                    Contribution.objects.filter(campaign=target, title__startswith=SYNTHETIC_PREFIX)
                )
            # ST_GeneratePoints scatters the points inside the boundary in one pass; the area is
            # the campaign's, as contribution_submit would assign for these points.
            with connection.cursor() as cursor:
                cursor.execute(
                    """
                    INSERT INTO engagement_contribution
                        (campaign_id, kind, theme_id, title, body, geometry, area_id, language,
                         status, moderation_state, hidden_reason, exact_location_public,
                         created_at, updated_at, search_lemmas, search_lemmas_of)
                    SELECT %(campaign)s,
                           (ARRAY['idea', 'need'])[1 + n %% 2],
                           (%(themes)s::bigint[])[1 + n %% cardinality(%(themes)s::bigint[])],
                           %(prefix)s || n, %(body)s,
                           (dump).geom, %(area)s, 'fi', 'new', 'published', '', false,
                           now() - (n || ' seconds')::interval, now(),
                           %(lemmas)s || n, md5(%(prefix)s || n || ' ' || %(body)s)
                    FROM (
                        SELECT row_number() OVER () AS n, dump
                        FROM ST_Dump(ST_GeneratePoints(
                            (SELECT boundary FROM geo_area WHERE id = %(area)s), %(count)s
                        )) AS dump
                    ) AS points
                    """,
                    {
                        "campaign": target.pk,
                        "themes": theme_ids,
                        "prefix": SYNTHETIC_PREFIX,
                        "body": SYNTHETIC_BODY,
                        # The Finnish base forms search_text gives (words, then the number),
                        # so the refresh has none to lemmatise (decision 0032).
                        "lemmas": " ".join(search_text(SYNTHETIC_PREFIX, SYNTHETIC_BODY).split())
                        + " ",
                        "area": target.area_id,
                        "count": contributions,
                    },
                )
                created = cursor.rowcount
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE engagement_contribution")
        self.stdout.write(f"{created} synthetic contributions added to {campaign}.")


def _delete_in_bulk(contributions: models.QuerySet) -> None:
    """Delete a million contributions in one statement, not through Django's collector (which
    loads every row into memory: gigabytes and many minutes at BENCH_N=1000000): first, through
    the collector, the few rows that point at them (the load test's supports, comments, flags),
    then the contributions by one DELETE, which the database's triggers see once."""
    ids = contributions.values("pk")
    for relation in Contribution._meta.related_objects:
        if relation.many_to_many:
            through = relation.through
            name = relation.field.m2m_reverse_field_name()
            through.objects.filter(**{f"{name}__in": ids}).delete()
            continue
        related = relation.related_model._base_manager.filter(**{f"{relation.field.name}__in": ids})
        if relation.on_delete is models.CASCADE:
            related.delete()
        elif relation.on_delete is models.SET_NULL:
            related.update(**{relation.field.name: None})
        elif relation.on_delete is not models.DO_NOTHING:
            raise CommandError(f"Cannot delete synthetic contributions: {relation}")
    contributions._raw_delete(contributions.db)
