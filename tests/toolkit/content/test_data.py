"""The toolkit's content files: the shipped ones load and reach the database as written, and a
broken one is refused with its file and line."""

from pathlib import Path

import pytest

from tests.datafiles import data_copy, data_refusal, edit, line_of
from toolkit.content.datafiles import LANGUAGES
from toolkit.content.demo import toolkit_demo_load
from toolkit.content.loader import DATA_DIR, STORY_TEXT_FIELDS, toolkit_content_read
from toolkit.models import MethodCard, Phase, Story
from toolkit.translation import CARD_FIELDS


def test_shipped_content_loads_with_every_language_and_phase():
    content = toolkit_content_read()
    assert len(content.cards) == 13
    assert len(content.stories) == 4
    assert {card.phase for card in content.cards} == set(Phase.values)
    for card in content.cards:
        assert set(card.texts) == set(LANGUAGES)
        assert all(set(texts) == set(CARD_FIELDS) for texts in card.texts.values())
    for story in content.stories:
        assert all(set(texts) == set(STORY_TEXT_FIELDS) for texts in story.texts.values())
    (captions,) = content.captions
    assert (captions.story, captions.language) == ("coffee-with-the-area-coordinator", "en")
    assert captions.text.startswith("WEBVTT\n")


def test_field_texts_are_read_verbatim_markdown():
    card = next(c for c in toolkit_content_read().cards if c.slug == "stakeholder-mapping")
    assert card.texts["en"]["title"] == "Stakeholder map"
    steps = card.texts["fi"]["steps"].split("\n")
    assert steps[0].startswith("1. Kokoa 3–6 ihmistä")  # noqa: RUF001
    assert steps[-1].startswith("6. Valokuvaa kartta")
    assert "\n\n- Kuinka suuri osa" in card.texts["fi"]["evaluation"]


@pytest.mark.django_db
def test_demo_load_writes_the_files_and_a_second_run_changes_nothing():
    assert toolkit_demo_load() == (13, 4)
    content = toolkit_content_read()
    spec = next(c for c in content.cards if c.slug == "charrette")
    card = MethodCard.objects.get(slug="charrette")
    for language in LANGUAGES:
        assert getattr(card, f"steps_{language}") == spec.texts[language]["steps"]
    assert card.phase == spec.phase and card.themes == spec.themes
    # `related` is symmetrical: a card listed by another is related to it too.
    listed_by = {c.slug for c in content.cards if "charrette" in c.related}
    assert set(card.related.values_list("slug", flat=True)) == set(spec.related) | listed_by
    story = Story.objects.get(slug="coffee-with-the-area-coordinator")
    assert story.place_name == "Länsikeskuksen kahvila"
    assert (story.place.x, story.place.y) == (23.6283, 61.4995)
    assert set(story.methods.values_list("slug", flat=True)) == {
        "neighbourhood-office-hours",
        "you-said-we-did",
        "map-survey",
    }
    stamps = sorted(MethodCard.objects.values_list("slug", "updated_at"))
    assert toolkit_demo_load() == (13, 4)
    assert sorted(MethodCard.objects.values_list("slug", "updated_at")) == stamps
    assert MethodCard.objects.count() == 13 and Story.objects.count() == 4


@pytest.fixture
def data(tmp_path) -> Path:
    return data_copy(DATA_DIR, tmp_path)


def _refusal(data: Path) -> str:
    return data_refusal(toolkit_content_read, data)


def test_unknown_phase_is_refused_at_itsline_of(data):
    path = data / "methods" / "walking-workshop.md"
    edit(path, "phase: planning", "phase: plan")
    message = _refusal(data)
    assert message.startswith(f"{path}:{line_of(path, 'phase: plan')}: ")
    assert 'unknown phase "plan" (expected planning, implementation, evaluation)' in message


def test_missing_language_is_refused(data):
    path = data / "methods" / "charrette.md"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("\n# en\n")] + "\n", encoding="utf-8")
    message = _refusal(data)
    last = len(path.read_text(encoding="utf-8").splitlines())
    assert message == f'{path}:{last}: missing language section "# en"'


def test_missing_field_in_one_language_is_refused_at_that_language(data):
    path = data / "stories" / "learning-from-a-partner-suburb.md"
    text = path.read_text(encoding="utf-8")
    sv = text.index("\n# sv\n")
    start = text.index("\n## lessons\n", sv)
    end = text.index("\n## ", start + 1)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    message = _refusal(data)
    assert message == f'{path}:{line_of(path, "# sv")}: missing field "## lessons" in language "sv"'


def test_bad_front_matter_is_refused_at_itsline_of(data):
    path = data / "methods" / "map-survey.md"
    edit(path, "themes: [", "themes: [[")
    message = _refusal(data)
    assert message.startswith(f"{path}:{line_of(path, 'audiences:')}: bad front matter: ")


def test_unclosed_front_matter_is_refused(data):
    path = data / "methods" / "map-survey.md"
    lines = path.read_text(encoding="utf-8").splitlines()
    closing = lines.index("---", 1)
    path.write_text("\n".join(lines[:closing] + lines[closing + 1 :]), encoding="utf-8")
    assert _refusal(data) == f"{path}:1: the front matter is not closed by a line '---'"


def test_unknown_related_slug_is_refused_at_its_ownline_of(data):
    path = data / "methods" / "charrette.md"
    text = path.read_text(encoding="utf-8")
    related = next(line for line in text.splitlines() if line.startswith("related: ["))
    slugs = related.removeprefix("related: [").removesuffix("]").split(", ")
    items = [slugs[0], "no-such-card", *slugs[1:]]
    block = "related:\n" + "".join(f"  - {slug}\n" for slug in items)
    path.write_text(text.replace(related + "\n", block), encoding="utf-8")
    message = _refusal(data)
    line = line_of(path, "- no-such-card")
    assert line == line_of(path, "related:") + 2
    assert message == f'{path}:{line}: unknown method card "no-such-card" in related'


def test_story_naming_a_missing_method_is_refused(data):
    path = data / "stories" / "residents-garden-and-repair-cafe.md"
    edit(path, "methods: [", "methods: [gardening, ")
    message = _refusal(data)
    assert (
        message == f'{path}:{line_of(path, "methods:")}: unknown method card "gardening" in methods'
    )


def test_unknown_field_heading_is_refused_at_itsline_of(data):
    path = data / "methods" / "learning-cafe.md"
    edit(path, "## watch_out", "## watch out")
    message = _refusal(data)
    assert message.startswith(f'{path}:{line_of(path, "## watch out")}: unknown field "watch out"')


def test_captions_without_webvtt_header_are_refused(data):
    path = data / "captions" / "coffee-with-the-area-coordinator.en.vtt"
    edit(path, "WEBVTT\n", "")
    assert _refusal(data) == (
        f'{path}:1: This is not WebVTT: the first line must be "WEBVTT". (SRT files are not '
        "accepted; convert them to WebVTT.)"
    )


def test_captions_cue_ending_before_it_starts_is_refused_at_its_timing(data):
    path = data / "captions" / "coffee-with-the-area-coordinator.en.vtt"
    edit(path, "00:00:04.000 --> 00:00:07.000", "00:00:09.000 --> 00:00:07.000")
    line = line_of(path, "00:00:09.000 -->")
    assert _refusal(data) == f"{path}:{line}: the cue ends before it starts"
