"""The toolkit's starting content, read from `toolkit/content/data/` and validated.

- `methods/<slug>.md`: a method card; front matter `phase`, `themes`, `audiences`,
  `time_effort`, `people_effort`, `cost_effort`, `related` (slugs of other cards);
- `stories/<slug>.md`: a story; front matter `themes`, `audiences`, `methods` (card slugs),
  optional `place` ([longitude, latitude]) and `video_url`;
- `captions/<story slug>.<language>.vtt`: WebVTT captions for a story's clip.

Each Markdown file holds all three languages as `# fi`, `# sv`, `# en` sections of `## field`
texts (see `datafiles`), so a card's facts are written once and a missing translation is an error
in that very file. Values are checked against the models' choices; every mistake raises
`DataFileError` with the file and line.
"""

from dataclasses import dataclass
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_slug

from toolkit.content.datafiles import (
    LANGUAGES,
    DataFileError,
    Document,
    document_read,
    meta_choice,
    meta_choices,
    meta_list,
    meta_value,
    read_text,
    webvtt_check,
)
from toolkit.models import Audience, Effort, Phase, ToolkitTheme
from toolkit.translation import CARD_FIELDS, STORY_FIELDS

DATA_DIR = Path(__file__).resolve().parent / "data"
# A story's place name is written per language too, beside the translated fields.
STORY_TEXT_FIELDS = tuple(dict.fromkeys((*STORY_FIELDS, "place_name")))
CARD_KEYS = (
    "phase",
    "themes",
    "audiences",
    "time_effort",
    "people_effort",
    "cost_effort",
    "related",
)
STORY_KEYS = ("themes", "audiences", "methods", "place", "video_url")

Texts = dict[str, dict[str, str]]  # language -> field -> Markdown


@dataclass(frozen=True)
class MethodCardData:
    slug: str
    path: Path
    phase: str
    themes: list[str]
    audiences: list[str]
    time_effort: str
    people_effort: str
    cost_effort: str
    related: list[str]
    texts: Texts


@dataclass(frozen=True)
class StoryData:
    slug: str
    path: Path
    themes: list[str]
    audiences: list[str]
    methods: list[str]
    place: tuple[float, float] | None  # longitude, latitude in WGS 84
    video_url: str
    texts: Texts


@dataclass(frozen=True)
class CaptionsData:
    story: str
    language: str
    path: Path
    text: str


@dataclass(frozen=True)
class ToolkitContent:
    cards: tuple[MethodCardData, ...]
    stories: tuple[StoryData, ...]
    captions: tuple[CaptionsData, ...]

    def card_slugs(self) -> set[str]:
        return {card.slug for card in self.cards}


def toolkit_content_read(root: Path = DATA_DIR) -> ToolkitContent:
    """Every card, story and captions file under `root`, in file-name order, validated."""
    root = Path(root)
    card_docs = [_card(path) for path in sorted((root / "methods").glob("*.md"))]
    story_docs = [_story(path) for path in sorted((root / "stories").glob("*.md"))]
    slugs = {card.slug for card, _doc in card_docs}
    for card, doc in card_docs:
        _check_references(doc, card.related, slugs, key="related")
    for story, doc in story_docs:
        _check_references(doc, story.methods, slugs, key="methods")
    cards = tuple(card for card, _doc in card_docs)
    stories = tuple(story for story, _doc in story_docs)
    story_slugs = {story.slug for story in stories}
    captions = tuple(
        _captions(path, story_slugs) for path in sorted((root / "captions").glob("*.vtt"))
    )
    return ToolkitContent(cards, stories, captions)


def _slug(path: Path) -> str:
    try:
        validate_slug(path.stem)
    except ValidationError:
        message = "the file name must be a slug: lower-case letters, digits and hyphens"
        raise DataFileError(path, None, message) from None
    return path.stem


def _common(doc: Document) -> tuple[list[str], list[str]]:
    themes = meta_choices(doc, "themes", ToolkitTheme.values, what="theme")
    audiences = meta_choices(doc, "audiences", Audience.values, what="audience")
    return themes, audiences


def _card(path: Path) -> tuple[MethodCardData, Document]:
    slug = _slug(path)
    doc = document_read(path, fields=CARD_FIELDS, keys=CARD_KEYS)
    themes, audiences = _common(doc)
    card = MethodCardData(
        slug=slug,
        path=path,
        phase=meta_choice(doc, "phase", Phase.values, what="phase"),
        themes=themes,
        audiences=audiences,
        time_effort=meta_choice(doc, "time_effort", Effort.values, what="time effort"),
        people_effort=meta_choice(doc, "people_effort", Effort.values, what="people effort"),
        cost_effort=meta_choice(doc, "cost_effort", Effort.values, what="cost effort"),
        related=meta_list(doc, "related", what="card", default=[]),
        texts=doc.texts,
    )
    return card, doc


def _story(path: Path) -> tuple[StoryData, Document]:
    slug = _slug(path)
    doc = document_read(path, fields=STORY_TEXT_FIELDS, keys=STORY_KEYS)
    themes, audiences = _common(doc)
    story = StoryData(
        slug=slug,
        path=path,
        themes=themes,
        audiences=audiences,
        methods=meta_list(doc, "methods", what="card", default=[]),
        place=_place(doc),
        video_url=_video_url(doc),
        texts=doc.texts,
    )
    return story, doc


def _place(doc: Document) -> tuple[float, float] | None:
    place = meta_value(doc, "place", default=None)
    if place is None:
        return None
    numbers = isinstance(place, list) and len(place) == 2
    numbers = numbers and all(type(value) in (int, float) for value in place)
    if not numbers or not (-180 <= place[0] <= 180 and -90 <= place[1] <= 90):
        raise doc.error("place", "place must be [longitude, latitude] in degrees (WGS 84)")
    return float(place[0]), float(place[1])


def _video_url(doc: Document) -> str:
    url = meta_value(doc, "video_url", default="")
    if not isinstance(url, str):
        raise doc.error("video_url", "video_url must be a web address")
    if url:
        try:
            URLValidator(schemes=["https", "http"])(url)
        except ValidationError:
            raise doc.error("video_url", f'"{url}" is not a web address') from None
    return url


def _check_references(doc: Document, slugs: list[str], cards: set[str], *, key: str) -> None:
    """Every slug names a card that exists, other than the card itself."""
    itself = doc.path.stem if key == "related" else None
    for index, slug in enumerate(slugs):
        if slug == itself:
            raise doc.error(key, f'"{slug}" in {key} is the card itself', item=index)
        if slug not in cards:
            raise doc.error(key, f'unknown method card "{slug}" in {key}', item=index)


def _captions(path: Path, stories: set[str]) -> CaptionsData:
    story, _, language = path.stem.rpartition(".")
    if not story or language not in LANGUAGES:
        message = f"name captions <story slug>.<language>.vtt, language one of {LANGUAGES}"
        raise DataFileError(path, None, message)
    if story not in stories:
        raise DataFileError(path, None, f'no story "{story}" for these captions')
    text = read_text(path)
    webvtt_check(path, text)
    return CaptionsData(story=story, language=language, path=path, text=text)
