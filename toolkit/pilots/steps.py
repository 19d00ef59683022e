"""The steps of a pilot with their method cards, and the checklist its organisation ticks.

Writes (keyword-only, atomic); `_write_proposal` in `services` calls `steps_write` so that
proposing and changing a proposal write steps by one rule.
"""

import re
from collections.abc import Sequence
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from engagement.common.errors import Errors
from toolkit.models import MethodCard, Phase, Pilot, PilotStep, Publication
from toolkit.rules import is_member

# "1. Form a team …" or "- Book a space …": one checklist item per list line of a card's steps.
_LIST_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*+])\s+(.+?)\s*$")
CHECKLIST_MAX = 30


@dataclass(frozen=True)
class StepPlan:
    title: str
    phase: str
    method_card: MethodCard | None = None


def card_checklist(card: MethodCard) -> list[dict]:
    """The card's steps as checklist items, each in every language the card has."""
    languages = [code for code, _name in settings.LANGUAGES]
    per_language = {
        code: [
            m.group(1)
            for line in (getattr(card, f"steps_{code}", "") or "").splitlines()
            if (m := _LIST_ITEM.match(line))
        ]
        for code in languages
    }
    count = min(max((len(items) for items in per_language.values()), default=0), CHECKLIST_MAX)
    return [
        {
            "text": {code: items[i] for code, items in per_language.items() if i < len(items)},
            "done": False,
        }
        for i in range(count)
    ]


def steps_validate(errors: Errors, steps: Sequence[StepPlan]) -> list[StepPlan]:
    """The filled rows; a row needs a title (or a card to name it), a phase, a published card."""
    clean = []
    for plan in steps:
        title = (plan.title or "").strip()
        if not title and plan.method_card is None:
            continue  # an empty row of the form
        if plan.method_card is not None and plan.method_card.status != Publication.PUBLISHED:
            errors.add("steps", _("Choose a published method card."))
            continue
        if plan.phase not in Phase.values:
            errors.add("steps", _("Choose the phase of each step."))
            continue
        title = title or plan.method_card.title
        if len(title) > 160:
            errors.add("steps", _("A step's title is at most 160 characters."))
            continue
        clean.append(StepPlan(title, plan.phase, plan.method_card))
    return clean


def steps_write(pilot: Pilot, steps: Sequence[StepPlan]) -> None:
    """Replace the pilot's steps; a step keeping its card keeps its ticks."""
    ticked = {
        (s.method_card_id, s.title): s.checklist for s in pilot.steps.all() if s.method_card_id
    }
    pilot.steps.all().delete()
    PilotStep.objects.bulk_create(
        PilotStep(
            pilot=pilot,
            position=i,
            title=plan.title,
            phase=plan.phase,
            method_card=plan.method_card,
            checklist=ticked.get((plan.method_card.pk, plan.title))
            or card_checklist(plan.method_card)
            if plan.method_card
            else [],
        )
        for i, plan in enumerate(steps)
    )


@transaction.atomic
def pilot_step_tick(*, user: User, step: PilotStep, index: int, done: bool) -> PilotStep:
    """An organisation's member ticks (or unticks) one item of a step's checklist, once the
    pilot is approved."""
    step = (
        PilotStep.objects.select_for_update().select_related("pilot__organisation").get(pk=step.pk)
    )
    if not is_member(user, step.pilot.organisation):
        raise PermissionDenied(_("Only the organisation's members can tick its checklist."))
    if step.pilot.status != Pilot.Status.APPROVED:
        raise ValidationError(
            {"checklist": [_("The checklist is ticked while the approved pilot runs.")]}
        )
    if not 0 <= index < len(step.checklist):
        raise ValidationError({"checklist": [_("Choose an item of the checklist.")]})
    step.checklist[index]["done"] = bool(done)
    step.save(update_fields=["checklist"])
    return step
