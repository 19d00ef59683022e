"""Reads for moderators: the queue, one contribution with everything hidden, the log."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser, User
from django.contrib.gis.db.models import GeometryField
from django.core.exceptions import PermissionDenied
from django.db.models import (
    Count,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from engagement.models import Campaign, Comment, Contribution, Flag, ModerationAction
from engagement.moderation.log_labels import (
    log_reason_label,
    log_target_link,
    merged_into,
    target_kind_label,
)
from engagement.moderation.routing_selectors import queue_filter_unit, queue_order
from engagement.participation.search import contributions_search
from engagement.rules import moderated_campaigns
from geo.selectors import MetresBetween, WithinMetres

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


# One contribution's page --------------------------------------------------------------------

DUPLICATE_CANDIDATES_MAX = 20


def duplicate_candidates(*, contribution: Contribution) -> list[Contribution]:
    """Contributions this one may be a duplicate of: published, not themselves duplicates, of
    the same campaign and theme, whose exact geometry lies within the campaign's distance of
    this one's exact geometry, nearest first (each with `distance_m`). The same rule as
    contribution_mark_duplicate's, so every candidate can be chosen in one step."""
    metres = contribution.campaign.duplicate_distance_m
    here = Value(contribution.geometry, output_field=GeometryField(srid=4326))
    return list(
        Contribution.objects.filter(
            campaign_id=contribution.campaign_id,
            theme_id=contribution.theme_id,
            moderation_state=Contribution.ModerationState.PUBLISHED,
            duplicate_of=None,
        )
        .exclude(pk=contribution.pk)
        .filter(WithinMetres(F("geometry"), here, Value(metres)))
        .annotate(distance_m=MetresBetween(F("geometry"), here))
        .select_related("theme")
        .order_by("distance_m", "created_at", "pk")[:DUPLICATE_CANDIDATES_MAX]
    )


@dataclass(frozen=True)
class HistoryEntry:
    """One line of a contribution's history: when, who, what (translated), and its details."""

    at: datetime
    kind: str  # "arrived", "log", "status", "flag"
    who: str
    what: str
    text: str = ""
    link: str = ""
    link_text: str = ""


def contribution_history(*, contribution: Contribution) -> list[HistoryEntry]:
    """The contribution's whole story for its moderators, oldest first: its arrival, every
    moderation log entry on it (edits, hiding, merges, blocks), every public status answer and
    every flag, each in the reader's language. A status answer is both a log entry and a status
    change: it appears once, with its public text."""
    entries = [
        HistoryEntry(contribution.created_at, "arrived", _("Author"), _("sent the contribution"))
    ]
    about = Q(target_type="contribution", target_id=contribution.pk)
    about |= Q(target_type="comment", target_id__in=contribution.comments.values("pk"))
    about |= Q(target_type="photo", target_id__in=contribution.photos.values("pk"))
    if contribution.participant_id:
        about |= Q(target_type="participant", target_id=contribution.participant_id)
    log = ModerationAction.objects.filter(about, campaign_id=contribution.campaign_id)
    for action in log:
        if action.action == ModerationAction.Action.RESPOND:
            continue  # its status change below says it with the public text
        entries.append(log_entry_history(action))
    for change in contribution.status_changes.all():
        entries.append(
            HistoryEntry(
                change.created_at,
                "status",
                change.signature,
                _("answered with the status “%(status)s”")
                % {"status": change.get_status_display()},
                change.text,
            )
        )
    for flag in contribution.flags.select_related("comment"):
        what = _("flagged a comment") if flag.comment_id else _("flagged the contribution")
        text = str(flag.get_reason_display())
        if flag.text:
            text = f"{text}: {flag.text}"
        entries.append(HistoryEntry(flag.created_at, "flag", _("A resident"), what, text))
    return sorted(entries, key=lambda entry: entry.at)


def log_entry_history(action: ModerationAction) -> HistoryEntry:
    """A log entry as a line of the history: what it concerns when not the contribution itself
    (a comment, a photo, the author), and the original of a merge as a link."""
    link, link_text = "", ""
    if original := merged_into(action):
        link, link_text = log_target_link("contribution", original)
    what = str(action.get_action_display())
    if action.target_type != "contribution":
        what = f"{what} ({target_kind_label(action.target_type).lower()})"
    return HistoryEntry(
        action.created_at, "log", action.actor, what, log_reason_label(action), link, link_text
    )
