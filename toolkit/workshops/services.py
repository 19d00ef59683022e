"""Writes of workshop plans and theatre sessions: made, changed (items, times, notes, order) by
their creator only; every change of one form is checked whole before anything is written."""

import secrets
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from engagement.common.errors import Errors
from toolkit.models import (
    MethodCard,
    PlanKind,
    Publication,
    Story,
    WorkshopItem,
    WorkshopItemKind,
    WorkshopPlan,
)
from toolkit.models.workshops import MAX_CLIP_SECONDS, MAX_ITEMS, MAX_MINUTES
from toolkit.rules import can_edit_workshop

MAX_TEXT = 10_000
# The minutes a new item starts with, so that a plan's total means something at once.
DEFAULT_MINUTES = {
    WorkshopItemKind.METHOD: 30,
    WorkshopItemKind.STORY: 20,
    WorkshopItemKind.FREE: 10,
    WorkshopItemKind.SCENE: 5,
    WorkshopItemKind.EXERCISE: 15,
}


@dataclass(frozen=True)
class ItemInput:
    """One item's fields as typed (numbers as text: the service checks them)."""

    id: int
    minutes: str = "0"
    notes: str = ""
    title: str = ""
    script: str = ""
    questions: str = ""
    story: str = ""  # a scene's story, by slug
    clip_start: str = ""
    clip_end: str = ""


@dataclass(frozen=True)
class PlanEdit:
    """One submission of the plan's form: its fields, the items in the order shown, and what
    the pressed button asks (save, move an item, remove one, add one)."""

    title: str
    start_time: str = ""
    items: list[ItemInput] = field(default_factory=list)
    action: str = "save"  # "save", "move", "remove", "add"
    target: int | None = None  # the item moved or removed
    direction: int = 0  # -1 up, +1 down
    new_kind: str = ""
    new_method: str = ""  # slug
    new_story: str = ""  # slug
    new_title: str = ""


@dataclass(frozen=True)
class PlanChanged:
    plan: WorkshopPlan
    item_id: int | None  # the item moved or added, for focus and the announcement
    position: int | None  # its place from 1
    count: int


def _clean_text(value: str) -> str:
    # PostgreSQL's text cannot hold NUL.
    return value.replace("\x00", "").strip()


def _title(errors: Errors, value: str) -> str:
    title = _clean_text(value)
    if not title:
        errors.add("title", _("Give the session a title."), code="required")
    elif len(title) > 160:
        errors.add("title", _("Keep the title under 160 characters."), code="max_length")
    return title


def _start_time(errors: Errors, value: str) -> time | None:
    value = _clean_text(value)
    if not value:
        return None
    try:
        hours, minutes = (int(part) for part in value.replace(".", ":").split(":"))
        return time(hours, minutes)
    except (ValueError, TypeError):
        errors.add(
            "start_time", _("Give the start time as hours and minutes, e.g. 18:30."), "invalid"
        )
        return None


def _number(errors: Errors, key: str, value: str, *, maximum: int, blank: int | None) -> int | None:
    value = _clean_text(value)
    if not value:
        return blank
    try:
        number = int(value)
    except ValueError:
        errors.add(key, _("Give a whole number."), code="invalid")
        return blank
    if number < 0:
        errors.add(key, _("The number cannot be negative."), code="min_value")
    elif number > maximum:
        errors.add(
            key,
            _("At most %(maximum)s.") % {"maximum": maximum},
            code="max_value",
        )
    return number


def _long_text(errors: Errors, key: str, value: str, limit: int = MAX_TEXT) -> str:
    text = _clean_text(value)
    if len(text) > limit:
        errors.add(
            key,
            _("Keep this under %(limit)s characters.") % {"limit": limit},
            code="max_length",
        )
    return text


def _published_story(slug: str) -> Story | None:
    slug = _clean_text(slug)
    return Story.objects.filter(slug=slug, status=Publication.PUBLISHED).first() if slug else None


