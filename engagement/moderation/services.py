"""Moderation services: officials approve, hide, merge, correct, block, and answer publicly.

The write half of moderation, beside `services` (residents' writes). Every service checks
`can_moderate` itself, writes one append-only `ModerationAction`, and queues its e-mail in the
same transaction (the worker sends it); `contribution_status_change`, which pilots call too,
leaves the check to its callers.
"""

from collections.abc import Iterable

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tasks import TaskContext, task

from engagement.common.errors import Errors, refusal_error
from engagement.common.notifications import mail_in_languages
from engagement.common.queue import enqueue_atomically
from engagement.common.site import site_url
from engagement.models import (
    Block,
    Campaign,
    Comment,
    Contribution,
    Flag,
    Follow,
    HiddenReason,
    ModerationAction,
    Participant,
    Photo,
    StatusChange,
    Support,
)
from engagement.moderation.log import log_action
from engagement.moderation.log import official_signature as _signature
from engagement.participation.limits import (
    address_hash,
    flag_voices,
    participant_accountable,
    rate_limit,
)
from engagement.participation.selectors import contributions_audience
from engagement.participation.services import contribution_texts_validate
from engagement.rules import can_moderate

State = Contribution.ModerationState
Action = ModerationAction.Action
# The public statuses of a contribution, for apps that set them through the services below.
Status = Contribution.Status
RESPONSE_MAX = 5000


def _require_moderator(actor: User, campaign: Campaign) -> None:
    if not can_moderate(actor, campaign):
        raise PermissionDenied(_("You do not moderate this campaign."))


def _check_reason(reason: str) -> None:
    if reason not in HiddenReason.values:
        raise refusal_error(_("Choose why the item is hidden."), "reason", "reason")


# Contributions and comments ----------------------------------------------------------------


@transaction.atomic
def contribution_moderate(
    *, actor: User, contribution: Contribution, action: str, reason: str = "", note: str = ""
) -> Contribution:
    """Approve, hide (with a reason category shown to the public) or restore a contribution."""
    _require_moderator(actor, contribution.campaign)
    if contribution.moderation_state == State.WITHDRAWN:
        raise refusal_error(_("The author has withdrawn this."), "withdrawn", NON_FIELD_ERRORS)
    if action == Action.HIDE:
        _check_reason(reason)
        contribution.moderation_state, contribution.hidden_reason = State.HIDDEN, reason
    elif action in (Action.APPROVE, Action.RESTORE):
        contribution.moderation_state, contribution.hidden_reason = State.PUBLISHED, ""
        contribution.duplicate_of = None
    else:
        raise refusal_error(_("Unknown action."), "action", "action")
    contribution.moderated_at = contribution.moderated_at or timezone.now()
    contribution.save()
    Flag.objects.filter(contribution=contribution, comment=None, resolved_at=None).update(
        resolved_at=timezone.now()
    )
    log_action(
        actor=actor,
        campaign=contribution.campaign,
        action=action,
        target=contribution,
        reason=note or reason,
        details={"hidden_reason": reason} if reason else {},
    )
    return contribution


@transaction.atomic
def contributions_moderate_bulk(
    *, actor: User, contributions: Iterable[Contribution], action: str, reason: str = ""
) -> int:
    """The same action on many contributions at once; all or none."""
    count = 0
    for contribution in contributions:
        contribution_moderate(actor=actor, contribution=contribution, action=action, reason=reason)
        count += 1
    return count


@transaction.atomic
def comment_moderate(
    *, actor: User, comment: Comment, action: str, reason: str = "", note: str = ""
) -> Comment:
    """Approve, hide or restore a comment."""
    campaign = comment.contribution.campaign
    _require_moderator(actor, campaign)
    if action == Action.HIDE:
        _check_reason(reason)
        comment.moderation_state, comment.hidden_reason = State.HIDDEN, reason
    elif action in (Action.APPROVE, Action.RESTORE):
        comment.moderation_state, comment.hidden_reason = State.PUBLISHED, ""
    else:
        raise refusal_error(_("Unknown action."), "action", "action")
    comment.moderated_at = comment.moderated_at or timezone.now()
    comment.save()
    Flag.objects.filter(comment=comment, resolved_at=None).update(resolved_at=timezone.now())
    log_action(actor=actor, campaign=campaign, action=action, target=comment, reason=note or reason)
    return comment


@transaction.atomic
def photo_hide(*, actor: User, photo: Photo, reason: str) -> Photo:
    """Hide one photo of a contribution (e.g. a face or a licence plate)."""
    campaign = photo.contribution.campaign
    _require_moderator(actor, campaign)
    _check_reason(reason)
    photo.hidden = True
    photo.save(update_fields=["hidden"])
    log_action(
        actor=actor, campaign=campaign, action=Action.HIDE_PHOTO, target=photo, reason=reason
    )
    return photo


