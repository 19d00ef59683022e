"""Writes of a story's video: the upload (probed, bounded, queued for the worker) and its
captions and chapters per language (checked WebVTT). docs/decisions/0037."""

import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import F
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from engagement.common.errors import Errors
from engagement.common.queue import enqueue_atomically
from toolkit.content.selectors import clock
from toolkit.content.video import story_video_transcode, video_probe
from toolkit.content.webvtt import WebVTTError, webvtt_clean
from toolkit.models import Story, StoryVideo, VideoFailure, VideoState
from toolkit.models.video import VIDEO_LANGUAGES

TEXT_FIELDS = tuple(
    f"{kind}_{lang}" for kind in ("captions", "chapters") for lang in VIDEO_LANGUAGES
)


def _require_editor(editor: User) -> None:
    if not editor.has_perm("toolkit.change_story"):
        raise PermissionDenied(_("Only toolkit editors can change the toolkit."))


def _local_copy(upload: UploadedFile, folder: Path) -> Path:
    """The upload as a file on disk: its temporary file, or its bytes written there in chunks."""
    path = getattr(upload, "temporary_file_path", None)
    if path is not None:
        return Path(path())
    copy = folder / "upload"
    with copy.open("wb") as out:
        for chunk in upload.chunks():
            out.write(chunk)
    return copy


@transaction.atomic
def story_video_upload(*, editor: User, story: Story, upload: UploadedFile | None) -> StoryVideo:
    """Keep an editor's video for `story` and queue its transcoding; refuse what ffprobe cannot
    read, a file without a picture, one over VIDEO_MAX_BYTES or one over VIDEO_MAX_SECONDS."""
    _require_editor(editor)
    errors = Errors()
    limit = settings.VIDEO_MAX_BYTES
    if upload is None:
        errors.add("video", _("Choose a video file to upload."), code="required")
        errors.raise_if_any()
    if upload.size > limit or getattr(upload, "over_request_limit", False):
        errors.add(
            "video",
            _("The file is %(size)s; a video may be at most %(limit)s.")
            % {"size": filesizeformat(upload.size), "limit": filesizeformat(limit)},
            code="too_large",
        )
        errors.raise_if_any()
    upload.seek(0)
    with tempfile.TemporaryDirectory(prefix="yhdessa-upload-") as folder:
        probe = video_probe(_local_copy(upload, Path(folder)))
    if probe is None:
        errors.add(
            "video",
            _("This file is not a video the site can read. Upload an MP4, WebM, MOV or another "
              "common video file."),
            code="unreadable",
        )  # fmt: skip
    elif not probe.has_video:
        errors.add("video", str(VideoFailure.NO_VIDEO.label), code="no_video")
    elif probe.duration > settings.VIDEO_MAX_SECONDS:
        errors.add(
            "video",
            _("The video is %(length)s long; a video may be at most %(limit)s minutes.")
            % {"length": clock(probe.duration), "limit": settings.VIDEO_MAX_SECONDS // 60},
            code="too_long",
        )
    errors.raise_if_any()
    video = StoryVideo.objects.select_for_update().filter(story=story).first()
    old_original = video.original.name if video else ""
    if video is None:
        video = StoryVideo(story=story, generation=1)
    else:
        video.generation = F("generation") + 1
    video.state, video.failure = VideoState.PROCESSING, VideoFailure.NONE
    video.duration = round(probe.duration, 3)
    video.width, video.height = probe.width, probe.height
    video.uploaded_by = editor
    video.source_digest = ""
    upload.seek(0)
    video.original.save(f"{story.slug}.upload", upload, save=False)
    video.save()
    video.refresh_from_db()
    if old_original and old_original != video.original.name:
        storage = video.original.storage
        transaction.on_commit(lambda: storage.delete(old_original))
    enqueue_atomically(story_video_transcode, video.pk, video.generation)
    return video


@transaction.atomic
def story_video_texts_save(*, editor: User, story: Story, texts: dict[str, str]) -> StoryVideo:
    """Save the captions and chapters (WebVTT) of every language given; refuse each one that is
    not WebVTT or runs past the video, keeping the others unsaved too."""
    _require_editor(editor)
    video = StoryVideo.objects.select_for_update().filter(story=story).first()
    errors = Errors()
    if video is None:
        errors.add("__all__", _("Upload the video first; then add its captions."))
        errors.raise_if_any()
    cleaned = {}
    for field in TEXT_FIELDS:
        if field not in texts:
            continue
        try:
            cleaned[field] = webvtt_clean(texts[field], duration=video.duration)
        except WebVTTError as error:
            errors.add(field, str(error), code="webvtt")
    errors.raise_if_any()
    for field, value in cleaned.items():
        setattr(video, field, value)
    video.save()
    return video
