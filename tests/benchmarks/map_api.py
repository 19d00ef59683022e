"""Benchmark of the map's GeoJSON API on synthetic data: `make bench` (not part of `make test`).

Each figure beside its goal (issue 13) and its comparators from the same run, printed through
tests/benchmarks/report.py:

- the endpoint `GET /api/v1/contributions/?campaign=…&bbox=…&limit=5000` end to end, in-process
  through Django's full request stack (middleware, view, PostGIS);
- "the limit": the same page's SQL (the ORM's statement, parameters bound) through a plain
  psycopg 3 loop on its own connection with the same session options, the texts joined into a
  FeatureCollection as the view does;
- djangorestframework-gis (`GeoFeatureModelSerializer`) serialising the same 5,000 model rows
  with the same properties, rendered to JSON;
- submissions: POST /api/v1/contributions/ from 16 threads (each a test Client with its own
  database connection) for SUBMIT_SECONDS: the rate, p99, and every 201 found in the database.

The measurements of a pair alternate (endpoint, limit, endpoint, …) so a shared machine's load
falls on both alike. Against the database in DATABASE_URL, which `make bench` fills with
`seed_synthetic` (BENCH_N).
"""

import json
import os
import random
import statistics
import sys
import threading
import time
import uuid
from collections.abc import Callable

import django

from tests.benchmarks.report import header, row

CAMPAIGN = "tesoma-together"
URL = "/api/v1/contributions/"
PAGE = 5000
CASES = {
    "district, first 5,000": (23.55, 61.47, 23.72, 61.53),
    "street box (about 300 m x 300 m)": (23.6270, 61.4985, 23.6325, 61.5012),
}
US_PER_FEATURE, LIMIT_RATIO, DRF_GIS_TIMES, STREET_MS = 6, 0.7, 15, 30
SUBMIT_CLIENTS = 16
SUBMIT_SECONDS = float(os.environ.get("BENCH_SUBMIT_SECONDS", "15"))
SUBMIT_RATE, SUBMIT_P99_MS = 500, 50
REPEAT = int(os.environ.get("BENCH_REPEAT", "15"))


def alternate(calls: dict[str, Callable], repeat: int) -> dict[str, float]:
    """Median milliseconds of each call, the calls taking turns; one warm-up each."""
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for call in calls.values():
        call()
    for _ in range(repeat):
        for name, call in calls.items():
            start = time.perf_counter()
            call()
            samples[name].append((time.perf_counter() - start) * 1000)
    return {name: statistics.median(values) for name, values in samples.items()}


def drf_gis_serializer():
    """djangorestframework-gis's serializer for the same properties as the endpoint's."""
    from django.urls import reverse
    from rest_framework import serializers
    from rest_framework_gis.fields import GeometryField
    from rest_framework_gis.serializers import GeoFeatureModelSerializer

    from engagement.models import Contribution
    from engagement.participation.places import contribution_place_text
    from engagement.participation.selectors import EXCERPT_LENGTH

    class ContributionFeatureSerializer(GeoFeatureModelSerializer):
        shown = GeometryField(precision=6)
        excerpt = serializers.SerializerMethodField()
        theme = serializers.SlugRelatedField(slug_field="slug", read_only=True)
        theme_name = serializers.CharField(source="theme.name")
        color = serializers.CharField(source="theme.color")
        moderation = serializers.CharField(source="moderation_state")
        supports = serializers.IntegerField(source="supports_count")
        comments = serializers.IntegerField(source="comments_count")
        place = serializers.SerializerMethodField()
        url = serializers.SerializerMethodField()

        class Meta:
            model = Contribution
            geo_field = "shown"
            fields = [
                "id",
                "title",
                "excerpt",
                "kind",
                "theme",
                "theme_name",
                "color",
                "status",
                "moderation",
                "supports",
                "comments",
                "place",
                "created_at",
                "url",
            ]

        def get_excerpt(self, contribution) -> str:
            return contribution.body[:EXCERPT_LENGTH]

        def get_place(self, contribution) -> str:
            return contribution_place_text(contribution)

        def get_url(self, contribution) -> str:
            return reverse("engagement:contribution-detail", kwargs={"pk": contribution.pk})

    return ContributionFeatureSerializer


