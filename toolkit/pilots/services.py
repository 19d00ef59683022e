"""Writes of the pilots context: organisations, proposals, review, joining, feedback and results."""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, NotRequired, TypedDict, Unpack

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import User
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django_tasks import TaskContext, task

from engagement.common.errors import Errors
from engagement.common.notifications import mail_in_languages
from engagement.common.queue import enqueue_atomically
from engagement.common.site import site_url
from engagement.moderation.log import official_signature
from engagement.moderation.proposals import (
    status_proposal_add,
    status_proposal_confirm,
    status_proposals_pending,
)
from engagement.moderation.services import (
    RESPONSE_MAX,
    Action,
    Status,
    contribution_status_change,
    log_action,
)
from engagement.participation.photos import photos_clean, photos_store
from engagement.participation.selectors import contributions_audience
from geo.services import geometry_validate_in_area
from toolkit.models import (
    EvaluationPhase,
    Measure,
    Organisation,
    Pilot,
    PilotFeedback,
    PilotParticipation,
    PilotPhoto,
)
from toolkit.pilots.evaluation import evaluation_news_audience, evaluation_phase_begins
from toolkit.pilots.numbers import quantity_text
from toolkit.pilots.status import UNDER_REVIEW, pilot_has_started, pilot_is_running, today
from toolkit.pilots.steps import StepPlan, steps_validate, steps_write
from toolkit.pilots.validators import validate_business_id
from toolkit.rules import can_edit_pilot, can_review_pilot, is_member

if TYPE_CHECKING:  # engagement's models only as types; its tables change through its services
    from engagement.models import Campaign, Contribution, Participant

FEEDBACK_DAYS_AFTER = 14
# Measures are stored as numeric(12, 2).
MEASURE_LIMIT = Decimal(10) ** 10
CENT = Decimal("0.01")
# The proposals of a pilot's result are stored as engagement's StatusProposal of this source.
PROPOSAL_SOURCE = "pilot"
OUTCOMES = (Status.DONE, Status.PLANNED, Status.UNDER_CONSIDERATION, Status.NOT_POSSIBLE)


# Organisations --------------------------------------------------------------------------------


@transaction.atomic
def organisation_register(
    *, user: User, name: str, kind: str, business_id: str = "", member_emails: Iterable[str] = ()
) -> Organisation:
    """An organisation with the registering user and the named existing accounts as members."""
    errors = Errors()
    name, business_id = (name or "").strip(), (business_id or "").strip()
    if not 2 <= len(name) <= 200:
        errors.add("name", _("Write the organisation's name."))
    if kind not in Organisation.Kind.values:
        errors.add("kind", _("Choose the type of organisation."))
    try:
        validate_business_id(business_id)
    except ValidationError as error:
        errors.extend("business_id", error)
    members = [user]
    for email in (e.strip() for e in member_emails if e.strip()):
        other = get_user_model().objects.filter(email__iexact=email).first()
        if other is None:
            errors.add(
                "members",
                _("%(email)s has no account here; ask them to sign up first.") % {"email": email},
            )
        else:
            members.append(other)
    errors.raise_if_any()
    organisation = Organisation.objects.create(name=name, kind=kind, business_id=business_id)
    organisation.members.add(*members)
    return organisation


# Proposals ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class MeasurePlan:
    name: str
    unit: str
    target: str | Decimal | None