def _apply(errors: Errors, item: WorkshopItem, typed: ItemInput) -> None:
    """Checks one item's typed fields and sets them on the (unsaved) item."""
    key = f"item-{item.pk}"
    item.minutes = _number(errors, f"{key}-minutes", typed.minutes, maximum=MAX_MINUTES, blank=0)
    item.notes = _long_text(errors, f"{key}-notes", typed.notes)
    if item.kind in (WorkshopItemKind.FREE, WorkshopItemKind.SCENE, WorkshopItemKind.EXERCISE):
        item.title = _long_text(errors, f"{key}-title", typed.title, 160)
    if item.kind == WorkshopItemKind.SCENE:
        item.script = _long_text(errors, f"{key}-script", typed.script)
        story = _published_story(typed.story)
        if typed.story.strip() and story is None:
            errors.add(f"{key}-story", _("Choose a published story."), code="unknown")
        item.story = story
        item.clip_start = _number(
            errors, f"{key}-clip_start", typed.clip_start, maximum=MAX_CLIP_SECONDS, blank=None
        )
        item.clip_end = _number(
            errors, f"{key}-clip_end", typed.clip_end, maximum=MAX_CLIP_SECONDS, blank=None
        )
        if (
            item.clip_start is not None
            and item.clip_end is not None
            and f"{key}-clip_end" not in errors
            and item.clip_end <= item.clip_start
        ):
            errors.add(f"{key}-clip_end", _("The clip must end after it starts."), "order")
    if item.kind == WorkshopItemKind.EXERCISE:
        item.questions = _long_text(errors, f"{key}-questions", typed.questions)


def _new_item(errors: Errors, plan: WorkshopPlan, edit: PlanEdit) -> WorkshopItem | None:
    kind = edit.new_kind
    if kind not in WorkshopItemKind.values:
        errors.add("new_kind", _("Choose what to add."), code="invalid")
        return None
    item = WorkshopItem(plan=plan, kind=kind, minutes=DEFAULT_MINUTES[kind])
    if kind == WorkshopItemKind.METHOD:
        item.method = MethodCard.objects.filter(
            slug=_clean_text(edit.new_method), status=Publication.PUBLISHED
        ).first()
        if item.method is None:
            errors.add("new_method", _("Choose a published method card."), code="unknown")
    elif kind == WorkshopItemKind.STORY or (kind == WorkshopItemKind.SCENE and edit.new_story):
        item.story = _published_story(edit.new_story)
        if item.story is None:
            errors.add("new_story", _("Choose a published story."), code="unknown")
    if kind in (WorkshopItemKind.FREE, WorkshopItemKind.SCENE, WorkshopItemKind.EXERCISE):
        item.title = _long_text(errors, "new_title", edit.new_title, 160)
    return item


def _ordered(items: dict[int, WorkshopItem], typed: list[ItemInput]) -> list[WorkshopItem]:
    """The items in the order the form sent them, then any it did not send, in their place."""
    seen: list[WorkshopItem] = []
    for entry in typed:
        if entry.id in items and items[entry.id] not in seen:
            seen.append(items[entry.id])
    rest = [item for item in items.values() if item not in seen]
    return seen + sorted(rest, key=lambda item: (item.position, item.pk))


