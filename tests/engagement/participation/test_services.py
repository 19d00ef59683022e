"""Comments, supports, follows, edits, claims and account deletion through the services."""

import uuid
from concurrent.futures import ThreadPoolExecutor
from urllib.request import Request, urlopen

import pytest
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import Point
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.test import override_settings
from django.utils.translation import override

from engagement.models import Comment, Contribution, Follow, Participant, Support
from engagement.participation import services
from engagement.participation.services import participant_for_token
from tests.factories import CommentFactory, ContributionFactory, ParticipantFactory

pytestmark = pytest.mark.django_db


def submit(theme, participant, **overrides):
    values = {
        "campaign": theme.campaign,
        "participant": participant,
        "kind": "idea",
        "theme": theme,
        "title": "Benches along the path",
        "body": "Older residents need places to rest.",
        "geometry": Point(23.63, 61.50, srid=4326),
    }
    values.update(overrides)
    return services.contribution_submit(**values)


# Idempotency, honeypot and rate limits ------------------------------------------------------


def test_the_same_idempotency_key_stores_one_contribution(theme, visitor):
    key = uuid.uuid4()
    first = submit(theme, visitor, idempotency_key=key)
    again = submit(theme, visitor, idempotency_key=key)
    assert again.pk == first.pk
    assert Contribution.objects.count() == 1


def test_another_participant_with_the_same_key_stores_their_own(theme, visitor):
    key = uuid.uuid4()
    submit(theme, visitor, idempotency_key=key)
    submit(theme, ParticipantFactory(), idempotency_key=key)
    assert Contribution.objects.count() == 2


def test_a_filled_honeypot_is_refused_and_nothing_is_stored(theme, visitor):
    with pytest.raises(ValidationError) as excinfo:
        submit(theme, visitor, honeypot="http://spam.example")
    assert NON_FIELD_ERRORS in excinfo.value.message_dict
    assert not Contribution.objects.exists()


@override_settings(ANONYMOUS_RATE_LIMITS={"contribution": (2, 3600), "comment": (2, 3600)})
def test_anonymous_contributions_are_rate_limited_per_participant(theme, visitor):
    submit(theme, visitor)
    submit(theme, visitor)
    with override("en"), pytest.raises(ValidationError) as excinfo:
        submit(theme, visitor)
    assert "wait" in excinfo.value.message_dict[NON_FIELD_ERRORS][0]
    assert Contribution.objects.count() == 2


@override_settings(ANONYMOUS_RATE_LIMITS={"contribution": (2, 3600), "comment": (2, 3600)})
def test_anonymous_contributions_are_rate_limited_per_address(theme):
    for _ in range(2):
        submit(theme, ParticipantFactory(), address="203.0.113.5")
    with pytest.raises(ValidationError):
        submit(theme, ParticipantFactory(), address="203.0.113.5")
    assert submit(theme, ParticipantFactory(), address="203.0.113.6").pk


@override_settings(ANONYMOUS_RATE_LIMITS={"contribution": (1, 3600), "comment": (1, 3600)})
def test_signed_in_residents_are_not_rate_limited(theme, resident_participant):
    for _ in range(3):
        submit(theme, resident_participant, address="203.0.113.5")
    assert Contribution.objects.count() == 3


# Comments -----------------------------------------------------------------------------------


def test_comment_and_reply_are_stored(contribution, visitor):
    comment = services.comment_add(contribution=contribution, participant=visitor, body="Yes!")
    reply = services.comment_add(
        contribution=contribution, participant=ParticipantFactory(), body="Agreed", parent=comment
    )
    assert reply.parent == comment
    assert comment.moderation_state == Contribution.ModerationState.PUBLISHED


def test_replies_go_one_level_deep_only(contribution, visitor):
    comment = CommentFactory(contribution=contribution)
    reply = CommentFactory(contribution=contribution, parent=comment)
    with pytest.raises(ValidationError) as excinfo:
        services.comment_add(contribution=contribution, participant=visitor, body="x", parent=reply)
    assert "parent" in excinfo.value.message_dict


def test_a_reply_must_answer_a_comment_on_the_same_contribution(contribution, visitor):
    elsewhere = CommentFactory()
    with pytest.raises(ValidationError):
        services.comment_add(
            contribution=contribution, participant=visitor, body="x", parent=elsewhere
        )


def test_empty_and_overlong_comments_are_refused(contribution, visitor):
    for body in ["", "   ", "x" * 3001]:
        with pytest.raises(ValidationError) as excinfo:
            services.comment_add(contribution=contribution, participant=visitor, body=body)
        assert "body" in excinfo.value.message_dict


def test_comment_text_is_stored_as_typed(contribution, visitor):
    body = '<script>alert("x")</script> & <b>bold</b>'
    comment = services.comment_add(contribution=contribution, participant=visitor, body=body)
    assert Comment.objects.get(pk=comment.pk).body == body


def test_hidden_contribution_takes_no_comments(contribution, visitor):
    contribution.moderation_state = Contribution.ModerationState.HIDDEN
    contribution.save()
    with pytest.raises(ValidationError):
        services.comment_add(contribution=contribution, participant=visitor, body="Hello")


# Supports and follows -----------------------------------------------------------------------


