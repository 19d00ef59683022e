"""Permission predicates for organisations, pilots, toolkit content and workshop plans."""

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser, User

from engagement.rules import can_moderate
from toolkit.models import MethodCard, Organisation, Pilot, Publication, Story, WorkshopPlan
from toolkit.pilots.status import PUBLIC_STATUSES, UNDER_REVIEW


def is_member(user: User | AnonymousUser | None, organisation: Organisation) -> bool:
    return bool(user and user.is_authenticated) and organisation.members.filter(pk=user.pk).exists()


def can_edit_pilot(user: User | AnonymousUser | None, pilot: Pilot) -> bool:
    """Members of the proposing organisation, while the proposal is open for changes."""
    return pilot.status in UNDER_REVIEW and is_member(user, pilot.organisation)


def can_review_pilot(user: User | AnonymousUser | None, pilot: Pilot) -> bool:
    """The campaign's moderators review pilots proposed in it."""
    return can_moderate(user, pilot.campaign)


def pilot_is_public(pilot: Pilot) -> bool:
    """Approved, reported and declined pilots are public; declined ones with the reason."""
    return pilot.status in PUBLIC_STATUSES


def can_see_pilot(user: User | AnonymousUser | None, pilot: Pilot) -> bool:
    """Anyone sees a public pilot; its organisation's members and its reviewers see it (and
    its photos) before and whatever the review decides."""
    return (
        pilot_is_public(pilot)
        or is_member(user, pilot.organisation)
        or can_review_pilot(user, pilot)
    )


def can_see_content(user: User | AnonymousUser | None, item: MethodCard | Story) -> bool:
    """A published method card or story is public; a draft only for those who may edit it."""
    return item.status == Publication.PUBLISHED or bool(
        user and user.has_perm(f"toolkit.change_{item._meta.model_name}")
    )


def can_edit_workshop(
    user: User | AnonymousUser | None, plan: WorkshopPlan, session_tokens: Iterable[str] = ()
) -> bool:
    """A workshop plan's creator changes it: the signed-in user who made it, or, for one made
    signed out, the browser session that made it. Everyone else only reads it by its link."""
    if plan.created_by_id is not None:
        return bool(user and user.is_authenticated) and user.pk == plan.created_by_id
    return plan.token in set(session_tokens)
