"""Reads of workshop plans: a plan by its token, and its schedule (each item's start, the
cumulative and total time) for the run sheet, the editor and the presentation."""

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from toolkit.models import Publication, WorkshopItem, WorkshopPlan


@dataclass(frozen=True)
class ScheduledItem:
    item: WorkshopItem
    number: int  # from 1
    offset: int  # minutes from the start of the session
    cumulative: int  # minutes when it ends
    starts_at: time | None  # clock time, when the plan has a start time
    source_visible: bool  # its card or story is published (else only its title shows)


@dataclass(frozen=True)
class Schedule:
    plan: WorkshopPlan
    items: list[ScheduledItem]
    total: int  # minutes
    ends_at: time | None


def workshop_plan_by_token(*, token: str) -> WorkshopPlan | None:
    if "\x00" in token:
        return None
    return WorkshopPlan.objects.filter(token=token).first()


def _clock(start: time | None, minutes: int) -> time | None:
    if start is None:
        return None
    return (datetime.combine(datetime(2000, 1, 1), start) + timedelta(minutes=minutes)).time()


def workshop_schedule(*, plan: WorkshopPlan) -> Schedule:
    rows: list[ScheduledItem] = []
    offset = 0
    for number, item in enumerate(
        plan.items.select_related("method", "story", "story__story_video"), start=1
    ):
        source = item.method or item.story
        rows.append(
            ScheduledItem(
                item=item,
                number=number,
                offset=offset,
                cumulative=offset + item.minutes,
                starts_at=_clock(plan.start_time, offset),
                source_visible=source is not None and source.status == Publication.PUBLISHED,
            )
        )
        offset += item.minutes
    return Schedule(plan=plan, items=rows, total=offset, ends_at=_clock(plan.start_time, offset))