def _validate_pilot(
    errors: Errors,
    *,
    campaign: "Campaign",
    title: str,
    geometry: GEOSGeometry | None,
    contributions: Sequence["Contribution"],
    hypothesis: str,
    starts_on: date | None,
    ends_on: date | None,
    measures: Sequence[MeasurePlan],
) -> list[tuple[str, str, Decimal]]:
    if not 3 <= len(title) <= 160:
        errors.add("title", _("Write a title of 3 to 160 characters."))
    if not hypothesis:
        errors.add("hypothesis", _("Write the hypothesis: if we …, then …"))
    if geometry is None:
        errors.add("geometry", _("Place the pilot on the map."))
    else:
        try:
            geometry_validate_in_area(geometry=geometry, area=campaign.area)
        except ValidationError as error:
            errors.extend("geometry", error)
    if not contributions:
        errors.add("contributions", _("Choose the residents' contributions the pilot answers."))
    elif any(
        c.campaign_id != campaign.pk or c.moderation_state != "published" for c in contributions
    ):
        errors.add("contributions", _("Choose public contributions of this campaign."))
    if starts_on is None or ends_on is None:
        errors.add("ends_on", _("Give the start and end dates."))
    elif ends_on <= starts_on:
        errors.add("ends_on", _("The end must be after the start."))
    clean = []
    for plan in measures:
        if not (plan.name or plan.unit or plan.target not in (None, "")):
            continue  # an empty row of the form
        try:
            target = Decimal(str(plan.target).replace(",", "."))
        except (InvalidOperation, TypeError, ValueError):
            target = None
        if not plan.name or not plan.unit or target is None or not target.is_finite():
            errors.add("measures", _("Each measure needs a name, a unit and a numeric target."))
            continue
        if abs(target) >= MEASURE_LIMIT:
            errors.add("measures", _("A target must be less than ten billion."))
            continue
        clean.append((plan.name.strip(), plan.unit.strip(), target.quantize(CENT)))
    if not clean and "measures" not in errors:
        errors.add("measures", _("Say what the pilot will measure: at least one measure."))
    return clean


class Proposal(TypedDict):
    """What an organisation proposes; proposing and changing a proposal take the same."""

    title: str
    geometry: GEOSGeometry | None
    contributions: Sequence["Contribution"]
    hypothesis: str
    starts_on: date | None
    ends_on: date | None
    measures: Sequence[MeasurePlan]
    asks: NotRequired[str]
    planned_methods: NotRequired[str]
    method_cards: NotRequired[Sequence]
    steps: NotRequired[Sequence[StepPlan]]


@transaction.atomic
def pilot_propose(
    *, user: User, organisation: Organisation, campaign: "Campaign", **proposal: Unpack[Proposal]
) -> Pilot:
    """An organisation's member proposes a pilot; officials of the campaign review it."""
    if not is_member(user, organisation):
        raise PermissionDenied(_("Only the organisation's members can propose its pilots."))
    pilot = Pilot(organisation=organisation, campaign=campaign, created_by=user)
    _write_proposal(pilot, proposal)
    return pilot


@transaction.atomic
def pilot_update(*, user: User, pilot: Pilot, **proposal: Unpack[Proposal]) -> Pilot:
    """Members change their proposal until it is approved or declined; it goes back for review."""
    if not can_edit_pilot(user, pilot):
        raise PermissionDenied(_("You cannot change this pilot."))
    _write_proposal(pilot, proposal)
    return pilot


def _write_proposal(pilot: Pilot, proposal: Proposal) -> None:
    """Check a proposal against the rules and write it: fields, contributions and cards,
    measures. Proposing and changing a proposal share it, so their rules cannot differ; either
    way the proposal then waits for review."""
    if unknown := set(proposal) - set(Proposal.__annotations__):
        raise TypeError(f"not part of a proposal: {', '.join(sorted(unknown))}")
    errors = Errors()
    title = (proposal["title"] or "").strip()
    hypothesis = (proposal["hypothesis"] or "").strip()
    geometry, contributions = proposal["geometry"], proposal["contributions"]
    starts_on, ends_on = proposal["starts_on"], proposal["ends_on"]
    clean = _validate_pilot(
        errors,
        campaign=pilot.campaign,
        title=title,
        geometry=geometry,
        contributions=contributions,
        hypothesis=hypothesis,
        starts_on=starts_on,
        ends_on=ends_on,
        measures=proposal["measures"],
    )
    steps = steps_validate(errors, proposal.get("steps", ()))
    errors.raise_if_any()
    pilot.status = Pilot.Status.PROPOSED  # a written proposal waits for review
    pilot.title, pilot.geometry, pilot.hypothesis = title, geometry, hypothesis
    pilot.starts_on, pilot.ends_on = starts_on, ends_on
    pilot.asks = (proposal.get("asks") or "").strip()
    pilot.planned_methods = (proposal.get("planned_methods") or "").strip()
    pilot.save()
    pilot.contributions.set(contributions)
    pilot.method_cards.set(proposal.get("method_cards", ()))
    steps_write(pilot, steps)
    pilot.measures.all().delete()
    Measure.objects.bulk_create(
        Measure(pilot=pilot, name=n, unit=u, target=t, position=i)
        for i, (n, u, t) in enumerate(clean)
    )


