"""Starting content for the toolkit: method cards and stories written for Yhdessä and Tesoma.

Tesoma, the 1960s-70s suburb in western Tampere around the Länsikeskus shopping centre, is the
demo area. The cards follow the three phases of local development work (planning, running,
evaluating) and the themes of the Tesoma charrette; the stories are invented but modelled on
Finnish suburb renewal practice, and name no private persons. The texts live as Markdown in
`toolkit/content/data/` (Finnish, Swedish and English, not word for word), read and checked by
`toolkit.content.loader`.

`toolkit_demo_load()` creates or updates all of it by slug, published; running it again changes
nothing.
"""

from typing import Any

from django.contrib.gis.geos import Point
from django.db import transaction
from django.utils import translation

from toolkit.content.datafiles import LANGUAGES
from toolkit.content.loader import (
    STORY_TEXT_FIELDS,
    MethodCardData,
    Texts,
    toolkit_content_read,
)
from toolkit.models import MethodCard, Publication, Story
from toolkit.translation import CARD_FIELDS


def _related_slugs(cards: tuple[MethodCardData, ...]) -> dict[str, set[str]]:
    """Each card's related cards, both ways: the relation is symmetrical in the database."""
    related: dict[str, set[str]] = {card.slug: set() for card in cards}
    for card in cards:
        for other in card.related:
            related[card.slug].add(other)
            related[other].add(card.slug)
    return related


def _point(place: tuple[float, float] | None) -> Point | None:
    if place is None:
        return None
    lon, lat = place
    return Point(lon, lat, srid=4326)


def _same_place(current: Point | None, wanted: Point | None) -> bool:
    if current is None or wanted is None:
        return current is None and wanted is None
    return current.srid == wanted.srid and current.equals_exact(wanted, tolerance=1e-9)


def _set_values(obj: Any, values: dict[str, Any]) -> bool:
    """Set plain fields; True if any of them changed."""
    changed = False
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed = True
    return changed


def _set_texts(obj: Any, texts: Texts, fields: tuple[str, ...]) -> bool:
    """Set every language's column, and the untranslated column to the Finnish text.

    Call inside `translation.override("fi")`: assigning the plain field then writes `<field>_fi`
    too. True if anything changed.
    """
    changed = False
    for field in fields:
        if not hasattr(type(obj), f"{field}_fi"):
            continue  # a single column, not translated (yet)
        for lang in LANGUAGES:
            value = texts[lang][field]
            name = f"{field}_{lang}"
            if getattr(obj, name) != value:
                changed = True
            setattr(obj, name, value)
    for field in fields:
        value = texts["fi"][field]
        # The untranslated column, as loaded from the database (the attribute itself resolves
        # to the active language's column).
        if obj.__dict__.get(field) != value:
            changed = True
        setattr(obj, field, value)
    return changed


def _save_if_changed(obj: Any, changed: bool) -> None:
    if changed or obj.pk is None:
        obj.full_clean()
        obj.save()


def toolkit_demo_load() -> tuple[int, int]:
    """Create or update every method card and story by slug, published; idempotent.

    Returns the numbers of cards and stories.
    """
    content = toolkit_content_read()
    with translation.override("fi"), transaction.atomic():
        cards: dict[str, MethodCard] = {}
        for spec in content.cards:
            card = MethodCard.objects.filter(slug=spec.slug).first() or MethodCard(slug=spec.slug)
            changed = _set_values(
                card,
                {
                    "phase": spec.phase,
                    "themes": spec.themes,
                    "audiences": spec.audiences,
                    "time_effort": spec.time_effort,
                    "people_effort": spec.people_effort,
                    "cost_effort": spec.cost_effort,
                    "status": str(Publication.PUBLISHED),
                },
            )
            changed = _set_texts(card, spec.texts, CARD_FIELDS) or changed
            _save_if_changed(card, changed)
            cards[spec.slug] = card

        for slug, wanted in _related_slugs(content.cards).items():
            card = cards[slug]
            if set(card.related.values_list("slug", flat=True)) != wanted:
                card.related.set([cards[other] for other in sorted(wanted)])

        stories = 0
        for spec in content.stories:
            story = Story.objects.filter(slug=spec.slug).first() or Story(slug=spec.slug)
            changed = _set_values(
                story,
                {
                    "themes": spec.themes,
                    "audiences": spec.audiences,
                    "video_url": spec.video_url,
                    "status": str(Publication.PUBLISHED),
                },
            )
            place = _point(spec.place)
            if not _same_place(story.place, place):
                story.place = place
                changed = True
            changed = _set_texts(story, spec.texts, STORY_TEXT_FIELDS) or changed
            _save_if_changed(story, changed)
            methods = set(spec.methods)
            if set(story.methods.values_list("slug", flat=True)) != methods:
                story.methods.set([cards[slug] for slug in spec.methods])
            stories += 1

    return len(cards), stories
