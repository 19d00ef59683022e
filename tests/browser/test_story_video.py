"""A trainer uploads a short video to a story, adds Finnish captions, and sees the transcoded
video play with them on the story's page; the demo's own video plays with captions in three
languages and chapters that seek. Real ffmpeg; the task runs at the commit (immediate backend)."""

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client
from django.test.testcases import _MediaFilesHandler
from playwright.sync_api import Page, expect

from tests.browser.test_campaign_journey import serious_violations
from tests.video_support import make_clip
from toolkit.models import Story, StoryVideo

CAPTIONS = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nEnsimmäinen tekstitys\n\n"
    "00:00:01.000 --> 00:00:02.000\nToinen tekstitys\n"
)


@pytest.fixture(autouse=True)
def media_door(monkeypatch):
    """The live server answers /media/ itself (Django's test handler: whole files, no
    Accept-Ranges, no permission check); here the site's own door (config.media, in byte
    ranges) answers, as in production, so seeking is tested through it."""
    monkeypatch.setattr(_MediaFilesHandler, "_should_handle", lambda self, path: False)


def _sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.add_cookies([{
        "name": settings.SESSION_COOKIE_NAME,
        "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
        "url": live_server.url,
    }])  # fmt: skip


def _plays(page: Page) -> None:
    """Played (muted, so autoplay rules allow it; the page loads nothing before, preload
    "none"), the player gets the video's data and its time moves."""
    page.evaluate(
        "() => { const v = document.getElementById('story-video'); v.muted = true; v.play(); }"
    )
    page.wait_for_function(
        "() => document.getElementById('story-video').readyState >= 2", timeout=10_000
    )
    page.wait_for_function(
        "() => document.getElementById('story-video').currentTime > 0.3", timeout=10_000
    )


def test_a_trainer_uploads_a_video_adds_finnish_captions_and_sees_it_play(
    page: Page, live_server, demo, tmp_path
):
    story = Story.objects.filter(status="published", story_video=None).order_by("slug").first()
    editor = get_user_model().objects.get(username="toimittaja@example.org")
    _sign_in(page, live_server, editor)
    clip = make_clip(tmp_path / "harjoitus.mp4", seconds=2)

    page.goto(f"{live_server.url}/toolkit/edit/{'stories'}/{story.slug}/")
    page.get_by_role("link", name="Video, tekstitykset ja luvut").click()
    expect(page.locator("#video-state")).to_have_attribute("data-state", "none")
    page.get_by_label("Videotiedosto").set_input_files(str(clip))
    page.get_by_role("button", name="Lataa", exact=True).click()
    expect(page.locator("#video-state")).to_have_attribute("data-state", "ready")
    page.locator("#id_captions_fi").fill(CAPTIONS)
    page.get_by_role("button", name="Tallenna tekstitykset ja luvut").click()
    expect(page.get_by_text("Tekstitykset ja luvut tallennettu.")).to_be_visible()
    assert serious_violations(page) == []

    page.goto(f"{live_server.url}/toolkit/stories/{story.slug}/")
    _plays(page)
    tracks = page.evaluate(
        """() => { const t = document.getElementById('story-video').textTracks;
          return Array.from(t).map((track) => ({language: track.language, kind: track.kind})); }"""
    )
    assert tracks == [{"language": "fi", "kind": "captions"}]
    page.evaluate(
        "() => { document.getElementById('story-video').textTracks[0].mode = 'showing'; }"
    )
    page.wait_for_function(
        "() => (document.getElementById('story-video').textTracks[0].cues || []).length === 2"
    )
    assert serious_violations(page) == []
    assert StoryVideo.objects.get(story=story).duration > 1.5


def test_the_demo_video_has_captions_in_three_languages_and_chapters_that_seek(
    page: Page, live_server, demo
):
    video = StoryVideo.objects.select_related("story").get(
        story__slug="coffee-with-the-area-coordinator"
    )
    page.goto(f"{live_server.url}/sv/toolkit/stories/{video.story.slug}/")
    _plays(page)
    languages = page.evaluate(
        """() => Array.from(document.getElementById('story-video').textTracks)
          .filter((t) => t.kind === 'captions').map((t) => t.language)"""
    )
    assert languages == ["fi", "sv", "en"]
    # The Swedish page's chapters are Swedish; the last one moves the video there.
    page.get_by_role("button", name="Årets resultat").click()
    page.wait_for_function(
        "() => document.getElementById('story-video').currentTime > 11", timeout=15_000
    )
    assert serious_violations(page) == []


def test_the_editors_page_shows_the_finished_video_without_being_reloaded(
    page: Page, live_server, demo
):
    """While the worker transcodes, the page checks by itself and announces the new state."""
    video = StoryVideo.objects.select_related("story").get(state="ready")
    StoryVideo.objects.filter(pk=video.pk).update(state="processing")
    _sign_in(page, live_server, get_user_model().objects.get(username="toimittaja@example.org"))
    page.goto(f"{live_server.url}/toolkit/edit/stories/{video.story.slug}/video/")
    expect(page.locator("#video-state")).to_have_attribute("data-state", "processing")
    page.evaluate("() => { window.notReloaded = true; }")

    StoryVideo.objects.filter(pk=video.pk).update(state="ready")
    expect(page.locator("#video-state")).to_have_attribute("data-state", "ready", timeout=10_000)
    expect(page.locator("#video-state-news")).to_contain_text("Valmis.")
    expect(page.locator("#editor-video")).to_be_attached()
    assert page.evaluate("() => window.notReloaded") is True
