"""NUM_PROXIES over HTTP: behind trusted proxies each resident has their own rate-limit bucket,
and without one a client cannot pick a new bucket by sending X-Forwarded-For itself."""

import json

import pytest
from django.test import Client

from engagement.models import Contribution

pytestmark = pytest.mark.django_db
URL = "/api/v1/contributions/"


def submit(theme, **headers) -> int:
    """One anonymous contribution from a browser never seen before (no cookie, so a new
    participant each time: only the address limit can stop it)."""
    payload = {
        "campaign": theme.campaign.slug,
        "kind": "need",
        "theme": theme.slug,
        "title": "Lights on the forest path",
        "body": "The path to the school is dark in winter.",
        "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
    }
    response = Client().post(
        URL, data=json.dumps(payload), content_type="application/json", headers=headers
    )
    return response.status_code


@pytest.fixture
def two_per_hour(settings):
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (2, 3600), "comment": (2, 3600)}


def test_behind_one_proxy_two_forwarded_addresses_are_two_buckets(theme, settings, two_per_hour):
    settings.NUM_PROXIES = 1
    # The proxy appends the address it saw; what the client sent before it is ignored.
    first = {"x-forwarded-for": "198.51.100.7, 203.0.113.1"}
    assert [submit(theme, **first) for _ in range(3)] == [201, 201, 429]
    second = {"x-forwarded-for": "198.51.100.7, 203.0.113.2"}
    assert [submit(theme, **second) for _ in range(3)] == [201, 201, 429]
    assert Contribution.objects.count() == 4


def test_without_a_proxy_a_spoofed_forwarded_for_keeps_the_bucket(theme, settings, two_per_hour):
    settings.NUM_PROXIES = 0
    statuses = [submit(theme, **{"x-forwarded-for": f"203.0.113.{n}"}) for n in range(1, 5)]
    assert statuses == [201, 201, 429, 429]
    assert Contribution.objects.count() == 2


def test_a_proxy_chain_shorter_than_num_proxies_counts_the_socket_address(
    theme, settings, two_per_hour
):
    """With two proxies configured, a header with one entry did not pass both: the client wrote
    it, so it does not choose the bucket."""
    settings.NUM_PROXIES = 2
    statuses = [submit(theme, **{"x-forwarded-for": f"203.0.113.{n}"}) for n in range(1, 5)]
    assert statuses == [201, 201, 429, 429]


def test_a_malformed_forwarded_entry_counts_the_socket_address(theme, settings, two_per_hour):
    settings.NUM_PROXIES = 1
    statuses = [submit(theme, **{"x-forwarded-for": f"not-an-address-{n}"}) for n in range(4)]
    assert statuses == [201, 201, 429, 429]


def test_only_client_address_reads_the_clients_address():
    """Every rate limit asks `client_address`, so NUM_PROXIES holds for all of them."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[3]
    readers = {
        str(path.relative_to(root))
        for app in ("engagement", "toolkit", "geo", "config")
        for path in (root / app).rglob("*.py")
        if "REMOTE_ADDR" in (text := path.read_text()) or "HTTP_X_FORWARDED_FOR" in text
    }
    assert readers == {"engagement/participation/middleware.py"}
