"""Integrations write through the REST API with a per-organisation key, revocable in the admin."""

import json

import pytest
from django.utils import timezone

from engagement.interop.services import api_key_create
from engagement.models import ApiKey, Contribution

pytestmark = pytest.mark.django_db
URL = "/api/v1/contributions/"


def payload(theme, **extra):
    data = {
        "campaign": theme.campaign.slug,
        "kind": "need",
        "theme": theme.slug,
        "title": "Broken street light",
        "body": "Reported by the city's feedback system.",
        "geometry": {"type": "Point", "coordinates": [23.63, 61.5]},
    }
    data.update(extra)
    return json.dumps(data)


def test_a_key_writes_as_its_organisation_and_is_not_rate_limited(client, theme, settings):
    settings.ANONYMOUS_RATE_LIMITS = {"contribution": (1, 3600), "comment": (1, 3600)}
    api_key, key = api_key_create(name="Feedback bridge", organisation="City of Tampere")
    for _ in range(3):
        response = client.post(
            URL,
            payload(theme),
            content_type="application/json",
            headers={"authorization": f"Api-Key {key}"},
        )
        assert response.status_code == 201, response.content
    assert Contribution.objects.filter(participant=api_key.participant).count() == 3


def test_an_unknown_or_revoked_key_is_refused(client, theme):
    api_key, key = api_key_create(name="Old bridge", organisation="City of Tampere")
    ApiKey.objects.filter(pk=api_key.pk).update(revoked_at=timezone.now())
    for bad in (key, "not-a-key"):
        response = client.post(
            URL,
            payload(theme),
            content_type="application/json",
            headers={"authorization": f"Api-Key {bad}", "accept-language": "en"},
        )
        # 403, as DRF answers when the first scheme (the session) sends no challenge.
        assert response.status_code == 403
        assert "API key" in response.json()["detail"]
    assert not Contribution.objects.exists()


def test_keys_are_stored_hashed_and_shown_once_in_the_admin(admin_client):
    response = admin_client.post(
        "/en/admin/engagement/apikey/add/",
        {"name": "Bridge", "organisation": "Tampere"},
        follow=True,
    )
    stored = ApiKey.objects.get()
    message = next(str(m) for m in response.context["messages"])
    key = message.split("The new key is ")[1].split(".")[0] if "new key" in message else ""
    assert key and key.startswith(stored.prefix)
    assert key not in stored.key_hash
    admin_client.post(
        "/en/admin/engagement/apikey/", {"action": "revoke", "_selected_action": [stored.pk]}
    )
    stored.refresh_from_db()
    assert stored.revoked_at is not None


def test_the_schema_documents_the_key_scheme(client):
    schema = client.get("/api/v1/schema/", headers={"accept": "application/json"}).json()
    assert "apiKey" in schema["components"]["securitySchemes"]
