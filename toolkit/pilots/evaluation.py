"""Evaluation that reaches the neighbours (docs/decisions/0041).

As a pilot starts (approved and its start date reached) and once it reports, everyone who
pinned, supported or follows a contribution it answers, or a public contribution within
PILOT_EVALUATION_DISTANCE_M of its place, is invited once per phase, in their language, by
e-mail, to rate it from 1 to 5 and comment. The link carries a signed token, so it works
without signing in. The answers become one of the pilot's measures, the neighbours' rating,
shown only from k answers (ANALYSIS_MIN_GROUP, as the analysis's groups).

Writes (services), the worker's tasks and the reads of the rating page and the pilot page are
here together: they are one small context's rules, called from the pilot services where a pilot
starts and reports.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Avg, Count, Exists, OuterRef, Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django_tasks import task

from engagement.background.selectors import min_group
from engagement.common.errors import Errors
from engagement.common.queue import enqueue_atomically
from engagement.common.site import site_url
from engagement.participation.neighbours import Neighbour, contribution_neighbours
from toolkit.models import EvaluationPhase, Pilot, PilotEvaluation, PilotEvaluationRound
from toolkit.pilots.status import pilot_has_started, today

if TYPE_CHECKING:
    from engagement.models import Participant

SALT = "toolkit.pilots.evaluation"
COMMENT_MAX = 2000
# Pilots whose phase may still invite: a declined pilot never does.
INVITING = (Pilot.Status.APPROVED, Pilot.Status.REPORTED)


# The link ---------------------------------------------------------------------------------------


def evaluation_token(evaluation: PilotEvaluation) -> str:
    """The signed token of one invitation: its id, dated, so it expires."""
    return signing.dumps(evaluation.pk, salt=SALT)


@dataclass(frozen=True)
class Opened:
    """What a token opens: the invitation, or why not (unknown, expired, pilot declined)."""

    evaluation: PilotEvaluation | None
    gone: bool = False  # expired, or the pilot was declined: 410


def evaluation_open(*, token: str) -> Opened:
    """The invitation a token names, if it is genuine, unexpired and its pilot still invites."""
    max_age = timedelta(days=settings.PILOT_EVALUATION_LINK_DAYS)
    try:
        pk = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.SignatureExpired:
        return Opened(None, gone=True)
    except signing.BadSignature:
        return Opened(None)
    evaluation = (
        PilotEvaluation.objects.select_related("pilot__organisation", "participant")
        .filter(pk=pk)
        .first()
    )
    if evaluation is None:
        return Opened(None)
    if evaluation.pilot.status not in INVITING:
        return Opened(evaluation, gone=True)
    return Opened(evaluation)


def _link(base_url: str, evaluation: PilotEvaluation) -> str:
    path = reverse("toolkit:pilot-evaluate", kwargs={"token": evaluation_token(evaluation)})
    return base_url + path


# Inviting ---------------------------------------------------------------------------------------


def evaluation_phase_begins(*, pilot: Pilot, phase: str) -> None:
    """Called in the transaction where a pilot starts or reports: the worker invites."""
    enqueue_atomically(pilot_evaluation_invite_task, pilot.pk, phase, site_url())


def _subject(phase: str) -> str:
    if phase == EvaluationPhase.START:
        return _("The pilot “%(title)s” starts near you: what do you think?")
    return _("The results of the pilot “%(title)s”: what do you think?")


def _invites(pilot: Pilot, phase: str) -> bool:
    """Whether the phase invites anyone: the pilot has started (approved and its day come, or
    reported), and for the results, has reported."""
    started = pilot_has_started(pilot) or pilot.status == Pilot.Status.REPORTED
    if pilot.status not in INVITING or not started:
        return False
    return phase == EvaluationPhase.START or pilot.status == Pilot.Status.REPORTED


def _neighbours(pilot: Pilot) -> list[Neighbour]:
    """The people to ask, without the organisation's own members."""
    neighbours = contribution_neighbours(
        campaign=pilot.campaign,
        linked_ids=pilot.contributions.values_list("pk", flat=True),
        place=pilot.geometry,
        distance_m=settings.PILOT_EVALUATION_DISTANCE_M,
    )
    members = set(pilot.organisation.members.values_list("pk", flat=True))
    return [n for n in neighbours if n.user_id not in members]


