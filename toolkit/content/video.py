"""A story's video through ffmpeg (docs/decisions/0037): probed at upload, transcoded by the
task queue's worker.

`video_probe` asks ffprobe what a file is (in the request, so the editor learns at once that a
file is no video or too long). `story_video_transcode` (a @task) makes the web version: H.264
(yuv420p, at most 720 lines) and AAC in an MP4 with the index first (+faststart, so playing
starts before the whole file has arrived), a JPEG poster from the first second, and the
duration read again from the result. It is idempotent: it works only on a video still
"processing" at the generation it was queued for, and writes its files under new names.
"""

import json
import logging
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.core.files.storage import default_storage
from django.db import transaction
from django_tasks import task

from toolkit.models import StoryVideo, VideoFailure, VideoState

logger = logging.getLogger(__name__)

PROBE_TIMEOUT = 30
# Debian's ffmpeg package (platform/install-debian.sh); found on PATH.
FFMPEG, FFPROBE = "ffmpeg", "ffprobe"


@dataclass(frozen=True)
class Probe:
    """What ffprobe read: None when it could not read the file as media at all."""

    duration: float
    has_video: bool
    has_audio: bool
    width: int | None
    height: int | None


def video_probe(path: Path) -> Probe | None:
    """ffprobe's reading of the file at `path`, or None if it is not media ffprobe can read."""
    try:
        done = subprocess.run(  # noqa: S603 (a list of arguments, no shell)
            [FFPROBE, "-v", "error", "-show_format", "-show_streams", "-of", "json", str(path)],
            capture_output=True, timeout=PROBE_TIMEOUT, check=False,
        )  # fmt: skip
    except (subprocess.TimeoutExpired, OSError):
        return None
    if done.returncode != 0:
        return None
    try:
        found = json.loads(done.stdout or b"{}")
        streams = found.get("streams") or []
        duration = float((found.get("format") or {}).get("duration") or 0)
    except (ValueError, TypeError, AttributeError):
        return None
    video = [
        s for s in streams
        if s.get("codec_type") == "video" and not (s.get("disposition") or {}).get("attached_pic")
    ]  # fmt: skip
    audio = [s for s in streams if s.get("codec_type") == "audio"]
    if not streams or duration <= 0:
        return None
    first = video[0] if video else {}
    return Probe(
        duration=duration,
        has_video=bool(video),
        has_audio=bool(audio),
        width=first.get("width"),
        height=first.get("height"),
    )


def _ffmpeg(arguments: list[str], *, timeout: float) -> bool:
    try:
        done = subprocess.run(  # noqa: S603 (a list of arguments, no shell)
            [FFMPEG, "-nostdin", "-hide_banner", "-loglevel", "error", "-y", *arguments],
            capture_output=True, timeout=timeout, check=False,
        )  # fmt: skip
    except subprocess.TimeoutExpired:
        raise
    except OSError:
        logger.exception("ffmpeg could not be started")
        return False
    if done.returncode != 0:
        logger.warning("ffmpeg failed: %s", done.stderr.decode(errors="replace")[-2000:])
    return done.returncode == 0


def transcode_web(source: Path, target: Path, *, has_audio: bool, timeout: float) -> bool:
    """H.264/AAC MP4 with faststart, at most 720 lines high, even dimensions."""
    audio = ["-map", "0:a:0", "-c:a", "aac", "-b:a", "128k", "-ac", "2"] if has_audio else []
    return _ffmpeg(
        ["-i", str(source), "-map", "0:v:0", *audio,
         "-vf", "scale=-2:'min(720,ih)':flags=bicubic,format=yuv420p",
         "-c:v", "libx264", "-preset", "veryfast", "-crf", "24", "-profile:v", "high",
         "-movflags", "+faststart", "-sn", "-dn", "-map_metadata", "-1", str(target)],
        timeout=timeout,
    )  # fmt: skip


def poster_make(source: Path, target: Path, *, at: float, timeout: float) -> bool:
    return _ffmpeg(
        ["-ss", f"{at:.2f}", "-i", str(source), "-frames:v", "1", "-q:v", "3", str(target)],
        timeout=timeout,
    )  # fmt: skip


def _fail(video_id: int, generation: int, failure: str) -> None:
    StoryVideo.objects.filter(pk=video_id, generation=generation).update(
        state=VideoState.FAILED, failure=failure
    )


@task()
def story_video_transcode(video_id: int, generation: int) -> str:
    """Make the web version and poster of a story's upload; "ready", "failed" or "skipped"."""
    video = StoryVideo.objects.filter(
        pk=video_id, generation=generation, state=VideoState.PROCESSING
    ).first()
    if video is None:
        return "skipped"  # done already, or replaced by a newer upload
    timeout = float(settings.VIDEO_TRANSCODE_TIMEOUT)
    with tempfile.TemporaryDirectory(prefix="yhdessa-video-") as folder:
        work = Path(folder)
        source = work / "source"
        try:
            with (
                default_storage.open(video.original.name, "rb") as stored,
                source.open("wb") as out,
            ):
                shutil.copyfileobj(stored, out, 1024 * 1024)
        except (FileNotFoundError, ValueError):
            _fail(video_id, generation, VideoFailure.MISSING)
            return "failed"
        probe = video_probe(source)
        if probe is None:
            _fail(video_id, generation, VideoFailure.UNREADABLE)
            return "failed"
        if not probe.has_video:
            _fail(video_id, generation, VideoFailure.NO_VIDEO)
            return "failed"
        if probe.duration > settings.VIDEO_MAX_SECONDS:
            _fail(video_id, generation, VideoFailure.TOO_LONG)
            return "failed"
        web, poster = work / "web.mp4", work / "poster.jpg"
        try:
            made = transcode_web(source, web, has_audio=probe.has_audio, timeout=timeout)
            result = video_probe(web) if made else None
            made = result is not None and poster_make(
                web, poster, at=min(1.0, result.duration / 2), timeout=timeout
            )
        except subprocess.TimeoutExpired:
            _fail(video_id, generation, VideoFailure.TIMEOUT)
            return "failed"
        if not made or result is None:
            _fail(video_id, generation, VideoFailure.UNREADABLE)
            return "failed"
        with web.open("rb") as web_file, poster.open("rb") as poster_file:
            web_name = default_storage.save(
                f"stories/video/web/{video.story.slug}-{video_id}-{generation}.mp4", File(web_file)
            )
            poster_name = default_storage.save(
                f"stories/video/poster/{video.story.slug}-{video_id}-{generation}.jpg",
                File(poster_file),
            )
    with transaction.atomic():
        current = (
            StoryVideo.objects.select_for_update()
            .filter(pk=video_id, generation=generation, state=VideoState.PROCESSING)
            .first()
        )
        if current is None:
            for name in (web_name, poster_name):
                default_storage.delete(name)
            return "skipped"
        old = [name for name in (current.file.name, current.poster.name) if name]
        current.file.name, current.poster.name = web_name, poster_name
        current.duration = round(result.duration, 3)
        current.width, current.height = result.width, result.height
        current.state, current.failure = VideoState.READY, VideoFailure.NONE
        current.save()
        transaction.on_commit(lambda: [default_storage.delete(name) for name in old])
    return "ready"
