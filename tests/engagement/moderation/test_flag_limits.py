"""Flags over HTTP: automatic hiding needs flags from different people (accounts, or addresses
when not signed in); a moderator's approval is not undone by anonymous flags, which only put
the item back in the queue; anonymous flags are rate-limited per campaign (decision 0013)."""

import time

import pytest
from django.test import Client

from engagement.models import Contribution, Flag
from tests.factories import CommentFactory, UserFactory

pytestmark = pytest.mark.django_db


def flag(contribution, client=None, address="203.0.113.5", **data):
    """A flag through the API, by default from a browser never seen before (no cookie)."""
    client = client or Client()
    return client.post(
        f"/api/v1/contributions/{contribution.pk}/flags/",
        data={"reason": "spam", **data},
        content_type="application/json",
        REMOTE_ADDR=address,
        headers={"accept-language": "en"},
    )


def is_public(contribution) -> bool:
    return Client().get(f"/api/v1/contributions/{contribution.pk}/").status_code == 200


def signed_in() -> Client:
    client = Client()
    client.force_login(UserFactory())
    return client


def test_three_made_up_cookies_on_one_address_do_not_hide(contribution):
    assert contribution.campaign.flag_threshold == 3
    assert [flag(contribution).status_code for _ in range(3)] == [201] * 3
    assert Flag.objects.filter(contribution=contribution).count() == 3
    assert is_public(contribution)


def test_flags_from_three_addresses_hide_until_a_moderator_looks(contribution):
    for n in range(1, 4):
        assert flag(contribution, address=f"198.51.100.{n}").status_code == 201
    contribution.refresh_from_db()
    assert contribution.moderation_state == Contribution.ModerationState.PENDING
    assert not is_public(contribution)


def test_one_ipv6_network_is_one_flagger(contribution):
    for n in range(1, 4):
        assert flag(contribution, address=f"2001:db8:5:6::{n}").status_code == 201
    assert is_public(contribution)


def test_flags_from_signed_in_accounts_count_one_each(contribution):
    # One address (a library's network), three accounts.
    for _ in range(3):
        assert flag(contribution, signed_in()).status_code == 201
    assert not is_public(contribution)


def test_after_approval_anonymous_flags_requeue_but_do_not_hide(contribution, moderator_client):
    for n in range(1, 4):
        flag(contribution, address=f"198.51.100.{n}")
    assert not is_public(contribution)
    approved = moderator_client.post(
        f"/api/v1/moderation/contributions/{contribution.pk}/",
        data={"action": "approve"},
        content_type="application/json",
    )
    assert approved.status_code == 200
    assert is_public(contribution)

    # The same kind of flags again, from other addresses: still public, back in the queue.
    for n in range(11, 15):
        assert flag(contribution, address=f"198.51.100.{n}").status_code == 201
    assert is_public(contribution)
    queue = moderator_client.get("/api/v1/moderation/queue/").json()
    (item,) = [entry for entry in queue if entry["id"] == contribution.pk]
    assert item["open_flags"] == 4

    # Flags from as many accounts as the threshold still hide it.
    for _ in range(3):
        assert flag(contribution, signed_in()).status_code == 201
    assert not is_public(contribution)


def test_an_approved_comment_is_not_hidden_again_by_anonymous_flags(contribution, moderator):
    from engagement.moderation.services import comment_moderate

    comment = CommentFactory(contribution=contribution, body="An opinion")
    comment_moderate(actor=moderator, comment=comment, action="approve")
    for n in range(1, 5):
        assert flag(contribution, address=f"198.51.100.{n}", comment=comment.pk).status_code == 201
    comment.refresh_from_db()
    assert comment.moderation_state == Contribution.ModerationState.PUBLISHED


def test_the_flaggers_address_is_stored_only_as_a_keyed_hash(contribution):
    flag(contribution, address="203.0.113.77")
    (stored,) = Flag.objects.all()
    assert stored.address_hash and "203.0.113" not in stored.address_hash
    flag(contribution, signed_in(), address="203.0.113.77")
    assert Flag.objects.filter(participant__user__isnull=False).get().address_hash == ""


def test_flags_are_rate_limited_per_address_with_retry_after(contribution, settings):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "flag": (2, 3600)}
    before = time.time()
    responses = [flag(contribution) for _ in range(3)]
    assert [r.status_code for r in responses] == [201, 201, 429]
    assert "wait a moment" in responses[-1].json()["non_field_errors"][0]
    window_end = (int(before // 3600) + 1) * 3600
    assert abs(before + int(responses[-1]["Retry-After"]) - window_end) <= 2
    assert Flag.objects.count() == 2


def test_flags_are_rate_limited_per_participant(contribution, settings):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "flag": (2, 3600)}
    browser = Client()
    comments = [CommentFactory(contribution=contribution) for _ in range(3)]
    statuses = [
        flag(contribution, browser, address=f"198.51.100.{n}", comment=c.pk).status_code
        for n, c in enumerate(comments)
    ]
    assert statuses == [201, 201, 429]


def test_the_html_flag_form_counts_addresses_too(contribution):
    for _ in range(3):
        response = Client().post(
            f"/en/contributions/{contribution.pk}/flag/",
            {"reason": "spam"},
            REMOTE_ADDR="203.0.113.5",
        )
        assert response.status_code == 302
    assert Flag.objects.count() == 3
    assert is_public(contribution)