# Review -------------------------------------------------------------------------------------

DECISIONS = {
    "request_changes": (Pilot.Status.CHANGES_REQUESTED, Action.PILOT_CHANGES),
    "approve": (Pilot.Status.APPROVED, Action.PILOT_APPROVE),
    "decline": (Pilot.Status.DECLINED, Action.PILOT_DECLINE),
}


@transaction.atomic
def pilot_review(*, actor: User, pilot: Pilot, decision: str, reason: str = "") -> Pilot:
    """Officials ask for changes, approve, or decline with a public reason. Approval marks the
    contributions it answers as "in a pilot" and tells their authors, followers and supporters."""
    if not can_review_pilot(actor, pilot):
        raise PermissionDenied(_("You do not moderate this campaign."))
    if decision not in DECISIONS:
        raise ValidationError({"decision": [_("Unknown decision.")]})
    if pilot.status not in UNDER_REVIEW:
        raise ValidationError({NON_FIELD_ERRORS: [_("This pilot has already been decided.")]})
    reason = (reason or "").strip()
    if decision != "approve" and not reason:
        raise ValidationError(
            {"reason": [_("Give the reason; the proposer and the public see it.")]}
        )
    status, action = DECISIONS[decision]
    pilot.status, pilot.review_reason = status, reason
    pilot.save(update_fields=["status", "review_reason", "updated_at"])
    log_action(actor=actor, campaign=pilot.campaign, action=action, target=pilot, reason=reason)
    if status == Pilot.Status.APPROVED:
        text = _("The pilot “%(title)s” by %(organisation)s tries this out from %(start)s.") % {
            "title": pilot.title,
            "organisation": pilot.organisation.name,
            "start": formats.date_format(pilot.starts_on, "SHORT_DATE_FORMAT"),
        }
        _mark_contributions(pilot, Status.IN_PILOT, text, actor=actor)  # an official's act
        if pilot_has_started(pilot):  # else the worker invites on its start date
            evaluation_phase_begins(pilot=pilot, phase=EvaluationPhase.START)
    base_url = site_url()  # the address of this change's request, for the links
    enqueue_atomically(pilot_members_notify, pilot.pk, base_url)  # the worker writes
    return pilot


def _mark_contributions(pilot: Pilot, status: str, text: str, *, actor: User) -> None:
    """An official's approval marks each answered contribution "in a pilot" through
    engagement's one status service, signed by the official's role and unit (decision 0040).
    That service sends no e-mail here: the pilot's news tells each person once, however many
    of its contributions they follow or support."""
    for contribution in pilot.contributions.all():
        contribution_status_change(
            contribution=contribution,
            status=status,
            text=text[:RESPONSE_MAX],
            signature=official_signature(actor, pilot.campaign),
            actor=actor,
            action=Action.PILOT_STATUS,
            details={"pilot": pilot.pk},
            notify=False,
        )
    base_url = site_url()
    enqueue_atomically(pilot_audience_notify, pilot.pk, status, base_url)  # the worker writes


# Residents --------------------------------------------------------------------------------------


def feedback_is_open(pilot: Pilot, on: date | None = None) -> bool:
    """While the pilot runs and for two weeks after its end."""
    on = on or today()
    return pilot.status in (
        Pilot.Status.APPROVED,
        Pilot.Status.REPORTED,
    ) and pilot.starts_on <= on <= pilot.ends_on + timedelta(days=FEEDBACK_DAYS_AFTER)


def pilot_join(*, pilot: Pilot, participant: "Participant") -> bool:
    """ "I took part": once per participant, while the pilot runs."""
    if not pilot_is_running(pilot):
        raise ValidationError({NON_FIELD_ERRORS: [_("You can join only a running pilot.")]})
    _row, created = PilotParticipation.objects.get_or_create(pilot=pilot, participant=participant)
    return created


