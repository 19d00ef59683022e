"""Parsing of the workshop plan's forms: POST data into the services' inputs; no rules."""

from django.http import QueryDict

from engagement.common.forms import form_id
from toolkit.workshops.services import ItemInput, PlanEdit

ITEM_FIELDS = (
    "minutes",
    "notes",
    "title",
    "script",
    "questions",
    "story",
    "clip_start",
    "clip_end",
)


def _id(value: str) -> int | None:
    return form_id(value)


def plan_edit_from_post(post: QueryDict) -> PlanEdit:
    """The plan form's fields, its items in the order sent (`item`, repeated), and the button
    pressed: `move` = "<id>:up" or "<id>:down", `remove` = "<id>", `add` = a kind."""
    items = []
    for raw in post.getlist("item"):
        item_id = _id(raw)
        if item_id is None:
            continue
        values = {name: post.get(f"item-{item_id}-{name}", "") for name in ITEM_FIELDS}
        items.append(ItemInput(id=item_id, **values))
    action, target, direction, add = "save", None, 0, ""
    if move := post.get("move"):
        raw_id, _, way = move.partition(":")
        action, target, direction = "move", _id(raw_id), (-1 if way == "up" else 1)
    elif remove := post.get("remove"):
        action, target = "remove", _id(remove)
    elif add := post.get("add"):
        action = "add"
    story_field = "new_scene_story" if action == "add" and add == "scene" else "new_story"
    return PlanEdit(
        title=post.get("title", ""),
        start_time=post.get("start_time", ""),
        items=items,
        action=action,
        target=target,
        direction=direction,
        new_kind=add if action == "add" else "",
        new_method=post.get("new_method", ""),
        new_story=post.get(story_field, ""),
        new_title=post.get(f"new_{add}_title", "") if action == "add" else "",
    )


def typed_rows(schedule_items, post: QueryDict | None) -> list[dict]:
    """Each item with the values to show: as typed after a refusal, else as saved."""
    rows = []
    by_id = {row.item.pk: row for row in schedule_items}
    order = [row.item.pk for row in schedule_items]
    if post is not None:
        sent = [i for i in (_id(raw) for raw in post.getlist("item")) if i in by_id]
        order = sent + [pk for pk in order if pk not in sent]
    for number, pk in enumerate(order, start=1):
        row = by_id[pk]
        item = row.item
        saved = {
            "minutes": item.minutes,
            "notes": item.notes,
            "title": item.title,
            "script": item.script,
            "questions": item.questions,
            "story": item.story.slug if item.story else "",
            "clip_start": "" if item.clip_start is None else item.clip_start,
            "clip_end": "" if item.clip_end is None else item.clip_end,
        }
        if post is not None and f"item-{pk}-minutes" in post:
            saved = {name: post.get(f"item-{pk}-{name}", "") for name in ITEM_FIELDS}
        rows.append({"row": row, "item": item, "number": number, "values": saved})
    return rows