@transaction.atomic
def contribution_mark_duplicate(
    *, actor: User, contribution: Contribution, original: Contribution, note: str = ""
) -> Contribution:
    """Fold a contribution into an earlier one: each supporter counts once on the original,
    followers follow the original, and the duplicate's page points there."""
    _require_moderator(actor, contribution.campaign)
    if (
        original.pk == contribution.pk
        or original.campaign_id != contribution.campaign_id
        or original.duplicate_of_id is not None
        or original.moderation_state != State.PUBLISHED
    ):
        raise refusal_error(
            _("Choose a public contribution of the same campaign that is not a duplicate."),
            "original",
            "original",
        )
    for model in (Support, Follow):
        already = model.objects.filter(contribution=original).values("participant")
        model.objects.filter(contribution=contribution, participant__in=already).delete()
        model.objects.filter(contribution=contribution).update(contribution=original)
    Contribution.objects.filter(duplicate_of=contribution).update(duplicate_of=original)
    contribution.duplicate_of = original
    contribution.moderation_state = State.HIDDEN
    contribution.hidden_reason = HiddenReason.DUPLICATE
    contribution.moderated_at = contribution.moderated_at or timezone.now()
    contribution.save()
    log_action(
        actor=actor,
        campaign=contribution.campaign,
        action=Action.DUPLICATE,
        target=contribution,
        reason=note,
        details={"original": original.pk},
    )
    return contribution


@transaction.atomic
def contribution_correct(
    *, actor: User, contribution: Contribution, title: str, body: str, note: str = ""
) -> Contribution:
    """Correct a typo; the page says a moderator edited the text, and the log keeps both."""
    _require_moderator(actor, contribution.campaign)
    title, body = title.strip(), body.strip()
    errors = Errors()
    contribution_texts_validate(errors, title=title, body=body)
    errors.raise_if_any()
    before = {"title": contribution.title, "body": contribution.body}
    contribution.title, contribution.body = title, body
    contribution.edited_by_moderator_at = timezone.now()
    contribution.moderated_at = contribution.moderated_at or timezone.now()
    contribution.save()
    log_action(
        actor=actor,
        campaign=contribution.campaign,
        action=Action.EDIT,
        target=contribution,
        reason=note,
        details={"before": before, "after": {"title": title, "body": body}},
    )
    return contribution


@transaction.atomic
def participant_block(
    *, actor: User, campaign: Campaign, participant: Participant, reason: str
) -> Block:
    """Block a participant from a campaign: they can no longer take part, their input there is
    hidden, and their supports no longer count."""
    _require_moderator(actor, campaign)
    block, _created = Block.objects.get_or_create(
        campaign=campaign, participant=participant, defaults={"reason": reason}
    )
    now = timezone.now()
    Contribution.objects.filter(campaign=campaign, participant=participant).exclude(
        moderation_state=State.WITHDRAWN
    ).update(moderation_state=State.HIDDEN, hidden_reason=HiddenReason.BLOCKED, moderated_at=now)
    Comment.objects.filter(contribution__campaign=campaign, participant=participant).update(
        moderation_state=State.HIDDEN, hidden_reason=HiddenReason.BLOCKED, moderated_at=now
    )
    log_action(
        actor=actor, campaign=campaign, action=Action.BLOCK, target=participant, reason=reason
    )
    return block


# Official responses -------------------------------------------------------------------------


@transaction.atomic
def contribution_status_change(
    *,
    contribution: Contribution,
    status: str,
    text: str,
    signature: str,
    actor: User | None,
    action: str = Action.RESPOND,
    actor_signature: str | None = None,
    details: dict | None = None,
    notify: bool = True,
) -> StatusChange:
    """The one way a contribution's public status changes: a status change signed
    `signature`, a log entry, and an e-mail to its author and followers after commit. The same
    status with the same text again is no change. Callers check who may do it; with
    `notify=False` the caller tells the same people itself, once (a pilot's news)."""
    if action not in (Action.RESPOND, Action.PILOT_STATUS):
        raise ValueError(f"{action!r} does not set a status")
    text = (text or "").strip()
    errors = {}
    if status not in Status.values:
        errors["status"] = _("Choose a status.")
    if not 1 <= len(text) <= RESPONSE_MAX:
        errors["text"] = _("Write a public answer of 1 to %(max)d characters.") % {
            "max": RESPONSE_MAX
        }
    if errors:
        raise ValidationError(errors)
    latest = contribution.status_changes.order_by("-created_at", "-id").first()
    if latest and (latest.status, latest.text) == (status, text):
        return latest  # the same answer sent twice is one change
    change = StatusChange.objects.create(
        contribution=contribution, status=status, text=text, signature=signature
    )
    contribution.status = status
    contribution.save(update_fields=["status", "updated_at"])
    log_action(
        actor=actor,
        campaign=contribution.campaign,
        action=action,
        target=contribution,
        reason=text,
        details={"status": status, **(details or {})},
        signature=actor_signature,
    )
    if notify:
        base_url = site_url()  # the address of this change's request, for the links
        # Queued in this transaction; the worker writes to each person (status_change_notify).
        enqueue_atomically(status_change_notify, change.pk, base_url)
    return change