def page_figures(client, connection, raw, campaign, name: str, bbox) -> None:
    from rest_framework.renderers import JSONRenderer

    from engagement.participation.selectors import (
        ContributionFilters,
        contribution_public_location,
        contributions_feature_text_queryset,
        contributions_filtered,
        feature_collection_text,
    )

    params = {"campaign": CAMPAIGN, "bbox": ",".join(map(str, bbox)), "limit": str(PAGE)}
    body = client.get(URL, params).json()
    features = body["numberReturned"]
    page = contributions_filtered(filters=ContributionFilters(campaign=campaign, bbox=bbox))[:PAGE]
    sql, sql_params = contributions_feature_text_queryset(queryset=page).query.sql_with_params()
    statement = connection.ops.compose_sql(sql, sql_params)

    def limit() -> str:
        texts = [r[0] for r in raw.execute(statement).fetchall()]
        return feature_collection_text(features=texts, number_matched=None, links=[])

    rows = page.select_related("theme", "place", "area").annotate(
        shown=contribution_public_location()
    )
    serializer = drf_gis_serializer()

    def drf_gis() -> bytes:
        return JSONRenderer().render(serializer(list(rows), many=True).data)

    medians = alternate(
        {"endpoint": lambda: client.get(URL, params), "limit": limit}, repeat=REPEAT
    )
    count_ms = alternate({"count": lambda: _count(campaign, bbox)}, repeat=5)["count"]
    drf_ms = alternate({"drf": drf_gis}, repeat=max(2, REPEAT // 5))["drf"]
    endpoint, plain = medians["endpoint"], medians["limit"]
    per_feature = endpoint * 1000 / max(features, 1)
    scenario = f"GeoJSON {name} ({features} features)"
    matched = body.get("numberMatched", f"left out (> {_cap()})")
    if name.startswith("district"):
        row(
            scenario,
            f"{endpoint:.1f} ms, {per_feature:.1f} µs/feature",
            f"≤ {US_PER_FEATURE} µs/feature",
            f"numberMatched {matched}; its count alone {count_ms:.1f} ms",
            per_feature <= US_PER_FEATURE,
        )
    else:
        row(
            scenario,
            f"{endpoint:.1f} ms median",
            f"≤ {STREET_MS} ms median",
            f"{per_feature:.1f} µs/feature; numberMatched {matched}; count {count_ms:.1f} ms",
            endpoint <= STREET_MS,
        )
    row(
        f"  {name}: psycopg limit / endpoint",
        f"{plain / endpoint:.2f}",
        f"≥ {LIMIT_RATIO}",
        f"psycopg loop, same SQL, joined: {plain:.1f} ms",
        plain / endpoint >= LIMIT_RATIO,
    )
    row(
        f"  {name}: drf-gis / endpoint",
        f"{drf_ms / endpoint:.1f}x",
        f"≥ {DRF_GIS_TIMES}x",
        f"GeoFeatureModelSerializer, same rows: {drf_ms:.0f} ms",
        drf_ms / endpoint >= DRF_GIS_TIMES,
    )


def _cap() -> int:
    from engagement.participation.api import MATCHED_COUNT_CAP

    return MATCHED_COUNT_CAP


def _count(campaign, bbox) -> int:
    from engagement.participation.api import matched_count
    from engagement.participation.selectors import ContributionFilters, contributions_filtered

    return matched_count(contributions_filtered(filters=ContributionFilters(campaign, bbox=bbox)))


def submissions() -> None:
    """16 threads POST contributions for SUBMIT_SECONDS; every 201 must be in the database."""
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    from engagement.models import Contribution

    users = [
        get_user_model().objects.get_or_create(username=f"bench-resident-{i}")[0]
        for i in range(SUBMIT_CLIENTS)
    ]
    latencies: list[float] = []
    created: list[int] = []
    failures: list[int] = []
    lock = threading.Lock()
    stop = time.perf_counter() + SUBMIT_SECONDS

    def client_loop(user) -> None:
        client = Client()
        client.force_login(user)
        try:
            while time.perf_counter() < stop:
                payload = json.dumps(
                    {
                        "campaign": CAMPAIGN,
                        "kind": "idea",
                        "theme": "innovative-routes",
                        "title": "Benchmark submission",
                        "body": "Measured by tests/benchmarks/map_api.py.",
                        # Spread over Länsikeskus, as residents' pins are, not one cell.
                        "geometry": {
                            "type": "Point",
                            "coordinates": [
                                23.62 + random.random() * 0.02,
                                61.495 + random.random() * 0.01,
                            ],
                        },
                        "idempotency_key": str(uuid.uuid4()),
                    }
                )
                start = time.perf_counter()
                response = client.post(URL, payload, content_type="application/json")
                elapsed = (time.perf_counter() - start) * 1000
                with lock:
                    latencies.append(elapsed)
                    if response.status_code == 201:
                        created.append(json.loads(response.content)["id"])
                    else:
                        failures.append(response.status_code)
        finally:
            connection.close()

    started = time.perf_counter()
    threads = [threading.Thread(target=client_loop, args=(user,)) for user in users]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - started
    rate = len(created) / seconds
    p99 = sorted(latencies)[max(0, int(len(latencies) * 0.99) - 1)] if latencies else 0.0
    stored = Contribution.objects.filter(pk__in=created).count()
    scenario = f"submit through the API, {SUBMIT_CLIENTS} clients, {seconds:.0f} s"
    row(
        scenario,
        f"{rate:.0f}/s",
        f"≥ {SUBMIT_RATE}/s",
        f"threads in one process (GIL); {len(failures)} not 201",
        rate >= SUBMIT_RATE,
    )
    row(
        "  submit: p99 latency",
        f"{p99:.0f} ms",
        f"≤ {SUBMIT_P99_MS} ms",
        f"median {statistics.median(latencies):.0f} ms" if latencies else "",
        p99 <= SUBMIT_P99_MS,
    )
    row(
        "  submit: every 201 in the database",
        f"{stored} of {len(created)}",
        "all",
        "counted by id after the run",
        stored == len(created) and not failures,
    )
    Contribution.objects.filter(pk__in=created).delete()


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    django.setup()
    import psycopg
    from django.db import connection
    from django.test import Client

    from engagement.models import Campaign, Contribution

    campaign = Campaign.objects.get(slug=CAMPAIGN)
    total = Contribution.objects.filter(campaign=campaign).count()
    connection.ensure_connection()
    raw = psycopg.connect(connection.connection.info.dsn, autocommit=True)
    load = ", ".join(f"{x:.1f}" for x in os.getloadavg())
    header(f"map API at {total:,} contributions (load average {load} on {os.cpu_count()} cores)")
    client = Client()
    for name, bbox in CASES.items():
        page_figures(client, connection, raw, campaign, name, bbox)
    raw.close()
    submissions()


if __name__ == "__main__":
    sys.exit(main())
