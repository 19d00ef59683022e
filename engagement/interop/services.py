"""Integration API keys: made once and shown once, stored only as a hash; making and revoking
one is in the log (a site-wide entry, seen in the admin)."""

import secrets

from django.contrib.auth.models import User
from django.db import transaction
from django.utils import timezone

from engagement.models import ApiKey, ModerationAction, Participant
from engagement.moderation.log import log_action
from engagement.participation.services import _token_hash

Action = ModerationAction.Action

# Integration keys ---------------------------------------------------------------------------


def _log(*, actor: User | None, action: str, api_key: ApiKey) -> None:
    """A site-wide entry: whose key and which, never the key."""
    details = {"name": api_key.name, "organisation": api_key.organisation, "prefix": api_key.prefix}
    log_action(actor=actor, campaign=None, action=action, target=api_key, details=details)


@transaction.atomic
def api_key_create(
    *, name: str, organisation: str, actor: User | None = None
) -> tuple[ApiKey, str]:
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
    _log(actor=actor, action=Action.API_KEY_CREATE, api_key=api_key)
    return api_key, key


@transaction.atomic
def api_key_revoke(*, actor: User | None, key: ApiKey) -> bool:
    """Refuse the key from now on; True when this call revoked it (a revoked key stays so)."""
    revoked = ApiKey.objects.filter(pk=key.pk, revoked_at=None).update(revoked_at=timezone.now())
    if not revoked:
        return False
    key.refresh_from_db(fields=["revoked_at"])
    _log(actor=actor, action=Action.API_KEY_REVOKE, api_key=key)
    return True


def api_key_check(*, key: str) -> ApiKey | None:
    """The live key matching this secret, or None (unknown or revoked)."""
    if not key:
        return None
    return (
        ApiKey.objects.select_related("participant")
        .filter(key_hash=_token_hash(key), revoked_at=None)
        .first()
    )