@transaction.atomic
def contribution_respond(
    *, actor: User, contribution: Contribution, status: str, text: str
) -> StatusChange:
    """Give the contribution a public status with an explanation, signed with the official's
    role and unit. The author and followers hear of it by e-mail, once per change."""
    _require_moderator(actor, contribution.campaign)
    change = contribution_status_change(
        contribution=contribution,
        status=status,
        text=text,
        signature=_signature(actor, contribution.campaign),
        actor=actor,
        action=Action.RESPOND,
    )
    if contribution.moderated_at is None:  # an official has now looked at it
        contribution.moderated_at = timezone.now()
        contribution.save(update_fields=["moderated_at"])
    return change


@task(takes_context=True)
def status_change_notify(context: TaskContext, change_id: int, base_url: str) -> None:
    """In the worker: the author and followers of the changed contribution, each in their
    language. Run again (a lost worker), it writes to no one twice."""
    change = StatusChange.objects.select_related("contribution").filter(pk=change_id).first()
    if change is None:
        return
    contribution = change.contribution
    if contribution.moderation_state != State.PUBLISHED:
        return  # hidden means hidden: no e-mail about it either
    audience = contributions_audience(
        contributions=Contribution.objects.filter(pk=contribution.pk), supporters=False
    )

    def compose() -> tuple[str, str]:
        url = base_url + reverse("engagement:contribution-detail", kwargs={"pk": contribution.pk})
        context = {"change": change, "contribution": contribution, "url": url}
        subject = _("New status for “%(title)s”: %(status)s") % {
            "title": contribution.title,
            "status": change.get_status_display(),
        }
        return subject, render_to_string("engagement/email/status_change.txt", context)

    mail_in_languages(audience, compose, key=f"task:{context.task_result.id}")


# Flags --------------------------------------------------------------------------------------


def _flagged_comment(contribution: Contribution, comment: Comment | int) -> Comment:
    if isinstance(comment, int):
        comment = Comment.objects.filter(pk=comment).first()
    if comment is None or comment.contribution_id != contribution.pk:
        raise refusal_error(_("That comment is not on this contribution."), "comment", "comment")
    return comment


@transaction.atomic
def flag_add(
    *,
    participant: Participant,
    contribution: Contribution,
    reason: str,
    text: str = "",
    comment: Comment | int | None = None,
    address: str | None = None,
) -> Flag:
    """A resident flags a contribution or one of its comments (or its id, as a door received
    it); once per resident. A comment that is not on this contribution, or does not exist, is
    refused rather than taken for the contribution. Anonymous flags are limited per
    participant and per address in each campaign (ANONYMOUS_RATE_LIMITS["flag"]).

    Flags from the campaign's threshold of different people hide the item until a moderator
    has looked at it: each account counts once, anonymous flags once per address (a cookie
    costs nothing). Once a moderator has looked at the item and left it public, anonymous flags
    only put it back in the moderators' queue; flags from that many accounts still hide it
    (decision 0013)."""
    if reason not in Flag.Reason.values:
        raise refusal_error(_("Choose a reason."), "reason", "reason")
    if comment is not None:
        comment = _flagged_comment(contribution, comment)
    target = comment or contribution
    if target.moderation_state != State.PUBLISHED:
        raise refusal_error(_("This is not public."), "hidden", NON_FIELD_ERRORS)
    earlier = Flag.objects.filter(
        contribution=contribution, comment=comment, participant=participant
    ).first()
    if earlier is not None:
        return earlier
    rate_limit(
        action="flag",
        participant=participant,
        address=address,
        scope=f"c{contribution.campaign_id}",
    )
    flag, _created = Flag.objects.get_or_create(
        contribution=contribution,
        comment=comment,
        participant=participant,
        defaults={
            "reason": reason,
            "text": (text or "").strip()[:1000],
            "address_hash": "" if participant_accountable(participant) else address_hash(address),
        },
    )
    # A moderator's decision resolves the flags before it, so only newer flags count here.
    open_flags = Flag.objects.filter(contribution=contribution, comment=comment, resolved_at=None)
    accountable, anonymous = flag_voices(open_flags)
    reviewed = target.moderated_at is not None
    voices = accountable if reviewed else accountable + anonymous
    if voices >= contribution.campaign.flag_threshold:
        target.moderation_state = State.PENDING
        target.save(update_fields=["moderation_state"])
        log_action(
            actor=None,
            campaign=contribution.campaign,
            action=Action.FLAG_HIDE,
            target=target,
            details={"flags": open_flags.count(), "people": voices},
        )
    return flag
