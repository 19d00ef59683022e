"""Reads for moderators: the queue, one contribution with everything hidden, the log."""

from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce

from engagement.models import Campaign, Comment, Contribution, Flag, ModerationAction
from engagement.moderation.routing_selectors import queue_filter_unit, queue_order
from engagement.participation.search import contributions_search
from engagement.rules import moderated_campaigns

# Moderation ---------------------------------------------------------------------------------

# An item needs a moderator while it has open flags, or until one has first looked at it.
NEEDS_ATTENTION = Q(open_flags__gt=0) | Q(
    moderated_at=None,
    moderation_state__in=[
        Contribution.ModerationState.PENDING,
        Contribution.ModerationState.PUBLISHED,
    ],
)


def campaigns_moderated_or_refuse(*, user: User | AnonymousUser) -> QuerySet[Campaign]:
    """The campaigns the user moderates; PermissionDenied for one who moderates none (the
    moderation pages and API are theirs only)."""
    campaigns = moderated_campaigns(user)
    if not campaigns.exists():
        raise PermissionDenied
    return campaigns


def _open_flags(**conditions) -> Coalesce:
    counted = (
        Flag.objects.filter(resolved_at=None, **conditions)
        .order_by()
        .values("contribution")
        .annotate(n=Count("*"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


@dataclass(frozen=True)
class QueueFilters:
    campaign: Campaign | None = None
    theme: str | None = None
    kind: str | None = None
    state: str | None = None
    flagged: bool = False
    q: str = ""  # words in any inflected form (engagement.participation.search)
    unit: str | None = None  # a unit's id, or routing_selectors.UNASSIGNED
    sort: str = "oldest"


def moderation_queue(
    *, campaigns: QuerySet[Campaign], filters: QueueFilters
) -> QuerySet[Contribution]:
    """Contributions needing a moderator in these campaigns, flagged ones first.

    Without a state filter: everything not yet looked at, and anything with open flags.
    """
    qs = (
        Contribution.objects.filter(campaign__in=campaigns)
        .select_related("campaign", "theme", "participant__user")
        .annotate(open_flags=_open_flags(contribution=OuterRef("pk"), comment=None))
    )
    if filters.campaign is not None:
        qs = qs.filter(campaign=filters.campaign)
    if filters.theme:
        qs = qs.filter(theme__slug=filters.theme)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    qs = qs.filter(Q(moderation_state=filters.state) if filters.state else NEEDS_ATTENTION)
    if filters.flagged:
        qs = qs.filter(open_flags__gt=0)
    if filters.q:
        qs = contributions_search(qs, filters.q)
    qs = queue_filter_unit(qs, filters.unit)
    return qs.order_by(*queue_order(filters.sort))


def contribution_for_moderation(*, pk: int) -> Contribution:
    """One contribution with its count of open flags."""
    return Contribution.objects.annotate(
        open_flags=_open_flags(contribution=OuterRef("pk"), comment=None)
    ).get(pk=pk)


def moderation_comment_queue(*, campaigns: QuerySet[Campaign]) -> QuerySet[Comment]:
    """Comments not yet looked at, or flagged, flagged first."""
    return (
        Comment.objects.filter(contribution__campaign__in=campaigns)
        .select_related("contribution", "participant__user")
        .annotate(open_flags=_open_flags(comment=OuterRef("pk")))
        .filter(NEEDS_ATTENTION)
        .order_by("-open_flags", "created_at", "id")
    )


def moderation_log(
    *, campaigns: QuerySet[Campaign], campaign_slug: str | None = None
) -> QuerySet[ModerationAction]:
    """The log of these campaigns, or of the one of them a slug names. Site-wide entries (API
    keys, no campaign) are not any campaign's: administrators read them in the admin."""
    entries = ModerationAction.objects.filter(campaign__in=campaigns).select_related("campaign")
    if campaign_slug:
        entries = entries.filter(campaign__slug=campaign_slug)
    return entries
