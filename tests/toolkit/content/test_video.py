"""A story's video: editors upload it, ffprobe refuses what is no video or too much, the queue
transcodes it (real ffmpeg), captions and chapters are checked WebVTT per language, the media
door answers byte ranges, and a draft story's video is not public."""

import os
import re
from html import unescape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from tests.factories.toolkit import StoryFactory
from tests.video_support import make_clip
from toolkit.content.video import story_video_transcode
from toolkit.content.webvtt import WebVTTError, webvtt_cues
from toolkit.models import StoryVideo, VideoState

pytestmark = pytest.mark.django_db

FI_CAPTIONS = (
    "WEBVTT\n\n00:00:00.000 --> 00:00:01.000\nHei maailma\n\n"
    "00:00:01.000 --> 00:00:01.900\nToinen\n"
)
SV_CAPTIONS = "WEBVTT\n\n00:00.000 --> 00:01.500\nHej världen\n"
CHAPTERS = "WEBVTT\n\n00:00.000 --> 00:01.000\nAlku\n\n00:01.000 --> 00:02.000\nLoppu\n"
SRT = "1\n00:00:00,000 --> 00:00:01,000\nHello\n"


@pytest.fixture(scope="session")
def clip_bytes(tmp_path_factory) -> bytes:
    return make_clip(tmp_path_factory.mktemp("clips") / "clip.mp4").read_bytes()


def _upload(client: Client, story, name: str, content: bytes, content_type="video/mp4"):
    return client.post(
        f"/en/toolkit/edit/stories/{story.slug}/video/",
        {"upload": "1", "video": SimpleUploadedFile(name, content, content_type)},
    )


@pytest.fixture
def ready(toolkit_editor_client, clip_bytes, django_capture_on_commit_callbacks):
    """A published story whose uploaded clip the queue has transcoded (the immediate backend
    runs the task at the commit, as the worker would after it)."""
    story = StoryFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = _upload(toolkit_editor_client, story, "clip.mp4", clip_bytes)
    assert response.status_code == 302, response.content.decode()[:3000]
    video = StoryVideo.objects.get(story=story)
    assert video.state == VideoState.READY, video.failure
    return video


def test_an_upload_is_transcoded_to_a_web_mp4_with_a_poster_and_its_duration(ready):
    assert ready.file.name.endswith(".mp4") and ready.poster.name.endswith(".jpg")
    assert 1.8 < ready.duration < 2.3
    head = ready.file.open("rb").read(64)
    assert b"ftyp" in head[:12]
    # faststart: the index (moov) comes before the media data (mdat).
    data = ready.file.open("rb").read()
    assert data.index(b"moov") < data.index(b"mdat")
    assert ready.poster.open("rb").read(3) == b"\xff\xd8\xff"


def test_the_task_is_idempotent(ready):
    assert story_video_transcode.call(ready.pk, ready.generation) == "skipped"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("noise.mp4", os.urandom(50_000)),
        ("notes.mp4", b"This is a text file, not a video.\n" * 100),
        ("empty.mp4", b""),
    ],
    ids=["random bytes", "text named .mp4", "empty"],
)
def test_what_ffmpeg_cannot_read_is_refused_in_words(toolkit_editor_client, name, content):
    story = StoryFactory()
    response = _upload(toolkit_editor_client, story, name, content)
    assert response.status_code == 400
    text = response.content.decode()
    assert "not a video the site can read" in text or "The submitted file is empty" in text
    assert not StoryVideo.objects.filter(story=story).exists()


