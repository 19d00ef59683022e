"""Every change to what the public sees leaves one log entry: a withdrawal (signed as the author,
never by name) and an integration key made or revoked (site-wide, for administrators)."""

import pytest
from django.utils import translation

from engagement.interop.services import api_key_create, api_key_revoke
from engagement.models import ApiKey, ModerationAction
from engagement.participation import services
from engagement.participation.services import participant_for_user
from tests.factories import ContributionFactory, ModerationActionFactory

pytestmark = pytest.mark.django_db
Action = ModerationAction.Action


def test_a_withdrawal_is_logged_as_the_authors_without_their_name(theme, resident):
    author = participant_for_user(user=resident)
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme, participant=author)
    with translation.override("en"):
        services.contribution_withdraw(contribution=contribution, participant=author)
    (entry,) = ModerationAction.objects.all()
    assert (entry.action, entry.campaign, entry.target_type, entry.target_id) == (
        Action.WITHDRAW,
        theme.campaign,
        "contribution",
        contribution.pk,
    )
    assert entry.actor == "The author"
    assert resident.first_name not in entry.actor and resident.username not in entry.actor


@pytest.mark.parametrize("door", ["page", "api"])
def test_withdrawing_through_either_door_shows_in_the_moderators_log(
    door, client, theme, resident, moderator
):
    author = participant_for_user(user=resident)
    contribution = ContributionFactory(campaign=theme.campaign, theme=theme, participant=author)
    client.force_login(resident)
    if door == "page":
        response = client.post(f"/contributions/{contribution.pk}/withdraw/")
        assert response.status_code == 302
    else:
        response = client.delete(f"/api/v1/contributions/{contribution.pk}/")
        assert response.status_code == 204
    client.force_login(moderator)
    log = client.get("/api/v1/moderation/log/").json()
    assert [(e["action"], e["target_id"]) for e in log] == [("withdraw", contribution.pk)]


def test_making_and_revoking_a_key_in_the_admin_are_site_wide_log_entries(
    administrator_client, administrator
):
    administrator_client.post(
        "/en/admin/engagement/apikey/add/", {"name": "Bridge", "organisation": "Tampere"}
    )
    key = ApiKey.objects.get()
    for _twice in range(2):  # a revoked key stays revoked, and is logged once
        administrator_client.post(
            "/en/admin/engagement/apikey/", {"action": "revoke", "_selected_action": [key.pk]}
        )
    key.refresh_from_db()
    assert key.revoked_at is not None
    entries = ModerationAction.objects.order_by("id")
    assert [(e.action, e.campaign, e.actor_id, e.target_id) for e in entries] == [
        (Action.API_KEY_CREATE, None, administrator.pk, key.pk),
        (Action.API_KEY_REVOKE, None, administrator.pk, key.pk),
    ]
    assert entries[0].details == {"name": "Bridge", "organisation": "Tampere", "prefix": key.prefix}
    # The admin's log lists site-wide entries, which belong to no campaign.
    response = administrator_client.get("/en/admin/engagement/moderationaction/")
    assert response.status_code == 200
    assert "made an integration API key" in response.content.decode()


def test_the_key_itself_is_never_in_the_log(administrator):
    api_key, key = api_key_create(name="Bridge", organisation="Tampere", actor=administrator)
    api_key_revoke(actor=administrator, key=api_key)
    for entry in ModerationAction.objects.all():
        assert key not in str(entry.details) and key not in entry.reason


def test_the_admin_revokes_a_key_only_through_its_action(administrator_client):
    api_key, _key = api_key_create(name="Bridge", organisation="Tampere")
    administrator_client.post(
        f"/en/admin/engagement/apikey/{api_key.pk}/change/",
        {"name": "Bridge", "organisation": "Tampere", "revoked_at": "2026-01-01 10:00"},
    )
    api_key.refresh_from_db()
    assert api_key.revoked_at is None
    assert not ModerationAction.objects.filter(action=Action.API_KEY_REVOKE).exists()


def test_moderators_pages_and_api_leave_site_wide_entries_to_the_admin(
    client, contribution, moderator
):
    ModerationActionFactory(site_wide=True)
    ModerationActionFactory(target=contribution)
    client.force_login(moderator)
    page = client.get("/en/moderation/log/")
    csv = client.get("/moderation/log/?format=csv")
    api = client.get("/api/v1/moderation/log/")
    assert page.status_code == csv.status_code == api.status_code == 200
    assert [e["campaign"] for e in api.json()] == [contribution.campaign.slug]
    assert "made an integration API key" not in page.content.decode()
    assert len(b"".join(csv.streaming_content).decode().strip().splitlines()) == 2
