"""Reads of the officials' desk: units, their counts in the queue, ages and deadlines, reply
templates in a contribution's language, and internal notes (decision 0030)."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Count, DateTimeField, ExpressionWrapper, F, Q, QuerySet
from django.utils import timezone
from django.utils.html import avoid_wrapping
from django.utils.translation import ngettext

from engagement.common.forms import form_id
from engagement.models import Campaign, CityUnit, Contribution, InternalNote, ReplyTemplate

# The queue's unit filter value for contributions no unit answers for.
UNASSIGNED = "none"
LANGUAGES = ("fi", "sv", "en")


def units_for_campaign(campaign: Campaign) -> QuerySet[CityUnit]:
    """The units that may answer in a campaign: its own and the site-wide ones."""
    return CityUnit.objects.filter(Q(campaign=campaign) | Q(campaign=None))


def units_for_campaigns(campaigns: QuerySet[Campaign]) -> QuerySet[CityUnit]:
    return CityUnit.objects.filter(Q(campaign__in=campaigns) | Q(campaign=None))


def queue_filter_unit(qs: QuerySet[Contribution], unit: str | None) -> QuerySet[Contribution]:
    """The queue narrowed to one unit's contributions, or to the unassigned ones; each row
    with its deadline (`due_at`) for the deadline order."""
    qs = with_due_at(qs.select_related("unit"))
    if unit == UNASSIGNED:
        return qs.filter(unit=None)
    if (unit_id := form_id(unit)) is not None:
        return qs.filter(unit_id=unit_id)
    return qs


@dataclass(frozen=True)
class UnitCount:
    value: str  # the filter's value: a unit id, or UNASSIGNED
    name: str
    count: int


def queue_unit_counts(qs: QuerySet[Contribution]) -> list[UnitCount]:
    """How many of the queue's contributions each unit has, by name in the reader's language,
    unassigned ones last; two queries."""
    rows = dict(qs.order_by().values_list("unit_id").annotate(n=Count("*")))
    unassigned = rows.pop(None, 0)
    units = CityUnit.objects.filter(pk__in=rows)
    named = sorted(
        (UnitCount(str(unit.pk), unit.name, rows[unit.pk]) for unit in units),
        key=lambda count: count.name,
    )
    return [*named, UnitCount(UNASSIGNED, "", unassigned)] if unassigned else named


@dataclass(frozen=True)
class Deadline:
    """When a contribution should have its answer, from its unit's answer_within_days."""

    due: datetime
    days_left: int  # negative when overdue
    answered: bool

    @property
    def overdue(self) -> bool:
        return not self.answered and self.days_left < 0

    @property
    def days_over(self) -> int:
        return -self.days_left


def contribution_deadline(
    contribution: Contribution, now: datetime | None = None
) -> Deadline | None:
    """None when no unit answers for it. Answered: it has a public status beyond "new"."""
    unit = contribution.unit
    if unit is None:
        return None
    now = now or timezone.now()
    due = contribution.created_at + timedelta(days=unit.answer_within_days)
    left = (timezone.localdate(due) - timezone.localdate(now)).days
    return Deadline(
        due=due, days_left=left, answered=contribution.status != Contribution.Status.NEW
    )


def contribution_age(contribution: Contribution, now: datetime | None = None) -> str:
    """How long it has waited, in whole days once it is a day old ("16 days", not "2 weeks":
    deadlines are counted in days), else in hours or minutes; in the reader's language (the
    msgids are Django's own, which Django translates)."""
    seconds = max(0, int(((now or timezone.now()) - contribution.created_at).total_seconds()))
    if seconds >= 86400:
        n = seconds // 86400
        text = ngettext("%(num)d day", "%(num)d days", n)
    elif seconds >= 3600:
        n = seconds // 3600
        text = ngettext("%(num)d hour", "%(num)d hours", n)
    else:
        n = seconds // 60
        text = ngettext("%(num)d minute", "%(num)d minutes", n)
    return avoid_wrapping(text % {"num": n})


def contribution_language(contribution: Contribution) -> str:
    """The language the resident wrote in, or the site's default."""
    return (
        contribution.language if contribution.language in LANGUAGES else settings.LANGUAGE_CODE[:2]
    )


@dataclass(frozen=True)
class OfferedTemplate:
    pk: int
    title: str  # in the reader's language
    body: str  # in the contribution's language
    unit_name: str


def reply_templates_for(contribution: Contribution) -> list[OfferedTemplate]:
    """The contribution's unit's templates, then the site-wide ones; each body in the
    contribution's language (Finnish when that one is empty)."""
    language = contribution_language(contribution)
    templates = (
        ReplyTemplate.objects.filter(Q(unit=None) | Q(unit_id=contribution.unit_id))
        .select_related("unit")
        .order_by(F("unit_id").asc(nulls_last=True), "position", "id")
    )
    if contribution.unit_id is None:
        templates = templates.filter(unit=None)
    return [
        OfferedTemplate(
            pk=t.pk,
            title=t.title,
            body=getattr(t, f"body_{language}") or t.body_fi or "",
            unit_name=t.unit.name if t.unit else "",
        )
        for t in templates
    ]


def internal_notes_of(contribution: Contribution) -> QuerySet[InternalNote]:
    return InternalNote.objects.filter(contribution=contribution).order_by("created_at", "id")


def queue_order(sort: str) -> tuple:
    """The queue's order: oldest first unless asked otherwise; the deadline order puts the
    soonest due first and the unassigned (no deadline) last."""
    if sort == "newest":
        return ("-created_at", "-id")
    if sort == "flagged":
        return ("-open_flags", "created_at", "id")
    if sort == "deadline":
        return (F("due_at").asc(nulls_last=True), "created_at", "id")
    return ("created_at", "id")


def with_due_at(qs: QuerySet[Contribution]) -> QuerySet[Contribution]:
    """Each contribution's deadline, for the deadline order."""
    return qs.annotate(
        due_at=ExpressionWrapper(
            F("created_at") + F("unit__answer_within_days") * timedelta(days=1),
            output_field=DateTimeField(),
        )
    )