def test_a_truncated_video_is_refused(toolkit_editor_client, clip_bytes):
    story = StoryFactory()
    response = _upload(toolkit_editor_client, story, "cut.mp4", clip_bytes[: len(clip_bytes) // 3])
    assert response.status_code == 400
    assert "not a video the site can read" in response.content.decode()


def test_finnish_editors_read_the_refusal_in_finnish(toolkit_editor_client):
    story = StoryFactory()
    response = toolkit_editor_client.post(
        f"/toolkit/edit/stories/{story.slug}/video/",
        {"upload": "1", "video": SimpleUploadedFile("x.mp4", b"nope", "video/mp4")},
    )
    assert response.status_code == 400
    assert "ei ole video" in response.content.decode()


def test_an_oversized_upload_is_refused_before_it_is_probed(
    toolkit_editor_client, clip_bytes, settings
):
    settings.VIDEO_MAX_BYTES = 1000
    story = StoryFactory()
    response = _upload(toolkit_editor_client, story, "clip.mp4", clip_bytes)
    assert response.status_code == 400
    assert "a video may be at most 1000" in response.content.decode()


def test_a_video_over_the_length_limit_is_refused(toolkit_editor_client, clip_bytes, settings):
    settings.VIDEO_MAX_SECONDS = 1
    story = StoryFactory()
    response = _upload(toolkit_editor_client, story, "clip.mp4", clip_bytes)
    assert response.status_code == 400
    assert "0:02 long" in response.content.decode()


def test_only_editors_reach_the_video_page(resident_client, client):
    story = StoryFactory()
    assert resident_client.get(f"/en/toolkit/edit/stories/{story.slug}/video/").status_code == 403
    assert client.get(f"/en/toolkit/edit/stories/{story.slug}/video/").status_code == 302


def test_a_lost_upload_fails_with_a_reason_the_editor_reads(ready, toolkit_editor_client):
    StoryVideo.objects.filter(pk=ready.pk).update(state=VideoState.PROCESSING)
    ready.original.storage.delete(ready.original.name)
    assert story_video_transcode.call(ready.pk, ready.generation) == "failed"
    page = toolkit_editor_client.get(f"/en/toolkit/edit/stories/{ready.story.slug}/video/")
    assert 'data-state="failed"' in page.content.decode()
    assert "lost before it could be processed" in page.content.decode()


# Captions and chapters -------------------------------------------------------------------------


@pytest.fixture
def probed():
    """A story's video as its upload left it (2 s long): enough for its captions' checks."""
    return StoryVideo.objects.create(
        story=StoryFactory(), original="stories/video/original/x.upload", duration=2.0
    )


def _texts(client, story, **fields):
    return client.post(f"/en/toolkit/edit/stories/{story.slug}/video/", {"texts": "1", **fields})


def test_captions_per_language_are_saved_and_each_track_has_its_own_language(
    ready, toolkit_editor_client, client
):
    response = _texts(
        toolkit_editor_client,
        ready.story,
        captions_fi=FI_CAPTIONS,
        captions_sv=SV_CAPTIONS,
        chapters_fi=CHAPTERS,
    )
    assert response.status_code == 302
    page = client.get(f"/en/toolkit/stories/{ready.story.slug}/").content.decode()
    tracks = re.findall(r'<track kind="captions" src="([^"]+)" srclang="(\w+)"', page)
    assert [lang for _src, lang in tracks] == ["fi", "sv"]
    assert client.get(tracks[0][0]).content.decode() == FI_CAPTIONS
    assert client.get(tracks[0][0])["Content-Type"].startswith("text/vtt")
    # The chapters, in the only language that has them, are buttons that seek.
    assert 'data-seek="1.000"' in page and "Loppu" in page
    assert 'kind="chapters"' in page


def test_a_captions_file_can_be_uploaded_instead_of_typed(probed, toolkit_editor_client):
    response = toolkit_editor_client.post(
        f"/en/toolkit/edit/stories/{probed.story.slug}/video/",
        {"texts": "1", "captions_en_file": SimpleUploadedFile("c.vtt", SV_CAPTIONS.encode())},
    )
    assert response.status_code == 302
    probed.refresh_from_db()
    assert probed.captions_en == SV_CAPTIONS


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (SRT, "the first line must be"),
        ("WEBVTT\n\n00:00:01.000 -> 00:00:02.000\nHi\n", "a cue needs a timing line"),
        ("WEBVTT\n\n00:00:01.500 --> 00:00:01.000\nHi\n", "the cue ends before it starts"),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:00:01.500\nA\n\n00:00:00.500 --> 00:00:00.900\nB\n",
            "the cue starts before the one above it",
        ),
        ("WEBVTT\n\n00:00:01.000 --> 00:00:09.000\nLate\n", "the cue ends after the video"),
    ],
    ids=["srt", "timing", "backwards", "unordered", "past the end"],
)
def test_wrong_captions_are_refused_and_what_was_typed_is_kept(
    probed, toolkit_editor_client, text, words
):
    response = _texts(
        toolkit_editor_client, probed.story, captions_fi=text, captions_sv=SV_CAPTIONS
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert words in page
    assert text.split("\n")[1] in unescape(page)  # the typed text is in its box again
    probed.refresh_from_db()
    assert probed.captions_fi == "" and probed.captions_sv == ""  # nothing half-saved


def test_random_bytes_uploaded_as_captions_are_refused(probed, toolkit_editor_client):
    response = toolkit_editor_client.post(
        f"/en/toolkit/edit/stories/{probed.story.slug}/video/",
        {"texts": "1", "captions_fi_file": SimpleUploadedFile("c.vtt", os.urandom(3000))},
    )
    assert response.status_code == 400
    assert "not" in response.content.decode() and "WebVTT" in response.content.decode()


def test_webvtt_reader_accepts_header_text_notes_and_cue_ids():
    cues = webvtt_cues(
        "WEBVTT - Tesoma\n\nNOTE a note\n\nintro\n00:00.000 --> 00:01.000 align:start\nHi\n"
    )
    assert [(c.start, c.end, c.text) for c in cues] == [(0.0, 1.0, "Hi")]
    with pytest.raises(WebVTTError):
        webvtt_cues("\x00WEBVTT")


# The media door --------------------------------------------------------------------------------


def test_the_video_is_served_in_byte_ranges(ready, client):
    url = ready.file.url
    size = ready.file.size
    whole = client.get(url)
    assert whole.status_code == 200
    assert whole["Accept-Ranges"] == "bytes"
    assert int(whole["Content-Length"]) == size
    assert whole["Content-Type"] == "video/mp4"
    part = client.get(url, HTTP_RANGE="bytes=100-199")
    assert part.status_code == 206
    assert part["Content-Range"] == f"bytes 100-199/{size}"
    assert b"".join(part.streaming_content) == ready.file.open("rb").read()[100:200]
    tail = client.get(url, HTTP_RANGE="bytes=-10")
    assert (
        tail.status_code == 206 and tail["Content-Range"] == f"bytes {size - 10}-{size - 1}/{size}"
    )
    open_end = client.get(url, HTTP_RANGE="bytes=0-")
    assert open_end.status_code == 206 and int(open_end["Content-Length"]) == size
    beyond = client.get(url, HTTP_RANGE=f"bytes={size}-")
    assert beyond.status_code == 416 and beyond["Content-Range"] == f"bytes */{size}"
    assert client.get(url, HTTP_RANGE="bytes=-0").status_code == 416
    # Unreadable or several ranges: the whole file.
    assert client.get(url, HTTP_RANGE="pages=1-2").status_code == 200
    assert client.get(url, HTTP_RANGE="bytes=0-1,5-6").status_code == 200
    # Another version named in If-Range: the whole file, never mixed bytes.
    assert client.get(url, HTTP_RANGE="bytes=0-1", HTTP_IF_RANGE='"other"').status_code == 200
    assert client.get(url, HTTP_IF_NONE_MATCH=whole["ETag"]).status_code == 304
    head = client.head(url, HTTP_RANGE="bytes=0-9")
    assert head.status_code == 206 and head["Content-Length"] == "10"


def test_a_draft_storys_video_poster_and_captions_are_hidden_from_the_public(
    ready, toolkit_editor_client, client
):
    _texts(toolkit_editor_client, ready.story, captions_fi=FI_CAPTIONS)
    ready.story.status = "draft"
    ready.story.save()
    track = f"/toolkit/stories/{ready.story.slug}/video/captions.fi.vtt"
    for url in (ready.file.url, ready.poster.url, track):
        assert client.get(url).status_code == 404, url
        assert client.get(url, HTTP_RANGE="bytes=0-9").status_code == 404, url
        assert toolkit_editor_client.get(url).status_code in (200, 206), url
    # The original upload is never served, not even to editors.
    assert toolkit_editor_client.get(ready.original.url).status_code == 404
    assert client.get(f"/toolkit/stories/{ready.story.slug}/").status_code == 404
