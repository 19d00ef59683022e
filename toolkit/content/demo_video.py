"""The demo's real video, made at `load_demo` from the project's own material (decision 0037).

`toolkit/content/data/video/<story slug>.json` lists slides: a title and a narration per
language. Each slide is drawn by Pillow (its title and the Finnish narration), the Finnish
narration is spoken by espeak-ng, and ffmpeg joins them into a web MP4 (H.264/AAC, faststart)
with a poster. The captions (fi, sv, en) are the narration, timed from the spoken audio's own
length, so they match what is heard; the chapters are the slides' titles.

Made once per content: the files are cached under `.local/demo-video/<digest>/`, and a story
whose video was made from the same digest is left alone, so a second `load_demo` changes nothing
and costs milliseconds. Without ffmpeg or espeak-ng the demo loads without its video.
"""

import hashlib
import json
import logging
import os
import shutil
import subprocess
import tempfile
import wave
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.core.files import File
from django.db import transaction

from toolkit.content.video import FFMPEG, poster_make, video_probe
from toolkit.models import Story, StoryVideo, VideoFailure, VideoState
from toolkit.models.video import VIDEO_LANGUAGES

logger = logging.getLogger(__name__)

DATA_DIR = Path(__file__).resolve().parent / "data" / "video"
# Raise when the way the video is made changes, so cached files are made again.
RECIPE = "2"
# Slides are still: a few frames a second is smooth, and five times less to encode than 25.
FPS = 5
SIZE = (1280, 720)
GAP = 0.6  # silence after each slide's narration, seconds
LEAD = 0.3  # before it
ESPEAK = "espeak-ng"
FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
FONT_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


@dataclass(frozen=True)
class DemoVideo:
    story: str
    digest: str
    folder: Path


def _timestamp(seconds: float) -> str:
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{int(hours):02d}:{int(minutes):02d}:{secs:06.3f}"


def _tracks(slides: list[dict], spans: list[tuple[float, float, float]]) -> dict[str, str]:
    """captions_<lang> and chapters_<lang>: the narration when it is spoken, the titles."""
    tracks = {}
    for lang in VIDEO_LANGUAGES:
        captions, chapters = ["WEBVTT", ""], ["WEBVTT", ""]
        for slide, (start, speech_end, end) in zip(slides, spans, strict=True):
            captions += [f"{_timestamp(start)} --> {_timestamp(speech_end)}",
                         slide["narration"][lang], ""]  # fmt: skip
            chapters += [
                f"{_timestamp(start - LEAD)} --> {_timestamp(end)}",
                slide["title"][lang],
                "",
            ]
        tracks[f"captions_{lang}"] = "\n".join(captions)
        tracks[f"chapters_{lang}"] = "\n".join(chapters)
    return tracks


def _font(path: Path, size: int):
    from PIL import ImageFont

    return ImageFont.truetype(str(path), size) if path.exists() else ImageFont.load_default(size)


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if draw.textlength(candidate, font=font) > width and line:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line] if line else lines


def _slide(path: Path, slide: dict, number: int, total: int) -> None:
    from PIL import Image, ImageDraw

    image = Image.new("RGB", SIZE, slide["colour"])
    draw = ImageDraw.Draw(image)
    draw.text(
        (80, 60), f"Yhdessä · Tesoma · {number}/{total}", fill="#ffffff", font=_font(FONT, 32)
    )
    title = _font(FONT_BOLD, 72)
    y = 220
    for line in _wrap(draw, slide["title"]["fi"], title, SIZE[0] - 160):
        draw.text((80, y), line, fill="#ffffff", font=title)
        y += 90
    body = _font(FONT, 44)
    y += 30
    for line in _wrap(draw, slide["narration"]["fi"], body, SIZE[0] - 160):
        draw.text((80, y), line, fill="#ffffff", font=body)
        y += 58
    image.save(path)


