"""Benchmark of the map's API on synthetic data: `make bench` (not part of `make test`).

Runs in-process through Django's full request stack (middleware, view, PostGIS) against the
database in DATABASE_URL, which `make bench` fills with `seed_synthetic`.
"""

import json
import os
import statistics
import sys
import time

import django


def measure(call, repeat: int) -> tuple[float, float]:
    call()  # warm the connection and PostGIS's plan cache
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("ALLOWED_HOSTS", "testserver")
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client

    from engagement.models import Contribution

    client = Client()
    # Signed in, so the anonymous rate limit does not cut the submission benchmark short.
    user, _ = get_user_model().objects.get_or_create(username="bench-resident")
    client.force_login(user)
    total = Contribution.objects.filter(campaign__slug="tesoma-together").count()
    url = "/api/v1/contributions/"
    cases = {
        "whole district, first 5000 pins": {
            "campaign": "tesoma-together",
            "bbox": "23.55,61.47,23.72,61.53",
            "limit": "5000",
        },
        "street level, about 300 m x 300 m": {
            "campaign": "tesoma-together",
            "bbox": "23.6270,61.4985,23.6325,61.5012",
            "limit": "5000",
        },
    }
    print(f"{total} contributions in the campaign")
    print(f"{'case':40} {'features':>8} {'median ms':>10} {'p95 ms':>8}")
    for name, params in cases.items():
        features = client.get(url, params).json()["numberReturned"]
        median, p95 = measure(lambda params=params: client.get(url, params), repeat=30)
        print(f"{name:40} {features:>8} {median:>10.1f} {p95:>8.1f}")

    payload = json.dumps(
        {
            "campaign": "tesoma-together",
            "kind": "idea",
            "theme": "innovative-routes",
            "title": "Benchmark submission",
            "body": "Measured by tests/benchmarks/map_api.py.",
            "geometry": {"type": "Point", "coordinates": [23.63, 61.50]},
        }
    )
    median, p95 = measure(
        lambda: client.post(url, payload, content_type="application/json"), repeat=30
    )
    print(f"{'submit one contribution (POST)':40} {1:>8} {median:>10.1f} {p95:>8.1f}")
    Contribution.objects.filter(title="Benchmark submission").delete()


if __name__ == "__main__":
    sys.exit(main())
