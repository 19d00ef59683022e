"""The demo's video: made from the project's own slides and espeak-ng's Finnish narration, with
captions in fi, sv and en that say the narration while it is spoken; loading again changes
nothing."""

import json

import pytest

from tests.factories.toolkit import StoryFactory
from toolkit.content.demo_video import DATA_DIR, demo_videos_load
from toolkit.content.webvtt import webvtt_cues
from toolkit.models import StoryVideo, VideoState

pytestmark = pytest.mark.django_db


def test_the_demo_video_is_made_once_with_matching_captions_in_three_languages():
    spec = json.loads((DATA_DIR / "coffee-with-the-area-coordinator.json").read_text())
    story = StoryFactory(slug=spec["story"])
    assert demo_videos_load() == [story.slug]
    video = StoryVideo.objects.get(story=story)
    assert video.state == VideoState.READY
    assert 8 < video.duration < 25
    for lang in ("fi", "sv", "en"):
        cues = webvtt_cues(video.captions(lang), duration=video.duration)
        assert [c.text for c in cues] == [s["narration"][lang] for s in spec["slides"]]
        chapters = webvtt_cues(video.chapters(lang), duration=video.duration)
        assert [c.text for c in chapters] == [s["title"][lang] for s in spec["slides"]]
    # The same timing in every language: the spoken Finnish narration's.
    assert len({tuple(c.start for c in webvtt_cues(video.captions(lang))) for lang in
                ("fi", "sv", "en")}) == 1  # fmt: skip
    assert video.file.storage.exists(video.file.name)
    assert video.poster.open("rb").read(3) == b"\xff\xd8\xff"

    before = (video.updated_at, video.file.name)
    assert demo_videos_load() == [story.slug]
    video.refresh_from_db()
    assert (video.updated_at, video.file.name) == before
