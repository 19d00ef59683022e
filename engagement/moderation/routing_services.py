"""Writes of the officials' desk: a contribution's city unit, internal notes, re-routing.

The unit is routed on arrival by the database (migration 0017, decision 0030); the trigger
keeps the stored unit against every other write, so the two writers here say so in their
transaction (`engagement.routing`).
"""

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from engagement.common.errors import refusal_error
from engagement.models import CityUnit, Contribution, InternalNote, ModerationAction
from engagement.moderation.log import log_action, official_signature
from engagement.moderation.routing_selectors import units_for_campaign
from engagement.rules import can_moderate

NOTE_MAX = 3000


def _require_moderator(actor: User, contribution: Contribution) -> None:
    if not can_moderate(actor, contribution.campaign):
        raise PermissionDenied(_("You do not moderate this campaign."))


def _routing_writes() -> None:
    """Let this transaction's next writes set `unit` and `unit_manual` (the trigger keeps them
    otherwise)."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('engagement.routing', 'on', true)")


def _routing_done() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT set_config('engagement.routing', 'off', true)")


@transaction.atomic
def contribution_unit_set(
    *, actor: User, contribution: Contribution, unit: CityUnit | None
) -> Contribution:
    """A moderator routes the contribution to another unit (or to none); from then on a
    change of theme or area no longer re-routes it. Logged with both units."""
    _require_moderator(actor, contribution)
    if unit is not None and not units_for_campaign(contribution.campaign).filter(pk=unit.pk):
        raise refusal_error(_("Choose one of this campaign's units."), "unit", "unit")
    before = Contribution.objects.filter(pk=contribution.pk).values_list("unit_id", flat=True)[0]
    new_id = unit.pk if unit else None
    if before == new_id:
        return contribution
    _routing_writes()
    Contribution.objects.filter(pk=contribution.pk).update(unit=unit, unit_manual=True)
    _routing_done()
    contribution.unit, contribution.unit_manual = unit, True
    names = dict(CityUnit.objects.filter(pk__in=[before, new_id]).values_list("pk", "name"))
    log_action(
        actor=actor,
        campaign=contribution.campaign,
        action=ModerationAction.Action.UNIT,
        target=contribution,
        details={
            "from": before,
            "to": new_id,
            "from_name": names.get(before, ""),
            "to_name": names.get(new_id, ""),
        },
    )
    return contribution


@transaction.atomic
def contributions_route_unassigned(*, contributions: QuerySet[Contribution]) -> int:
    """Route again the contributions that have no unit and whose unit no moderator chose:
    after units were added or given new themes or areas. Returns how many found a unit."""
    ids = list(contributions.filter(unit=None, unit_manual=False).values_list("pk", flat=True))
    if not ids:
        return 0
    _routing_writes()
    with connection.cursor() as cursor:
        cursor.execute(
            """
            UPDATE engagement_contribution
            SET unit_id = engagement_route_unit(campaign_id, theme_id, area_id)
            WHERE id = ANY(%s) AND engagement_route_unit(campaign_id, theme_id, area_id) IS NOT NULL
            """,
            [ids],
        )
        routed = cursor.rowcount
    _routing_done()
    return routed


@transaction.atomic
def internal_note_add(*, actor: User, contribution: Contribution, body: str) -> InternalNote:
    """An official's note to the others who moderate the campaign; never public. Not in the
    moderation log, whose entries reach CSV downloads: the note keeps its own author and time."""
    _require_moderator(actor, contribution)
    body = (body or "").strip()
    if not 1 <= len(body) <= NOTE_MAX:
        raise refusal_error(
            _("Write a note of 1 to %(max)d characters.") % {"max": NOTE_MAX}, "body", "body"
        )
    return InternalNote.objects.create(
        contribution=contribution,
        author=actor,
        signature=official_signature(actor, contribution.campaign),
        body=body,
    )


def unit_delete_started(sender, instance, **kwargs) -> None:
    """Django sets its contributions' unit to NULL while deleting a unit (SET_NULL), a write
    the trigger would refuse; the deletion's transaction may write it. They are unassigned
    afterwards, until routed again (contributions_route_unassigned)."""
    _routing_writes()


def unit_delete_done(sender, instance, **kwargs) -> None:
    _routing_done()
