"""Integration API keys: made once and shown once, stored only as a hash."""

import secrets

from django.db import transaction

from engagement.models import ApiKey, Participant
from engagement.participation.services import _token_hash

# Integration keys ---------------------------------------------------------------------------


@transaction.atomic
def api_key_create(*, name: str, organisation: str) -> tuple[ApiKey, str]:
    """A new key for an integration; returns the row and the key, which is shown only once."""
    key = secrets.token_urlsafe(32)
    participant = Participant.objects.create(token_hash=_token_hash(f"api:{key}"))
    api_key = ApiKey.objects.create(
        name=name,
        organisation=organisation,
        key_hash=_token_hash(key),
        prefix=key[:8],
        participant=participant,
    )
    return api_key, key


def api_key_check(*, key: str) -> ApiKey | None:
    """The live key matching this secret, or None (unknown or revoked)."""
    if not key:
        return None
    return (
        ApiKey.objects.select_related("participant")
        .filter(key_hash=_token_hash(key), revoked_at=None)
        .first()
    )