def evaluation_news_audience(
    *, pilot: Pilot, audience: dict[str, str], phase: str
) -> dict[str, str]:
    """Of the people the pilot's news of this event goes to, those its invitation does not
    reach: the invitation carries the same news, so no one hears of one event twice."""
    if not _invites(pilot, phase):
        return audience
    invited = {n.email.lower() for n in _neighbours(pilot)}
    return {email: language for email, language in audience.items() if email.lower() not in invited}


@transaction.atomic
def pilot_evaluation_invite(*, pilot: Pilot, phase: str, base_url: str) -> int:
    """Invite the pilot's neighbours who have not been invited in this phase; their e-mails
    are queued in the same transaction as the invitations, so a rerun (or a killed worker's
    repeat) writes to no one twice. The number invited now."""
    if phase not in EvaluationPhase.values:
        raise ValueError(f"unknown phase {phase!r}")
    pilot = (
        Pilot.objects.select_for_update(of=("self",))
        .select_related("organisation")
        .get(pk=pilot.pk)
    )
    if not _invites(pilot, phase):
        return 0
    neighbours = _neighbours(pilot)
    invited = set(
        PilotEvaluation.objects.filter(pilot=pilot, phase=phase).values_list(
            "participant_id", flat=True
        )
    )
    new = [n for n in neighbours if n.participant_id not in invited]
    rows = PilotEvaluation.objects.bulk_create(
        PilotEvaluation(
            pilot=pilot, participant_id=n.participant_id, phase=phase, language=n.language
        )
        for n in new
    )
    _mail(pilot, phase, list(zip(new, rows, strict=True)), base_url)
    round_, _created = PilotEvaluationRound.objects.get_or_create(pilot=pilot, phase=phase)
    round_.invited += len(rows)
    round_.save(update_fields=["invited"])
    return len(rows)


def _mail(
    pilot: Pilot, phase: str, invited: list[tuple[Neighbour, PilotEvaluation]], base_url: str
) -> None:
    """One e-mail per new invitation, in its language, with its own link."""
    messages = []
    for neighbour, evaluation in invited:
        with translation.override(evaluation.language):
            body = render_to_string(
                "toolkit/email/pilot_evaluation.txt",
                {
                    "pilot": pilot,
                    "phase": phase,
                    "url": _link(base_url, evaluation),
                    "pilot_url": base_url + pilot.get_absolute_url(),
                    "days": settings.PILOT_EVALUATION_LINK_DAYS,
                },
            )
            subject = _subject(phase) % {"title": pilot.title}
        message = EmailMessage(subject, body, None, [neighbour.email])
        address = hashlib.blake2b(neighbour.email.lower().encode(), digest_size=10).hexdigest()
        message.outbox_key = f"evaluation:{pilot.pk}:{phase}:{address}"
        messages.append(message)
    if messages:
        get_connection().send_messages(messages)


@task()
def pilot_evaluation_invite_task(pilot_id: int, phase: str, base_url: str) -> None:
    """In the worker: the invitations of one pilot's phase."""
    pilot = Pilot.objects.filter(pk=pilot_id).first()
    if pilot is not None:
        pilot_evaluation_invite(pilot=pilot, phase=phase, base_url=base_url)


def pilots_starting_uninvited():
    """Running pilots whose start has not yet invited anyone: those approved before their start
    date, whose day has come."""
    done = PilotEvaluationRound.objects.filter(pilot=OuterRef("pk"), phase=EvaluationPhase.START)
    on = today()
    return Pilot.objects.filter(
        status=Pilot.Status.APPROVED, starts_on__lte=on, ends_on__gte=on
    ).filter(~Exists(done))