@transaction.atomic
def pilot_feedback_add(
    *, pilot: Pilot, participant: "Participant", rating: int | None, comment: str = ""
) -> PilotFeedback:
    """A rating from 1 to 5 and a comment, once per resident, in the feedback window."""
    if not feedback_is_open(pilot):
        raise ValidationError(
            {NON_FIELD_ERRORS: [_("Feedback is open while the pilot runs and two weeks after.")]}
        )
    if rating not in (1, 2, 3, 4, 5):
        raise ValidationError({"rating": [_("Choose a rating from 1 to 5.")]})
    if PilotFeedback.objects.filter(pilot=pilot, participant=participant).exists():
        raise ValidationError({NON_FIELD_ERRORS: [_("You have already given feedback.")]})
    return PilotFeedback.objects.create(
        pilot=pilot, participant=participant, rating=rating, comment=(comment or "").strip()[:2000]
    )


# Results ----------------------------------------------------------------------------------------


@transaction.atomic
def pilot_report(
    *,
    user: User,
    pilot: Pilot,
    actuals: dict[int, str | Decimal | None],
    narrative: str,
    next_step: str,
    outcome: str,
    photos: Sequence[UploadedFile] = (),
) -> Pilot:
    """The organisation reports each measure against its target, the story and what next; the
    contributions it answers get the outcome as their status, and their people hear of it once."""
    if not is_member(user, pilot.organisation):
        raise PermissionDenied(_("Only the organisation's members can report its pilots."))
    errors = Errors()
    if not pilot_has_started(pilot):
        errors.add(
            NON_FIELD_ERRORS, _("Results can be reported once the approved pilot has started.")
        )
    measures = list(pilot.measures.all())
    for measure in measures:
        try:
            value = Decimal(str(actuals.get(measure.pk)).replace(",", "."))
            if not value.is_finite() or abs(value) >= MEASURE_LIMIT:
                raise InvalidOperation
            measure.actual = value.quantize(CENT)
        except (InvalidOperation, TypeError, ValueError):
            errors.add("measures", _("Give a number for %(measure)s.") % {"measure": measure.name})
    narrative = (narrative or "").strip()
    if not narrative:
        errors.add("narrative", _("Tell what happened."))
    if next_step not in Pilot.NextStep.values:
        errors.add("next_step", _("Choose what happens next."))
    if outcome not in OUTCOMES:
        errors.add("outcome", _("Choose the outcome for the contributions."))
    try:
        clean_photos = photos_clean(photos)
    except ValidationError as error:
        errors.extend("photos", error)
    errors.raise_if_any()
    Measure.objects.bulk_update(measures, ["actual"])
    photos_store(model=PilotPhoto, photos=clean_photos, pilot=pilot)
    pilot.narrative, pilot.next_step, pilot.outcome = narrative, next_step, outcome
    pilot.status, pilot.reported_at = Pilot.Status.REPORTED, timezone.now()
    pilot.save()
    text = _("Result of the pilot “%(title)s”: %(summary)s") % {
        "title": pilot.title,
        "summary": "; ".join(
            f"{m.name} {quantity_text(m.actual, m.unit)} / {quantity_text(m.target, m.unit)}"
            for m in measures
        ),
    }
    log_action(
        actor=user,
        campaign=pilot.campaign,
        action=Action.PILOT_REPORT,
        target=pilot,
        reason=narrative,
        details={"outcome": outcome, "next_step": next_step},
        signature=pilot.organisation.name,
    )
    _propose_outcome(pilot, outcome, text)
    evaluation_phase_begins(pilot=pilot, phase=EvaluationPhase.REPORT)
    return pilot


