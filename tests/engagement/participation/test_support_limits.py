"""Supports over HTTP: one per person means a cookieless client cannot mint them, a family
behind one router each supports once, and anonymous supports are rate-limited per participant
and per address in each campaign (decision 0013)."""

import hashlib
import time

import pytest
from django.test import Client

from engagement.models import Support
from tests.factories import CampaignFactory, ContributionFactory, ThemeFactory, UserFactory

pytestmark = pytest.mark.django_db


def api_support(contribution, client=None, address="203.0.113.5", **headers):
    """POST a support through the API; without a client, from a browser never seen before (no
    cookie: a new participant each time)."""
    client = client or Client()
    return client.post(
        f"/api/v1/contributions/{contribution.pk}/support/",
        REMOTE_ADDR=address,
        headers={"accept-language": "en", **headers},
    )


def test_twenty_cookieless_supports_count_at_most_the_cap(contribution, settings):
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 5
    statuses = [api_support(contribution).status_code for _ in range(20)]
    assert statuses == [200] * 5 + [400] * 15
    assert Support.objects.filter(contribution=contribution).count() == 5


def test_the_refusal_says_why_and_what_to_do(contribution, settings):
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 1
    assert api_support(contribution).status_code == 200
    response = api_support(contribution)
    assert response.status_code == 400
    assert "Sign in to add your support" in response.json()["non_field_errors"][0]


def test_twenty_cookieless_html_supports_count_at_most_the_cap(contribution, settings):
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 5
    for _ in range(20):
        response = Client().post(
            f"/en/contributions/{contribution.pk}/support/", REMOTE_ADDR="203.0.113.5"
        )
        assert response.status_code == 302
    assert Support.objects.filter(contribution=contribution).count() == 5


def test_a_family_behind_one_address_each_supports_once(contribution, settings):
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 5
    family = [Client() for _ in range(5)]
    for browser in family:
        assert api_support(contribution, browser).json()["supports"] >= 1
        # Their own browser again: a no-op, not a second support.
        assert api_support(contribution, browser).status_code == 200
    assert Support.objects.filter(contribution=contribution).count() == 5


def test_other_addresses_and_signed_in_residents_are_not_held_back(contribution, settings):
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 1
    assert api_support(contribution).status_code == 200
    assert api_support(contribution).status_code == 400
    assert api_support(contribution, address="198.51.100.9").status_code == 200
    resident = Client()
    resident.force_login(UserFactory())
    assert api_support(contribution, resident).status_code == 200
    assert Support.objects.filter(contribution=contribution).count() == 3


def test_one_ipv6_network_counts_as_one_address(contribution, settings):
    settings.ANONYMOUS_SUPPORTS_PER_ADDRESS = 2
    addresses = [f"2001:db8:1:2::{n:x}" for n in range(1, 6)]
    statuses = [api_support(contribution, address=a).status_code for a in addresses]
    assert statuses == [200, 200, 400, 400, 400]
    assert api_support(contribution, address="2001:db8:1:3::1").status_code == 200


def test_the_address_is_stored_only_as_a_keyed_hash(contribution):
    assert api_support(contribution, address="203.0.113.77").status_code == 200
    (support,) = Support.objects.filter(contribution=contribution)
    assert support.address_hash
    assert "203.0.113.77" not in support.address_hash
    # Not a plain hash anyone could compute from a guessed address.
    assert support.address_hash not in hashlib.sha256(b"203.0.113.77").hexdigest()


def test_supports_are_rate_limited_per_participant_in_a_campaign(theme, settings):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "support": (2, 3600)}
    ideas = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(3)]
    browser = Client()
    # Each from its own address, so only the participant's count can stop the third.
    statuses = [
        api_support(idea, browser, address=f"198.51.100.{n}").status_code
        for n, idea in enumerate(ideas)
    ]
    assert statuses == [200, 200, 429]
    assert Support.objects.count() == 2
    # Another campaign has its own count.
    other = ContributionFactory(theme=ThemeFactory(campaign=CampaignFactory()))
    assert api_support(other, browser, address="198.51.100.50").status_code == 200


def test_supports_are_rate_limited_per_address_with_retry_after(theme, settings):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "support": (3, 3600)}
    ideas = [ContributionFactory(campaign=theme.campaign, theme=theme) for _ in range(4)]
    before = time.time()
    # New browsers, one address: the address's count stops the fourth.
    responses = [api_support(idea) for idea in ideas]
    assert [r.status_code for r in responses] == [200, 200, 200, 429]
    refused = responses[-1]
    assert "wait a moment" in refused.json()["non_field_errors"][0]
    window_end = (int(before // 3600) + 1) * 3600
    assert abs(before + int(refused["Retry-After"]) - window_end) <= 2
    assert Support.objects.count() == 3
