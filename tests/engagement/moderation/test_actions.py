"""One dispatcher maps a moderator's action to its service for the pages and the API."""

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation

from engagement.models import Contribution, ModerationAction
from engagement.moderation.actions import moderation_action_perform
from tests.factories import ContributionFactory, PhotoFactory

pytestmark = pytest.mark.django_db


def test_an_action_the_log_does_not_know_is_refused(contribution, moderator):
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        moderation_action_perform(
            actor=moderator, contribution=contribution, action="delete", data={}
        )
    assert refused.value.message_dict == {"action": ["Unknown action."]}
    assert not ModerationAction.objects.exists()


def test_the_queue_refuses_an_unknown_action_and_changes_nothing(moderator_client, contribution):
    response = moderator_client.post(
        "/en/moderation/", {"single": f"contribution:{contribution.pk}:delete"}, follow=True
    )
    assert "Unknown action." in [str(m) for m in response.context["messages"]]
    contribution.refresh_from_db()
    assert contribution.moderation_state == Contribution.ModerationState.PUBLISHED
    assert not ModerationAction.objects.exists()


@pytest.mark.parametrize("door", ["page", "api"])
def test_hiding_a_photo_through_either_door_hides_it_and_logs_it(door, contribution, moderator):
    photo = PhotoFactory(contribution=contribution)
    client = Client()
    client.force_login(moderator)
    if door == "page":
        client.post(
            f"/moderation/contributions/{contribution.pk}/",
            {"action": "hide_photo", "photo": photo.pk, "reason": "personal_data"},
        )
    else:
        client.post(
            f"/api/v1/moderation/photos/{photo.pk}/",
            {"reason": "personal_data"},
            content_type="application/json",
        )
    photo.refresh_from_db()
    assert photo.hidden
    (entry,) = ModerationAction.objects.all()
    assert (entry.action, entry.target_id, entry.reason) == (
        "hide_photo",
        photo.pk,
        "personal_data",
    )


@pytest.mark.parametrize("photo", ["elsewhere", "not-a-number", ""])
def test_a_photo_that_is_not_the_contributions_is_refused_on_the_page(
    photo, moderator_client, contribution
):
    other = PhotoFactory(contribution=ContributionFactory(campaign=contribution.campaign))
    response = moderator_client.post(
        f"/en/moderation/contributions/{contribution.pk}/",
        {
            "action": "hide_photo",
            "photo": other.pk if photo == "elsewhere" else photo,
            "reason": "personal_data",
        },
    )
    assert response.status_code == 400
    assert "Choose a photo of this contribution." in [str(m) for m in response.context["messages"]]
    other.refresh_from_db()
    assert not other.hidden


def test_marking_a_duplicate_without_an_original_is_refused_by_the_api(
    moderator_client, contribution
):
    response = moderator_client.post(
        f"/api/v1/moderation/contributions/{contribution.pk}/",
        {"action": "duplicate"},
        content_type="application/json",
        headers={"accept-language": "en"},
    )
    assert response.status_code == 400
    assert response.json() == {"original": ["Choose the original contribution."]}


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("//evil.example/", "/en/moderation/"),
        ("https://evil.example/moderation/", "/en/moderation/"),
        ("/\\evil.example/", "/en/moderation/"),
        ("/en/moderation/?theme=3", "/en/moderation/?theme=3"),
    ],
)
def test_the_queue_goes_back_only_to_this_site(moderator_client, contribution, target, expected):
    response = moderator_client.post(
        "/en/moderation/",
        {"single": f"contribution:{contribution.pk}:approve", "next": target},
    )
    assert response.status_code == 302
    # The queue adds its own fragment (#queue) to the address it goes back to.
    assert response["Location"].split("#")[0] == expected
