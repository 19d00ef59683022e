"""Proposed public statuses: a pilot's organisation proposes, an official confirms in one step.

Only officials set a contribution's public status (decision 0040). A proposal is stored beside
the contribution and changes nothing the public sees; `status_proposal_confirm`, a moderator's
act, makes it the status through the one status service, signed by the official's role and
unit and logged like any answer.
"""

from django.contrib.auth.models import User
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.models import Contribution, StatusChange, StatusProposal
from engagement.moderation.log import official_signature
from engagement.moderation.services import RESPONSE_MAX, Action, contribution_status_change
from engagement.rules import can_moderate

Decision = StatusProposal.Decision


@transaction.atomic
def status_proposal_add(
    *,
    contribution: Contribution,
    status: str,
    text: str,
    proposed_by: str,
    source: str,
    source_id: int | None = None,
    source_url: str = "",
) -> StatusProposal:
    """Store a proposed status; it replaces the same source's earlier open proposal for the
    contribution. The public status stays as it is. Callers check who may propose."""
    text = (text or "").strip()[:RESPONSE_MAX]
    errors = {}
    if status not in Contribution.Status.values:
        errors["status"] = _("Choose a status.")
    if not text:
        errors["text"] = _("Write a public explanation.")
    if errors:
        raise ValidationError(errors)
    StatusProposal.objects.filter(
        contribution=contribution, source=source, source_id=source_id, decision=Decision.PENDING
    ).update(decision=Decision.SUPERSEDED, decided_at=timezone.now())
    return StatusProposal.objects.create(
        contribution=contribution,
        status=status,
        text=text,
        proposed_by=(proposed_by or "")[:300],
        source=source,
        source_id=source_id,
        source_url=source_url[:300],
    )


@transaction.atomic
def status_proposal_confirm(*, actor: User, proposal: StatusProposal) -> StatusChange:
    """An official makes the proposal the contribution's public status, in one step: a status
    change signed by their role and unit, a log entry naming the proposal, the usual e-mail."""
    proposal = StatusProposal.objects.select_for_update().get(pk=proposal.pk)
    contribution = proposal.contribution
    if not can_moderate(actor, contribution.campaign):
        raise PermissionDenied(_("You do not moderate this campaign."))
    if proposal.decision != Decision.PENDING:
        raise ValidationError({NON_FIELD_ERRORS: [_("This proposal has already been decided.")]})
    text = _("%(text)s (proposed by %(proposer)s)") % {
        "text": proposal.text,
        "proposer": proposal.proposed_by,
    }
    change = contribution_status_change(
        contribution=contribution,
        status=proposal.status,
        text=text[:RESPONSE_MAX],
        signature=official_signature(actor, contribution.campaign),
        actor=actor,
        action=Action.RESPOND,
        details={
            "proposal": proposal.pk,
            "source": proposal.source,
            "source_id": proposal.source_id,
        },
    )
    proposal.decision, proposal.decided_at = Decision.CONFIRMED, timezone.now()
    proposal.decided_by_id = actor.pk
    proposal.save(update_fields=["decision", "decided_at", "decided_by_id"])
    if contribution.moderated_at is None:
        contribution.moderated_at = timezone.now()
        contribution.save(update_fields=["moderated_at"])
    return change


def status_proposals_pending(
    *,
    contribution: Contribution | None = None,
    source: str = "",
    source_id: int | None = None,
    source_ids: list[int] | None = None,
):
    """Open proposals (a read), newest first: of one contribution, of one source, or of several
    of one kind (`source_ids`, so a list of pilots reads its proposals in one query)."""
    qs = StatusProposal.objects.filter(decision=Decision.PENDING).select_related("contribution")
    if contribution is not None:
        qs = qs.filter(contribution=contribution)
    if source and source_ids is not None:
        qs = qs.filter(source=source, source_id__in=source_ids)
    elif source:
        qs = qs.filter(source=source, source_id=source_id)
    return qs.order_by("-created_at", "-id")
