"""Permission predicates for engagement, checked by views and services alike."""

from django.contrib.auth.models import AnonymousUser, User
from django.utils.translation import gettext as _

from .models import Campaign, Contribution, Participant


def contribute_refusal(user: User | AnonymousUser | None, campaign: Campaign) -> str | None:
    """Why this user may not contribute to the campaign now, or None when they may."""
    if not campaign.is_open():
        return _("This campaign is not open for input now.")
    if not (user and user.is_authenticated) and not campaign.allow_anonymous:
        return _("Sign in to take part in this campaign.")
    return None


def can_change_contribution(participant: Participant | None, contribution: Contribution) -> bool:
    """Authors may edit or withdraw their own contribution until a moderator has acted on it."""
    return (
        participant is not None
        and contribution.participant_id == participant.pk
        and contribution.moderated_at is None
        and contribution.moderation_state
        in (Contribution.ModerationState.PENDING, Contribution.ModerationState.PUBLISHED)
    )
