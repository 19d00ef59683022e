"""The one dispatcher of a moderator's actions on a contribution, for the pages and the API.

Both doors parse their input (forms, serializers) and name the action as the log does; this
module maps the name to its service, so an action cannot mean one thing on a page and another
in the API.
"""

from collections.abc import Mapping
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Model, QuerySet
from django.utils.translation import gettext as _

from engagement.common.errors import refusal_error
from engagement.models import Contribution, ModerationAction
from engagement.moderation import services as moderation

Action = ModerationAction.Action
CONTRIBUTION_ACTIONS = (
    Action.APPROVE,
    Action.HIDE,
    Action.RESTORE,
    Action.DUPLICATE,
    Action.EDIT,
    Action.RESPOND,
    Action.BLOCK,
    Action.HIDE_PHOTO,
)


def _chosen(queryset: QuerySet, value: Any) -> Model | None:
    """The row a door chose, given as a row or as its id as received; None when not there."""
    if isinstance(value, Model):
        value = value.pk
    try:
        return queryset.filter(pk=int(value)).first()
    except (TypeError, ValueError):
        return None


def moderation_action_perform(
    *, actor: User, contribution: Contribution, action: str, data: Mapping[str, Any]
) -> object:
    """Run one action on a contribution and return what its service returns.

    `data` holds what the action takes: `reason` (the public category when hiding or hiding a
    photo), `note` (for the log; a block's reason), `original` (a contribution or its id, when
    marking a duplicate), `title` and `body` (a correction; a missing one is kept), `status`
    and `text` (a public answer), `photo` (a photo or its id). A refusal is a ValidationError
    naming the field; a non-moderator gets PermissionDenied from the service.
    """
    note = data.get("note") or ""
    if action in (Action.APPROVE, Action.HIDE, Action.RESTORE):
        return moderation.contribution_moderate(
            actor=actor,
            contribution=contribution,
            action=action,
            reason=data.get("reason") or "",
            note=note,
        )
    if action == Action.DUPLICATE:
        original = _chosen(Contribution.objects.all(), data.get("original"))
        if original is None:
            raise refusal_error(_("Choose the original contribution."), "original", "original")
        return moderation.contribution_mark_duplicate(
            actor=actor, contribution=contribution, original=original, note=note
        )
    if action == Action.EDIT:
        return moderation.contribution_correct(
            actor=actor,
            contribution=contribution,
            title=data.get("title", contribution.title),
            body=data.get("body", contribution.body),
            note=note,
        )
    if action == Action.RESPOND:
        return moderation.contribution_respond(
            actor=actor,
            contribution=contribution,
            status=data.get("status") or "",
            text=data.get("text") or "",
        )
    if action == Action.BLOCK:
        if contribution.participant is None:
            raise refusal_error(
                _("The author's account is gone: there is no one to block."), "no_author"
            )
        return moderation.participant_block(
            actor=actor,
            campaign=contribution.campaign,
            participant=contribution.participant,
            reason=note,
        )
    if action == Action.HIDE_PHOTO:
        photo = _chosen(contribution.photos.all(), data.get("photo"))
        if photo is None:
            raise refusal_error(_("Choose a photo of this contribution."), "photo", "photo")
        return moderation.photo_hide(actor=actor, photo=photo, reason=data.get("reason") or "")
    raise refusal_error(_("Unknown action."), "action", "action")
