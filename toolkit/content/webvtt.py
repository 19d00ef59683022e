"""WebVTT typed or uploaded by an editor: checked, with a translated message naming the line.

A captions or chapters track must start with "WEBVTT"; every cue needs a well-formed timing line
("00:00:01.000 --> 00:00:04.000", hours optional), end after it starts, start no earlier than
the cue above it, have text, and end within the video. SRT (a number and "00:00:01,000"),
random bytes and plain text are refused. `chapters_list` turns a checked chapters track into
the (start, title) list the story page shows as buttons.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_TIME = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_TIMING = re.compile(rf"^{_TIME}[ \t]+-->[ \t]+{_TIME}(?:[ \t]+.*)?$")
_HEADER = re.compile(r"^\ufeff?WEBVTT(?:[ \t].*)?$")
_SPECIAL = re.compile(r"^(NOTE|STYLE|REGION)(?:[ \t]|$)")
# A track this long is not captions of a 20-minute video.
MAX_CHARACTERS = 200_000


class WebVTTError(ValueError):
    """A track that is not valid WebVTT; `str()` is the translated message for the editor.

    `line` is the 1-based line at fault and `problem` the message without it (None and the
    whole message when the fault is the file as a whole), so a data file's loader can name the
    file and line in its own form (`toolkit.content.datafiles.webvtt_check`).
    """

    def __init__(self, message: str, *, line: int | None = None, problem: str = "") -> None:
        super().__init__(message)
        self.line = line
        self.problem = problem or message


@dataclass(frozen=True)
class Cue:
    start: float
    end: float
    text: str


def _seconds(groups: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, millis = groups
    return int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds) + int(millis) / 1000


def _line_error(number: int, message: str) -> WebVTTError:
    return WebVTTError(
        _("Line %(line)s: %(problem)s") % {"line": number, "problem": message},
        line=number,
        problem=message,
    )


def webvtt_cues(text: str, *, duration: float | None = None) -> list[Cue]:
    """The cues of a WebVTT track, or WebVTTError with a translated message."""
    if "\x00" in text or len(text) > MAX_CHARACTERS:
        raise WebVTTError(_("This is not a WebVTT file."))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not lines or not _HEADER.match(lines[0]):
        raise WebVTTError(
            _('This is not WebVTT: the first line must be "WEBVTT". (SRT files are not accepted; '
              "convert them to WebVTT.)"),
            line=1,
        )  # fmt: skip
    index = 1
    while index < len(lines) and lines[index].strip():  # header lines up to the first blank
        index += 1
    cues: list[Cue] = []
    previous_start = 0.0
    while index < len(lines):
        if not lines[index].strip():
            index += 1
            continue
        block_start = index
        while index < len(lines) and lines[index].strip():
            index += 1
        block = lines[block_start:index]
        if _SPECIAL.match(block[0]):
            continue
        timing_at = 1 if "-->" not in block[0] and len(block) > 1 else 0  # optional cue id
        number = block_start + timing_at + 1
        timing = _TIMING.match(block[timing_at].strip())
        if timing is None:
            raise _line_error(
                number, _('a cue needs a timing line like "00:00:01.000 --> 00:00:04.000".')
            )
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        if end <= start:
            raise _line_error(number, _("the cue ends before it starts."))
        if start < previous_start:
            raise _line_error(number, _("the cue starts before the one above it."))
        if duration is not None and end > duration + 0.5:
            raise _line_error(
                number,
                _("the cue ends after the video (%(seconds)s s).") % {"seconds": round(duration)},
            )
        if len(block) <= timing_at + 1:
            raise _line_error(number, _("the cue has no text."))
        previous_start = start
        cues.append(Cue(start, end, "\n".join(block[timing_at + 1 :]).strip()))
    return cues


def webvtt_clean(text: str, *, duration: float | None = None) -> str:
    """The track as it will be stored (line ends normalised, blank if empty), or WebVTTError."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return ""
    webvtt_cues(text, duration=duration)
    return text.lstrip("\ufeff") + "\n"


def chapters_list(text: str) -> list[Cue]:
    """A stored chapters track's cues (start and title); [] if it is empty or broken."""
    try:
        return webvtt_cues(text) if text.strip() else []
    except WebVTTError:
        return []
