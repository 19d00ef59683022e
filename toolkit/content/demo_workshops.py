"""The demo's workshop plan and theatre session (in fi, sv and en), from the JSON files in
`toolkit/content/data/workshops/`, owned by the demo's toolkit editor so the demo can edit them.

Each file is one plan: token, title, kind ("workshop" or "theatre"), language, start time and
its items in order (kind, minutes, notes; a card's `method` or a story's `story` slug; a scene's
`story`, `clip_start`, `clip_end`, `script`; an exercise's `questions`). A mistake stops the load
before anything is written, naming the file. Running it again changes nothing.
"""

import json
from datetime import time
from pathlib import Path

from django.contrib.auth.models import User
from django.db import transaction

from toolkit.content.loader import toolkit_content_read
from toolkit.models import MethodCard, PlanKind, Story, WorkshopItem, WorkshopItemKind, WorkshopPlan
from toolkit.models.workshops import MAX_CLIP_SECONDS, MAX_MINUTES

DATA = Path(__file__).parent / "data" / "workshops"
ITEM_KEYS = {"kind", "minutes", "notes", "title", "method", "story", "script", "questions"}
ITEM_KEYS |= {"clip_start", "clip_end"}


class WorkshopDataError(ValueError):
    pass


def _item(path: Path, n: int, raw: dict, cards: dict, stories: dict) -> dict:
    where = f"{path.name}, item {n}"
    if not isinstance(raw, dict) or raw.get("kind") not in WorkshopItemKind.values:
        raise WorkshopDataError(f"{where}: kind must be one of {WorkshopItemKind.values}")
    if unknown := set(raw) - ITEM_KEYS:
        raise WorkshopDataError(f"{where}: unknown keys {sorted(unknown)}")
    minutes = raw.get("minutes", 0)
    if not isinstance(minutes, int) or not 0 <= minutes <= MAX_MINUTES:
        raise WorkshopDataError(f"{where}: minutes must be a whole number from 0 to {MAX_MINUTES}")
    for key in ("clip_start", "clip_end"):
        value = raw.get(key)
        if value is not None and (not isinstance(value, int) or not 0 <= value <= MAX_CLIP_SECONDS):
            raise WorkshopDataError(f"{where}: {key} must be seconds from 0 to {MAX_CLIP_SECONDS}")
    fields = {
        "kind": raw["kind"],
        "minutes": minutes,
        "notes": raw.get("notes", ""),
        "title": raw.get("title", ""),
        "script": raw.get("script", ""),
        "questions": raw.get("questions", ""),
        "clip_start": raw.get("clip_start"),
        "clip_end": raw.get("clip_end"),
        "method": None,
        "story": None,
    }
    if "method" in raw:
        if raw["method"] not in cards:
            raise WorkshopDataError(f"{where}: no method card {raw['method']!r}")
        fields["method"] = raw["method"]
    if "story" in raw:
        if raw["story"] not in stories:
            raise WorkshopDataError(f"{where}: no story {raw['story']!r}")
        fields["story"] = raw["story"]
    return fields


def workshops_demo_read() -> list[tuple[dict, list[dict]]]:
    """Every plan file checked against the toolkit's content files (before anything is
    written): (the plan's fields, its items' fields with card and story slugs), by file name."""
    content = toolkit_content_read()
    cards = {card.slug for card in content.cards}
    stories = {story.slug for story in content.stories}
    plans = []
    for path in sorted(DATA.glob("*.json")):
        try:
            raw = json.loads(path.read_text(encoding="utf-8"))
        except json.JSONDecodeError as error:
            raise WorkshopDataError(f"{path.name}, line {error.lineno}: {error.msg}") from None
        if raw.get("kind") not in PlanKind.values or not raw.get("title") or not raw.get("token"):
            raise WorkshopDataError(f"{path.name}: token, title and kind (workshop, theatre)")
        hours, minutes = (int(p) for p in raw.get("start_time", "0:00").split(":"))
        plan = {
            "title": raw["title"],
            "kind": raw["kind"],
            "language": raw.get("language", "fi"),
            "start_time": time(hours, minutes) if raw.get("start_time") else None,
        }
        items = [
            _item(path, n, item, cards, stories) for n, item in enumerate(raw["items"], start=1)
        ]
        plans.append(({"token": raw["token"], **plan}, items))
    return plans


def _same(plan: WorkshopPlan, items: list[dict]) -> bool:
    keys = [k for k in items[0]] if items else []
    saved = [{k: getattr(item, k) for k in keys} for item in plan.items.all()]
    return saved == items


@transaction.atomic
def workshops_demo_load(*, owner: User) -> int:
    """Create or update each demo plan by its token; returns how many there are."""
    plans = workshops_demo_read()
    cards = {c.slug: c for c in MethodCard.objects.all()}
    stories = {s.slug: s for s in Story.objects.all()}
    for fields, slugged in plans:
        items = [
            {**item, "method": cards.get(item["method"]), "story": stories.get(item["story"])}
            for item in slugged
        ]
        token = fields.pop("token")
        plan, _ = WorkshopPlan.objects.get_or_create(
            token=token, defaults={**fields, "created_by": owner}
        )
        changed = [k for k, v in fields.items() if getattr(plan, k) != v]
        if changed or plan.created_by_id != owner.pk:
            for key in changed:
                setattr(plan, key, fields[key])
            plan.created_by = owner
            plan.save()
        if not _same(plan, items):
            plan.items.all().delete()
            WorkshopItem.objects.bulk_create(
                WorkshopItem(plan=plan, position=n, **item) for n, item in enumerate(items)
            )
    return len(plans)
