"""Every moderation and response endpoint, HTML and API, walked with every role.

Allowed: moderators of the campaign, moderators of its area, administrators. Everyone else is
refused, and a refused request changes nothing.
"""

import pytest

from engagement.models import Contribution, ModerationAction, Photo
from tests.factories import CommentFactory, ContributionFactory, PhotoFactory

pytestmark = pytest.mark.django_db

ROLES = [
    # persona fixture (None: anonymous), allowed?
    (None, False),
    ("resident", False),
    ("analyst", False),
    ("other_moderator", False),
    ("moderator", True),
    ("area_moderator", True),
    ("administrator", True),
]

ENDPOINTS = [
    # (name, method, url template, data, status when allowed, changes something?)
    ("queue page", "get", "/moderation/", None, 200, False),
    ("queue approve", "post", "/moderation/", {"single": "contribution:{c}:approve"}, 302, True),
    (
        "queue bulk hide",
        "post",
        "/moderation/",
        {"ids": "{c}", "bulk_action": "hide", "bulk_reason": "spam"},
        302,
        True,
    ),
    (
        "queue hide comment",
        "post",
        "/moderation/",
        {"single": "comment:{k}:hide", "reason-comment-{k}": "spam"},
        302,
        True,
    ),
    ("item page", "get", "/moderation/contributions/{c}/", None, 200, False),
    (
        "item hide",
        "post",
        "/moderation/contributions/{c}/",
        {"action": "hide", "reason": "spam"},
        302,
        True,
    ),
    (
        "item respond",
        "post",
        "/moderation/contributions/{c}/",
        {"action": "respond", "status": "planned", "text": "Soon."},
        302,
        True,
    ),
    (
        "item correct",
        "post",
        "/moderation/contributions/{c}/",
        {"action": "edit", "correct-title": "New title", "correct-body": "New body"},
        302,
        True,
    ),
    (
        "item block",
        "post",
        "/moderation/contributions/{c}/",
        {"action": "block", "block-reason": "abuse"},
        302,
        True,
    ),
    (
        "item hide photo",
        "post",
        "/moderation/contributions/{c}/",
        {"action": "hide_photo", "photo": "{p}", "reason": "personal_data"},
        302,
        True,
    ),
    ("log page", "get", "/moderation/log/", None, 200, False),
    ("log csv", "get", "/moderation/log/?format=csv", None, 200, False),
    ("api queue", "get", "/api/v1/moderation/queue/", None, 200, False),
    (
        "api hide",
        "post",
        "/api/v1/moderation/contributions/{c}/",
        {"action": "hide", "reason": "spam"},
        200,
        True,
    ),
    (
        "api respond",
        "post",
        "/api/v1/moderation/contributions/{c}/",
        {"action": "respond", "status": "done", "text": "Done."},
        200,
        True,
    ),
    (
        "api duplicate",
        "post",
        "/api/v1/moderation/contributions/{c}/",
        {"action": "duplicate", "original": "{o}"},
        200,
        True,
    ),
    (
        "api comment",
        "post",
        "/api/v1/moderation/comments/{k}/",
        {"action": "hide", "reason": "spam"},
        204,
        True,
    ),
    ("api photo", "post", "/api/v1/moderation/photos/{p}/", {"reason": "personal_data"}, 204, True),
    ("api log", "get", "/api/v1/moderation/log/", None, 200, False),
]


@pytest.fixture
def world(theme):
    item = ContributionFactory(campaign=theme.campaign, theme=theme, title="Quixotic item")
    original = ContributionFactory(campaign=theme.campaign, theme=theme, title="Original")
    comment = CommentFactory(contribution=item)
    photo = PhotoFactory(contribution=item)
    return {"c": item.pk, "o": original.pk, "k": comment.pk, "p": photo.pk}


def fill(template, ids):
    if isinstance(template, str):
        return template.format(**ids)
    return {fill(k, ids): fill(v, ids) for k, v in template.items()}


def snapshot():
    return (
        list(
            Contribution.objects.order_by("pk").values_list(
                "moderation_state", "title", "status", "duplicate_of"
            )
        ),
        ModerationAction.objects.count(),
        list(Photo.objects.values_list("hidden", flat=True)),
    )


@pytest.mark.parametrize(("persona", "allowed"), ROLES, ids=[r[0] or "anonymous" for r in ROLES])
@pytest.mark.parametrize(
    ("name", "method", "url", "data", "ok_status", "changes"),
    ENDPOINTS,
    ids=[e[0] for e in ENDPOINTS],
)
def test_permission_matrix(
    request, client, world, persona, allowed, name, method, url, data, ok_status, changes
):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    else:
        # The fixtures of the allowed roles must exist for the campaign either way.
        request.getfixturevalue("moderator")
    before = snapshot()
    url = fill(url, world)
    if method == "get":
        response = client.get(url)
    elif url.startswith("/api/"):
        response = client.post(url, fill(data, world), content_type="application/json")
    else:
        response = client.post(url, fill(data, world))

    if allowed:
        assert response.status_code == ok_status, (name, response.content[:300])
        if changes:
            assert snapshot() != before, name
    elif persona == "other_moderator" and method == "get" and "/contributions/" not in url:
        # Their own queue and log open, without anything of this campaign.
        assert response.status_code == 200
        assert (
            b"Quixotic item" not in b"".join(response)
            if hasattr(response, "streaming_content")
            else b"Quixotic item" not in response.content
        )
    else:
        expected = {302} if persona is None and not url.startswith("/api/") else {403}
        assert response.status_code in expected, (name, response.status_code)
        if response.status_code == 302:
            assert "/accounts/login/" in response["Location"]
        assert snapshot() == before, name


def test_the_log_cannot_be_changed_through_the_api(client, world, moderator):
    client.force_login(moderator)
    client.post(
        f"/api/v1/moderation/contributions/{world['c']}/",
        {"action": "hide", "reason": "spam"},
        content_type="application/json",
    )
    entry = ModerationAction.objects.get()
    for method in ("put", "patch", "delete"):
        response = getattr(client, method)(
            "/api/v1/moderation/log/", {}, content_type="application/json"
        )
        assert response.status_code == 405
        response = getattr(client, method)(f"/api/v1/moderation/log/{entry.pk}/")
        assert response.status_code == 404
    assert ModerationAction.objects.get().reason == entry.reason


def test_a_moderator_sees_only_the_log_of_their_own_campaigns(
    client, world, moderator, other_moderator
):
    client.force_login(moderator)
    client.post(
        f"/api/v1/moderation/contributions/{world['c']}/",
        {"action": "hide", "reason": "spam"},
        content_type="application/json",
    )
    client.force_login(other_moderator)
    assert client.get("/api/v1/moderation/log/").json() == []
    assert "Quixotic item" not in client.get("/moderation/").content.decode()