def test_second_support_is_a_no_op_and_support_can_be_taken_back(contribution, visitor):
    assert services.support_add(contribution=contribution, participant=visitor) is True
    assert services.support_add(contribution=contribution, participant=visitor) is False
    assert Support.objects.filter(contribution=contribution).count() == 1
    assert services.support_remove(contribution=contribution, participant=visitor) is True
    assert not Support.objects.exists()


def test_following_needs_an_account(contribution, visitor, resident_participant):
    with pytest.raises(ValidationError):
        services.follow_add(contribution=contribution, participant=visitor)
    services.follow_add(contribution=contribution, participant=resident_participant)
    services.follow_add(contribution=contribution, participant=resident_participant)
    assert Follow.objects.count() == 1
    services.follow_remove(contribution=contribution, participant=resident_participant)
    assert not Follow.objects.exists()


@pytest.mark.django_db(transaction=True)
def test_50_concurrent_supports_from_one_participant_leave_exactly_one(live_server, theme):
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme)
    token = "concurrent-browser-token"
    participant_for_token(token=token, create=True)
    url = f"{live_server.url}/api/v1/contributions/{contribution.pk}/support/"

    def support(_):
        request = Request(url, method="POST", headers={"Cookie": f"yhdessa_participant={token}"})
        with urlopen(request, timeout=30) as response:
            return response.status

    with ThreadPoolExecutor(max_workers=50) as pool:
        statuses = list(pool.map(support, range(50)))
    assert statuses == [200] * 50
    assert Support.objects.filter(contribution=contribution).count() == 1


# Edit and withdraw --------------------------------------------------------------------------


def test_author_can_edit_until_a_moderator_acts(theme, visitor):
    contribution = submit(theme, visitor)
    services.contribution_update(
        contribution=contribution,
        participant=visitor,
        kind="need",
        theme=theme,
        title="Benches and shade",
        body="Also trees.",
        geometry=contribution.geometry,
        exact_location_public=True,
    )
    contribution.refresh_from_db()
    assert (contribution.kind, contribution.title) == ("need", "Benches and shade")

    Contribution.objects.filter(pk=contribution.pk).update(moderated_at="2026-11-25T10:00Z")
    contribution.refresh_from_db()
    with pytest.raises(PermissionDenied):
        services.contribution_withdraw(contribution=contribution, participant=visitor)


def test_edit_follows_the_same_rules_as_submission(theme, visitor):
    contribution = submit(theme, visitor)
    with pytest.raises(ValidationError) as excinfo:
        services.contribution_update(
            contribution=contribution,
            participant=visitor,
            kind="idea",
            theme=theme,
            title="x",
            body="",
            geometry=Point(24.5, 61.5, srid=4326),
            exact_location_public=False,
        )
    assert {"title", "body", "geometry"} <= set(excinfo.value.message_dict)


def test_nobody_else_can_edit_or_withdraw(theme, visitor):
    contribution = submit(theme, visitor)
    with pytest.raises(PermissionDenied):
        services.contribution_withdraw(contribution=contribution, participant=ParticipantFactory())


def test_withdrawn_contribution_leaves_the_public_list(client, theme, visitor):
    contribution = submit(theme, visitor)
    services.contribution_withdraw(contribution=contribution, participant=visitor)
    features = client.get("/api/v1/contributions/").json()["features"]
    assert contribution.pk not in [f["id"] for f in features]


# Claiming and deleting ----------------------------------------------------------------------


def test_anonymous_input_is_claimed_into_an_account(theme, visitor, resident_participant):
    own = submit(theme, visitor)
    other = ContributionFactory(campaign=theme.campaign, theme=theme)
    services.comment_add(contribution=other, participant=visitor, body="Nice")
    services.support_add(contribution=other, participant=visitor)
    services.support_add(contribution=other, participant=resident_participant)

    moved = services.participant_claim(anonymous=visitor, user=resident_participant.user)

    assert moved == 2  # the contribution and the comment; the duplicate support merged
    own.refresh_from_db()
    assert own.participant == resident_participant
    assert Support.objects.filter(contribution=other).count() == 1
    assert not Participant.objects.filter(pk=visitor.pk).exists()


def test_deleted_account_leaves_contributions_anonymised(theme, resident_participant):
    contribution = submit(theme, resident_participant)
    user = resident_participant.user
    services.account_delete(user=user, remove_contributions=False)
    contribution.refresh_from_db()
    assert contribution.participant is None
    assert not get_user_model().objects.filter(pk=user.pk).exists()


def test_deleted_account_can_take_its_contributions_along(theme, resident_participant):
    submit(theme, resident_participant)
    services.account_delete(user=resident_participant.user, remove_contributions=True)
    assert not Contribution.objects.exists()


def test_a_closed_campaign_takes_no_comments_or_supports(contribution, visitor):
    campaign = contribution.campaign
    campaign.closes_at = "2020-01-01T00:00:00Z"
    campaign.save()
    contribution.refresh_from_db()
    with pytest.raises(ValidationError):
        services.comment_add(contribution=contribution, participant=visitor, body="Late")
    with pytest.raises(ValidationError):
        services.support_add(contribution=contribution, participant=visitor)
