"""The real worker (`manage.py worker`, as `make run` starts it) transcodes an editor's upload:
the page says "processing" until the worker has made the web version and its poster."""

from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories.toolkit import StoryFactory
from tests.queue_support import wait_for
from tests.test_queue_worker import smtp, workers  # noqa: F401 (fixtures)
from tests.video_support import make_clip
from toolkit.models import StoryVideo, VideoState


def test_the_worker_transcodes_an_upload(workers, toolkit_editor_client, client, tmp_path):  # noqa: F811
    story = StoryFactory()
    clip = make_clip(tmp_path / "clip.mp4", seconds=1)
    url = f"/en/toolkit/edit/stories/{story.slug}/video/"
    response = toolkit_editor_client.post(
        url, {"upload": "1", "video": SimpleUploadedFile("clip.mp4", clip.read_bytes())}
    )
    assert response.status_code == 302
    assert 'data-state="processing"' in toolkit_editor_client.get(url).content.decode()
    # Nothing is public before the worker has made it.
    assert "<video" not in client.get(f"/en/toolkit/stories/{story.slug}/").content.decode()

    workers.start()
    wait_for(
        lambda: StoryVideo.objects.get(story=story).state != VideoState.PROCESSING,
        "the transcoding",
        logs=workers,
    )
    video = StoryVideo.objects.get(story=story)
    assert video.state == VideoState.READY, workers.logs()
    assert 'data-state="ready"' in toolkit_editor_client.get(url).content.decode()
    page = client.get(f"/en/toolkit/stories/{story.slug}/").content.decode()
    assert video.file.url in page and video.poster.url in page
    assert client.get(video.file.url, HTTP_RANGE="bytes=0-99").status_code == 206