@task()
def pilot_evaluation_start_task() -> None:
    """Periodic (PERIODIC_TASKS): pilots whose start date has come invite their neighbours."""
    base_url = site_url()
    for pilot in pilots_starting_uninvited().order_by("pk"):
        pilot_evaluation_invite(pilot=pilot, phase=EvaluationPhase.START, base_url=base_url)


# Answering --------------------------------------------------------------------------------------


def rating_parse(value: object) -> int | None:
    """A rating as typed or posted: a whole number, or None when it is not one."""
    try:
        return int(str(value).strip())
    except (TypeError, ValueError):
        return None


@transaction.atomic
def pilot_evaluation_answer(
    *, evaluation: PilotEvaluation, rating: int | None, comment: str = ""
) -> bool:
    """A neighbour's rating (1-5) and comment in answer to their invitation. Answering again
    replaces the earlier answer. True when it replaced one."""
    errors = Errors()
    if evaluation.pilot.status not in INVITING:
        raise ValidationError({"__all__": [_("This pilot is no longer evaluated.")]})
    if rating not in (1, 2, 3, 4, 5):
        errors.add("rating", _("Choose a rating from 1 to 5."))
    comment = (comment or "").strip()
    if len(comment) > COMMENT_MAX:
        errors.add("comment", _("Write at most %(max)d characters.") % {"max": COMMENT_MAX})
    errors.raise_if_any()
    replaced = evaluation.answered_at is not None
    evaluation.rating, evaluation.comment = rating, comment
    evaluation.answered_at = timezone.now()
    evaluation.save(update_fields=["rating", "comment", "answered_at"])
    return replaced


# Reading ----------------------------------------------------------------------------------------

TENTH = Decimal("0.1")


@dataclass(frozen=True)
class NeighboursRating:
    """The neighbours' rating of one phase: the mean only from k answers."""

    phase: str
    label: str | Promise
    invited: int
    answers: int | None  # None: fewer than k, not shown
    mean: Decimal | None  # None: fewer than k
    k: int


def pilot_neighbours_rating(*, pilot: Pilot) -> list[NeighboursRating]:
    """Per phase in which neighbours were invited: how many, and the mean of their ratings
    when at least k answered (the k of the analysis, decisions 0033 and 0034)."""
    k = min_group()
    rows = (
        PilotEvaluation.objects.filter(pilot=pilot)
        .values("phase")
        .annotate(
            invited=Count("pk"),
            answers=Count("pk", filter=Q(rating__isnull=False)),
            mean=Avg("rating"),
        )
    )
    by_phase = {row["phase"]: row for row in rows}
    found = []
    for phase in EvaluationPhase:
        row = by_phase.get(phase.value)
        if row is None:
            continue
        enough = row["answers"] >= k
        mean = Decimal(str(row["mean"])).quantize(TENTH, ROUND_HALF_UP) if enough else None
        found.append(
            NeighboursRating(
                phase=phase.value,
                label=phase.label,
                invited=row["invited"],
                answers=row["answers"] if enough else None,
                mean=mean,
                k=k,
            )
        )
    return found


def pilot_neighbours_comments(*, pilot: Pilot, limit: int = 50) -> list[PilotEvaluation]:
    """The newest answers with a comment, for those who run and review the pilot."""
    return list(
        PilotEvaluation.objects.filter(pilot=pilot, rating__isnull=False)
        .exclude(comment="")
        .order_by("-answered_at")[:limit]
    )


def pilot_invitation_of(*, pilot: Pilot, participant: "Participant") -> PilotEvaluation | None:
    """A participant's newest invitation about the pilot, while the pilot is still evaluated."""
    if pilot.status not in INVITING:
        return None
    return (
        PilotEvaluation.objects.filter(pilot=pilot, participant=participant)
        .order_by("-invited_at", "-pk")
        .first()
    )
