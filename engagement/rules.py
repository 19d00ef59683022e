"""Permission predicates for engagement, checked by views and services alike."""

from django.contrib.auth.models import AnonymousUser, User
from django.utils.translation import gettext as _

from .models import Campaign


def contribute_refusal(user: User | AnonymousUser | None, campaign: Campaign) -> str | None:
    """Why this user may not contribute to the campaign now, or None when they may."""
    if not campaign.is_open():
        return _("This campaign is not open for input now.")
    if not (user and user.is_authenticated) and not campaign.allow_anonymous:
        return _("Sign in to take part in this campaign.")
    return None