def _propose_outcome(pilot: Pilot, outcome: str, text: str) -> None:
    """The organisation's outcome is a proposal for each answered contribution; only an
    official's confirmation (`pilot_outcome_confirm`) makes it their public status (decision
    0040). The pilot's news tells its people of the result once."""
    url = reverse("toolkit:pilot-detail", kwargs={"pk": pilot.pk})
    for contribution in pilot.contributions.all():
        status_proposal_add(
            contribution=contribution,
            status=outcome,
            text=text[:RESPONSE_MAX],
            proposed_by=pilot.organisation.name,
            source=PROPOSAL_SOURCE,
            source_id=pilot.pk,
            source_url=url,
        )
    enqueue_atomically(pilot_audience_notify, pilot.pk, outcome, site_url())


def pilot_outcome_proposals(*, pilot: Pilot):
    """The pilot's proposed statuses that wait for an official (a read, for the pages)."""
    return status_proposals_pending(source=PROPOSAL_SOURCE, source_id=pilot.pk)


def pilots_outcome_proposals(*, pilots: list[Pilot]) -> list[tuple[Pilot, list]]:
    """The pilots with proposed statuses waiting for an official, each with its proposals, in
    one query (the review page's list)."""
    by_pilot: dict[int, list] = {}
    pending = status_proposals_pending(
        source=PROPOSAL_SOURCE, source_ids=[pilot.pk for pilot in pilots]
    )
    for proposal in pending:
        by_pilot.setdefault(proposal.source_id, []).append(proposal)
    return [(pilot, by_pilot[pilot.pk]) for pilot in pilots if pilot.pk in by_pilot]


@transaction.atomic
def pilot_outcome_confirm(*, actor: User, pilot: Pilot) -> int:
    """An official of the campaign confirms, in one step, the status the pilot's result
    proposes for each contribution it answers; each is logged as the official's answer.
    Returns how many contributions got it."""
    if not can_review_pilot(actor, pilot):
        raise PermissionDenied(_("You do not moderate this campaign."))
    proposals = list(pilot_outcome_proposals(pilot=pilot))
    if not proposals:
        raise ValidationError({NON_FIELD_ERRORS: [_("No proposed status waits for you.")]})
    for proposal in proposals:
        status_proposal_confirm(actor=actor, proposal=proposal)
    return len(proposals)


# Notifications ----------------------------------------------------------------------------------


def _send(
    recipients: dict[str, str],
    pilot: Pilot,
    template: str,
    context: dict,
    subject: str,
    base_url: str,
    key: str,
) -> None:
    """The pilot's e-mail; its link opens the pilot page in the recipient's language."""

    def compose() -> tuple[str, str]:
        url = base_url + reverse("toolkit:pilot-detail", kwargs={"pk": pilot.pk})
        body = render_to_string(template, {**context, "pilot": pilot, "url": url})
        return _(subject) % {"title": pilot.title}, body

    mail_in_languages(recipients, compose, key=key)


@task(takes_context=True)
def pilot_audience_notify(context: TaskContext, pilot_id: int, status: str, base_url: str) -> None:
    """In the worker: one e-mail per person about the pilot, however many of its contributions
    they follow, each in their language; run again, it writes to no one twice."""
    pilot = Pilot.objects.select_related("organisation").get(pk=pilot_id)
    audience = contributions_audience(contributions=pilot.contributions.all(), supporters=True)
    phase = EvaluationPhase.START if status == Status.IN_PILOT else EvaluationPhase.REPORT
    audience = evaluation_news_audience(pilot=pilot, audience=audience, phase=phase)
    extra = {"reported": status != Status.IN_PILOT}
    subject = gettext_noop("News of the pilot “%(title)s”")
    key = f"task:{context.task_result.id}"
    _send(audience, pilot, "toolkit/email/pilot_update.txt", extra, subject, base_url, key)


@task(takes_context=True)
def pilot_members_notify(context: TaskContext, pilot_id: int, base_url: str) -> None:
    """In the worker: the proposing organisation's members hear of the review."""
    pilot = Pilot.objects.select_related("organisation").get(pk=pilot_id)
    members = {
        u.email: settings.LANGUAGE_CODE
        for u in pilot.organisation.members.all()
        if u.email and u.is_active
    }
    subject = gettext_noop("Your pilot “%(title)s” was reviewed")
    key = f"task:{context.task_result.id}"
    _send(members, pilot, "toolkit/email/pilot_review.txt", {}, subject, base_url, key)