def _make(spec: dict, folder: Path) -> None:
    """Slides, narration, the MP4, the poster and the tracks into `folder` (made elsewhere and
    moved in whole, so a half-made folder is never found)."""
    slides = spec["slides"]
    with tempfile.TemporaryDirectory(prefix="yhdessa-demo-video-") as tmp:
        work = Path(tmp)
        spans, frames, offset = [], [], 0.0
        narration = work / "narration.wav"
        with wave.open(str(narration), "wb") as out:
            for number, slide in enumerate(slides, start=1):
                speech = work / f"speech-{number}.wav"
                subprocess.run(  # noqa: S603 (a list of arguments, no shell)
                    [ESPEAK, "-v", "fi", "-s", "150", "-w", str(speech), slide["narration"]["fi"]],
                    check=True, capture_output=True, timeout=60,
                )  # fmt: skip
                with wave.open(str(speech), "rb") as spoken:
                    if number == 1:
                        out.setparams(spoken.getparams())
                    rate = spoken.getframerate()
                    frame = spoken.getsampwidth() * spoken.getnchannels()
                    audio = spoken.readframes(spoken.getnframes())
                    length = spoken.getnframes() / rate
                lead, gap = (b"\x00" * (int(s * rate) * frame) for s in (LEAD, GAP))
                out.writeframes(lead + audio + gap)
                start = offset + LEAD
                spans.append((start, start + length, start + length + GAP))
                frames.append((work / f"slide-{number}.png", LEAD + length + GAP))
                _slide(frames[-1][0], slide, number, len(slides))
                offset += LEAD + length + GAP
        inputs = []
        for image, seconds in frames:
            inputs += [
                "-loop",
                "1",
                "-framerate",
                str(FPS),
                "-t",
                f"{seconds:.3f}",
                "-i",
                str(image),
            ]
        joined = "".join(f"[{n}:v]" for n in range(len(frames)))
        video = work / "video.mp4"
        subprocess.run(  # noqa: S603 (a list of arguments, no shell)
            [FFMPEG, "-nostdin", "-loglevel", "error", "-y", *inputs, "-i", str(narration),
             "-filter_complex", f"{joined}concat=n={len(frames)}:v=1:a=0,format=yuv420p[v]",
             "-map", "[v]", "-map", f"{len(frames)}:a", "-c:v", "libx264", "-preset", "veryfast",
             "-tune", "stillimage", "-crf", "28", "-r", str(FPS), "-c:a", "aac", "-b:a", "96k",
             "-ac", "2", "-shortest", "-movflags", "+faststart", str(video)],
            check=True, capture_output=True, timeout=120,
        )  # fmt: skip
        if not poster_make(video, work / "poster.jpg", at=1.0, timeout=60):
            raise RuntimeError("ffmpeg made no poster")
        (work / "tracks.json").write_text(json.dumps(_tracks(slides, spans), ensure_ascii=False))
        # Staged under a name of this process's own: two test processes making it at once
        # each finish, and the first one's folder is kept.
        staged = folder.with_name(f"{folder.name}.part-{os.getpid()}")
        shutil.rmtree(staged, ignore_errors=True)
        staged.mkdir(parents=True)
        for name in ("video.mp4", "poster.jpg", "tracks.json"):
            shutil.move(str(work / name), staged / name)
        try:
            staged.rename(folder)
        except OSError:  # made meanwhile by another process
            shutil.rmtree(staged, ignore_errors=True)


def demo_videos_load(*, root: Path = DATA_DIR) -> list[str]:
    """Make (or find in the cache) each data file's video and give it to its story; the slugs of
    the stories whose video is in place. Idempotent."""
    if not (shutil.which("ffmpeg") and shutil.which("espeak-ng")):
        return []
    done = []
    for path in sorted(root.glob("*.json")):
        text = path.read_text(encoding="utf-8")
        spec = json.loads(text)
        story = Story.objects.filter(slug=spec["story"]).first()
        if story is None:
            continue
        digest = hashlib.sha256(f"{RECIPE}\n{text}".encode()).hexdigest()
        current = StoryVideo.objects.filter(story=story).first()
        if (
            current is not None
            and current.source_digest == digest
            and current.state == VideoState.READY
            and current.file
            and current.file.storage.exists(current.file.name)
        ):
            done.append(story.slug)
            continue
        folder = Path(settings.BASE_DIR) / ".local" / "demo-video" / digest
        if not (folder / "tracks.json").exists():
            try:
                _make(spec, folder)
            except (OSError, RuntimeError, subprocess.SubprocessError):
                logger.exception("The demo video of %s could not be made", story.slug)
                continue  # the demo loads without it
        _attach(story, current, folder, digest)
        done.append(story.slug)
    return done


@transaction.atomic
def _attach(story: Story, current: StoryVideo | None, folder: Path, digest: str) -> None:
    """The cached files into MEDIA_ROOT (or the bucket) as the story's ready video."""
    probe = video_probe(folder / "video.mp4")
    video = current or StoryVideo(story=story)
    for field, name, stored in (("original", "video.mp4", f"{story.slug}-demo.mp4"),
                                ("file", "video.mp4", f"{story.slug}-demo.mp4"),
                                ("poster", "poster.jpg", f"{story.slug}-demo.jpg")):  # fmt: skip
        with (folder / name).open("rb") as handle:
            getattr(video, field).save(stored, File(handle), save=False)
    for field, value in json.loads((folder / "tracks.json").read_text()).items():
        setattr(video, field, value)
    video.duration = round(probe.duration, 3) if probe else None
    video.width, video.height = (probe.width, probe.height) if probe else (None, None)
    video.state, video.failure = VideoState.READY, VideoFailure.NONE
    video.source_digest = digest
    video.save()
