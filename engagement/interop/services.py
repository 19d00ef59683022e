"""Integration API keys: made once and shown once, stored only as a hash; making and revoking
one is in the log (a site-wide entry, seen in the admin)."""

import secrets
from datetime import timedelta

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


# The last use is written at most this often per key, not on every request.
LAST_USE_PRECISION = timedelta(minutes=1)


def api_key_check(*, key: str) -> ApiKey | None:
    """The live key matching this secret, or None (unknown or revoked); notes its last use."""
    if not key:
        return None
    api_key = (
        ApiKey.objects.select_related("participant")
        .filter(key_hash=_token_hash(key), revoked_at=None)
        .first()
    )
    if api_key is not None:
        now = timezone.now()
        if api_key.last_used_at is None or now - api_key.last_used_at >= LAST_USE_PRECISION:
            ApiKey.objects.filter(pk=api_key.pk).update(last_used_at=now)
            api_key.last_used_at = now
    return api_key