@transaction.atomic
def workshop_plan_create(
    *,
    user: User | AnonymousUser | None,
    title: str,
    kind: str = PlanKind.WORKSHOP,
    language: str = "fi",
    start_time: str = "",
    methods: Iterable[str] = (),
    stories: Iterable[str] = (),
) -> WorkshopPlan:
    """A new plan with an unguessable token; the cards and stories chosen become its first
    items, in the order given."""
    errors = Errors()
    clean_title = _title(errors, title)
    start = _start_time(errors, start_time)
    if kind not in PlanKind.values:
        errors.add("kind", _("Choose a workshop plan or a theatre session."), code="invalid")
    wanted_cards = [_clean_text(slug) for slug in methods]
    wanted_stories = [_clean_text(slug) for slug in stories]
    cards = MethodCard.objects.filter(slug__in=wanted_cards, status=Publication.PUBLISHED)
    found_cards = {card.slug: card for card in cards}
    found_stories = {
        story.slug: story
        for story in Story.objects.filter(slug__in=wanted_stories, status=Publication.PUBLISHED)
    }
    if any(slug not in found_cards for slug in wanted_cards):
        errors.add("methods", _("Choose a published method card."), code="unknown")
    if any(slug not in found_stories for slug in wanted_stories):
        errors.add("stories", _("Choose a published story."), code="unknown")
    if kind == PlanKind.WORKSHOP and not wanted_cards and not wanted_stories:
        errors.add("methods", _("Choose at least one card or story."), code="required")
    if len(wanted_cards) + len(wanted_stories) > MAX_ITEMS:
        errors.add("methods", _("A plan holds at most %(n)s items.") % {"n": MAX_ITEMS}, "max")
    errors.raise_if_any()
    plan = WorkshopPlan.objects.create(
        token=secrets.token_urlsafe(16),
        title=clean_title,
        kind=kind,
        language=language[:10],
        start_time=start,
        created_by=user if user is not None and user.is_authenticated else None,
    )
    rows = [
        WorkshopItem(plan=plan, kind=WorkshopItemKind.METHOD, method=found_cards[slug], minutes=30)
        for slug in dict.fromkeys(wanted_cards)
    ] + [
        WorkshopItem(plan=plan, kind=WorkshopItemKind.STORY, story=found_stories[slug], minutes=20)
        for slug in dict.fromkeys(wanted_stories)
    ]
    for position, row in enumerate(rows):
        row.position = position
    WorkshopItem.objects.bulk_create(rows)
    return plan


@transaction.atomic
def workshop_plan_change(
    *,
    user: User | AnonymousUser | None,
    plan: WorkshopPlan,
    edit: PlanEdit,
    session_tokens: Iterable[str] = (),
) -> PlanChanged:
    """Saves the plan's form whole (title, start time, every item's fields and order), then
    does what the pressed button asks: move an item one place, remove one, or add one.
    Refused as a whole when anything is wrong, so nothing is half saved; only the creator may."""
    if not can_edit_workshop(user, plan, session_tokens):
        raise PermissionDenied(_("Only the plan's creator can change it."))
    plan = WorkshopPlan.objects.select_for_update().get(pk=plan.pk)
    items = {item.pk: item for item in plan.items.select_related("method", "story")}
    errors = Errors()
    plan.title = _title(errors, edit.title)
    plan.start_time = _start_time(errors, edit.start_time)
    typed = {entry.id: entry for entry in edit.items}
    for item_id, entry in typed.items():
        if item_id in items:
            _apply(errors, items[item_id], entry)
    ordered = _ordered(items, edit.items)
    focus: WorkshopItem | None = None
    removed: WorkshopItem | None = None
    if edit.action in ("move", "remove") and edit.target not in items:
        errors.add("__all__", _("That item is no longer in the plan."), code="gone")
    elif edit.action == "move":
        focus = items[edit.target]
        index = ordered.index(focus)
        new_index = min(max(index + (1 if edit.direction > 0 else -1), 0), len(ordered) - 1)
        ordered.insert(new_index, ordered.pop(index))
    elif edit.action == "remove":
        removed = items[edit.target]
        ordered.remove(removed)
    elif edit.action == "add":
        if len(ordered) >= MAX_ITEMS:
            errors.add("new_kind", _("A plan holds at most %(n)s items.") % {"n": MAX_ITEMS})
        focus = _new_item(errors, plan, edit)
        if focus is not None:
            ordered.append(focus)
    errors.raise_if_any()
    plan.save()
    if removed is not None:
        removed.delete()
    for position, item in enumerate(ordered):
        item.position = position
        item.save()
    return PlanChanged(
        plan=plan,
        item_id=focus.pk if focus else None,
        position=ordered.index(focus) + 1 if focus else None,
        count=len(ordered),
    )
