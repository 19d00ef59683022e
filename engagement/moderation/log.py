"""The moderation log's one writer: every change to what the public sees leaves an entry.

Its own module so that residents' services (a withdrawal) and integration services (API keys)
write the log without importing the moderation services, which import them.
"""

from django.contrib.auth.models import User
from django.utils.translation import gettext as _

from engagement.models import Campaign, ModerationAction
from engagement.rules import moderator_role


def official_signature(actor: User | None, campaign: Campaign | None) -> str:
    """How the official appears in public and in the log: role and unit, never an address.
    Site-wide actions (no campaign) are the administrators'."""
    if campaign is None:
        return _("Administrator")
    if actor is None:
        return _("Residents' flags")
    role = moderator_role(actor, campaign)
    return role.signature if role else _("Administrator")


def log_action(
    *,
    actor: User | None,
    campaign: Campaign | None,
    action: str,
    target: object,
    reason: str = "",
    details: dict | None = None,
    signature: str | None = None,
) -> ModerationAction:
    """One append-only entry; `campaign` None for a site-wide one (an integration's API key).
    `signature` names an actor who acts as someone other than an official, e.g. the
    organisation reporting its pilot or a contribution's author; officials appear by role and
    unit."""
    return ModerationAction.objects.create(
        campaign=campaign,
        actor_id=actor.pk if actor else None,
        actor=signature or official_signature(actor, campaign),
        action=action,
        target_type=type(target).__name__.lower(),
        target_id=target.pk,
        reason=reason,
        details=details or {},
    )
