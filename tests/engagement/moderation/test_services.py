"""Moderation services: visibility, flags, duplicates, responses, blocks and the log."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import DatabaseError, transaction

from engagement.models import Campaign, Contribution, Follow, ModerationAction, Support
from engagement.moderation import services as moderation
from engagement.participation import services
from engagement.participation.services import participant_for_user
from tests.factories import (
    CommentFactory,
    ContributionFactory,
    ParticipantFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"


def public_ids(client) -> list[int]:
    return [f["id"] for f in client.get(API).json()["features"]]


def test_pre_moderation_shows_nothing_before_approval(client, theme, moderator, visitor):
    Campaign.objects.filter(pk=theme.campaign_id).update(moderation="pre")
    theme.campaign.refresh_from_db()
    from django.contrib.gis.geos import Point

    item = services.contribution_submit(
        campaign=theme.campaign,
        participant=visitor,
        kind="idea",
        theme=theme,
        title="Waiting",
        body="For a moderator.",
        geometry=Point(23.63, 61.5, srid=4326),
    )
    assert item.pk not in public_ids(client)
    assert "Waiting" not in client.get(f"/campaigns/{theme.campaign.slug}/").content.decode()
    assert client.get(f"{API}{item.pk}/").status_code == 404
    assert client.get(f"/contributions/{item.pk}/").status_code == 404

    moderation.contribution_moderate(actor=moderator, contribution=item, action="approve")
    assert item.pk in public_ids(client)
    assert "Waiting" in client.get(f"/campaigns/{theme.campaign.slug}/").content.decode()
    assert client.get(f"{API}{item.pk}/").status_code == 200
    assert client.get(f"/contributions/{item.pk}/").status_code == 200


def test_post_moderation_shows_at_once_and_hides_on_rejection(client, contribution, moderator):
    assert contribution.pk in public_ids(client)
    moderation.contribution_moderate(
        actor=moderator, contribution=contribution, action="hide", reason="spam"
    )
    assert contribution.pk not in public_ids(client)
    page = client.get(f"/en/contributions/{contribution.pk}/")
    assert page.status_code == 404
    html = page.content.decode()
    assert "Hidden by a moderator: spam or advertising." in html
    assert "Skate spot" not in html


def test_the_author_sees_why_their_contribution_was_hidden(theme, moderator):
    from django.test import Client

    author = Client()
    author.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "My idea",
            "body": "Text.",
            "lat": "61.5",
            "lon": "23.63",
        },
    )
    item = Contribution.objects.get(title="My idea")
    moderation.contribution_moderate(
        actor=moderator, contribution=item, action="hide", reason="personal_data"
    )
    html = author.get(f"/en/contributions/{item.pk}/").content.decode()
    assert "A moderator hid this contribution: personal data" in html
    assert "My idea" in html


def test_enough_flags_hide_an_item_pending_review(client, contribution, moderator):
    contribution.campaign.flag_threshold = 2
    contribution.campaign.save()
    flagger = ParticipantFactory()
    for _ in range(2):  # once
        moderation.flag_add(
            participant=flagger, contribution=contribution, reason="spam", address="203.0.113.1"
        )
    assert contribution.pk in public_ids(client)
    # Another person: another address (flags from one address count as one, decision 0013).
    moderation.flag_add(
        participant=ParticipantFactory(),
        contribution=contribution,
        reason="spam",
        address="203.0.113.2",
    )
    contribution.refresh_from_db()
    assert contribution.moderation_state == "pending"
    assert contribution.pk not in public_ids(client)
    assert ModerationAction.objects.filter(action="flag_hide").count() == 1

    moderation.contribution_moderate(actor=moderator, contribution=contribution, action="approve")
    assert contribution.pk in public_ids(client)
    assert not contribution.flags.filter(resolved_at=None).exists()


def test_flagged_comment_is_hidden_pending_review(contribution):
    contribution.campaign.flag_threshold = 1
    contribution.campaign.save()
    comment = CommentFactory(contribution=contribution, body="Rude words")
    moderation.flag_add(
        participant=ParticipantFactory(),
        contribution=contribution,
        comment=comment,
        reason="inappropriate",
    )
    comment.refresh_from_db()
    assert comment.moderation_state == "pending"


def test_duplicate_merge_keeps_every_support_exactly_once(client, theme, moderator):
    original = ContributionFactory(campaign=theme.campaign, theme=theme, title="Original")
    duplicate = ContributionFactory(campaign=theme.campaign, theme=theme, title="Copy")
    both, only_dup, only_orig = ParticipantFactory(), ParticipantFactory(), ParticipantFactory()
    for participant, target in [
        (both, original),
        (both, duplicate),
        (only_dup, duplicate),
        (only_orig, original),
    ]:
        Support.objects.create(contribution=target, participant=participant)

    moderation.contribution_mark_duplicate(
        actor=moderator, contribution=duplicate, original=original
    )

    supporters = list(
        Support.objects.filter(contribution=original).values_list("participant", flat=True)
    )
    assert sorted(supporters) == sorted([both.pk, only_dup.pk, only_orig.pk])
    assert not Support.objects.filter(contribution=duplicate).exists()
    response = client.get(f"/contributions/{duplicate.pk}/")
    assert response.status_code == 302
    assert response["Location"].endswith(f"/contributions/{original.pk}/")
    assert duplicate.pk not in public_ids(client)


def test_a_contribution_cannot_be_merged_into_itself_or_across_campaigns(contribution, moderator):
    with pytest.raises(ValidationError):
        moderation.contribution_mark_duplicate(
            actor=moderator, contribution=contribution, original=contribution
        )
    elsewhere = ContributionFactory()
    with pytest.raises(ValidationError):
        moderation.contribution_mark_duplicate(
            actor=moderator, contribution=contribution, original=elsewhere
        )


def test_correction_is_shown_as_such_and_logged_with_both_texts(client, contribution, moderator):
    moderation.contribution_correct(
        actor=moderator,
        contribution=contribution,
        title="Skate spot!",
        body="Fixed typo.",
        note="typo",
    )
    html = client.get(f"/en/contributions/{contribution.pk}/").content.decode()
    assert "A moderator corrected the text" in html
    entry = ModerationAction.objects.get(action="edit")
    assert entry.details["before"]["title"] == "Skate spot"
    assert entry.details["after"]["title"] == "Skate spot!"


def test_response_is_public_signed_and_mailed_once_to_author_and_followers(
    client, theme, moderator, django_capture_on_commit_callbacks
):
    author = UserFactory(username="author", email="author@example.org")
    follower = UserFactory(username="follower", email="follower@example.org")
    item = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        participant=participant_for_user(user=author),
        language="fi",
    )
    Follow.objects.create(
        contribution=item, participant=participant_for_user(user=follower), language="sv"
    )
    Follow.objects.create(contribution=item, participant=participant_for_user(user=author))

    with pytest.raises(ValidationError):
        moderation.contribution_respond(
            actor=moderator, contribution=item, status="planned", text=""
        )
    with django_capture_on_commit_callbacks(execute=True):
        moderation.contribution_respond(
            actor=moderator, contribution=item, status="planned", text="We build it in spring."
        )
    # The same answer twice is one change, and sends nothing more.
    with django_capture_on_commit_callbacks(execute=True):
        moderation.contribution_respond(
            actor=moderator, contribution=item, status="planned", text="We build it in spring."
        )

    assert sorted(m.to[0] for m in mail.outbox) == ["author@example.org", "follower@example.org"]
    by_address = {m.to[0]: m for m in mail.outbox}
    assert "Suunnitteilla" in by_address["author@example.org"].subject
    assert "Planerad" in by_address["follower@example.org"].subject
    assert "moderator-a" not in by_address["author@example.org"].body
    html = client.get(f"/en/contributions/{item.pk}/").content.decode()
    assert "We build it in spring." in html
    assert "Area coordinator, Western team" in html
    item.refresh_from_db()
    assert item.status == "planned"


def test_blocked_participant_can_no_longer_take_part_and_vanishes(client, theme, moderator):
    blocked = ParticipantFactory()
    item = ContributionFactory(campaign=theme.campaign, theme=theme, participant=blocked)
    other = ContributionFactory(campaign=theme.campaign, theme=theme)
    Support.objects.create(contribution=other, participant=blocked)
    comment = CommentFactory(contribution=other, participant=blocked, body="Blocked words")

    moderation.participant_block(
        actor=moderator, campaign=theme.campaign, participant=blocked, reason="abuse"
    )

    assert item.pk not in public_ids(client)
    features = {f["id"]: f for f in client.get(API).json()["features"]}
    assert features[other.pk]["properties"]["supports"] == 0
    comment.refresh_from_db()
    assert comment.moderation_state == "hidden"
    with pytest.raises(ValidationError):
        services.comment_add(contribution=other, participant=blocked, body="Again")


def test_moderators_of_another_campaign_and_analysts_cannot_moderate(
    contribution, other_moderator, analyst, resident
):
    for user in (other_moderator, analyst, resident):
        with pytest.raises(PermissionDenied):
            moderation.contribution_moderate(
                actor=user, contribution=contribution, action="hide", reason="spam"
            )
        with pytest.raises(PermissionDenied):
            moderation.contribution_respond(
                actor=user, contribution=contribution, status="done", text="x"
            )


def test_area_moderators_moderate_every_campaign_of_their_area(contribution, area_moderator):
    moderation.contribution_moderate(
        actor=area_moderator, contribution=contribution, action="hide", reason="spam"
    )
    assert ModerationAction.objects.get().actor == "Area coordinator, Western team"


def test_the_log_records_each_action_and_refuses_changes(contribution, moderator):
    moderation.contribution_moderate(
        actor=moderator, contribution=contribution, action="hide", reason="spam", note="ads"
    )
    moderation.contribution_moderate(actor=moderator, contribution=contribution, action="restore")
    entries = list(ModerationAction.objects.order_by("id"))
    assert [(e.action, e.target_id, e.actor_id) for e in entries] == [
        ("hide", contribution.pk, moderator.pk),
        ("restore", contribution.pk, moderator.pk),
    ]
    assert entries[0].reason == "ads"
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=entries[0].pk).update(reason="nothing happened")
    with pytest.raises(DatabaseError), transaction.atomic():
        ModerationAction.objects.filter(pk=entries[0].pk).delete()
    assert ModerationAction.objects.get(pk=entries[0].pk).reason == "ads"


def test_the_log_exports_as_csv_with_formulas_made_inert(client, contribution, moderator):
    import csv
    import io

    moderation.contribution_moderate(
        actor=moderator,
        contribution=contribution,
        action="hide",
        reason="spam",
        note='=HYPERLINK("http://x")',
    )
    moderation.contribution_correct(
        actor=moderator, contribution=contribution, title="Skate spot", body="A ramp.", note="=1+1"
    )
    client.force_login(moderator)
    response = client.get("/moderation/log/?format=csv")
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    header, edit, hide = list(csv.reader(io.StringIO(text)))
    # The header and labels in the reader's language (Finnish here), the codes beside them.
    assert header[:5] == ["Milloin", "Kysely", "Kuka", "Mitä", "action"]
    assert (edit[4], hide[4]) == ("edit", "hide")
    why = header.index("Miksi")
    assert edit[why] == "'=1+1"
    assert hide[why] == 'roskapostia tai mainontaa: =HYPERLINK("http://x")'
