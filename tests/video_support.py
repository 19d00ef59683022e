"""Short real videos made by ffmpeg for the video tests (cached per test session)."""

import subprocess
from pathlib import Path


def make_clip(
    path: Path, *, seconds: float = 2, size: str = "320x240", faststart: bool = False
) -> Path:
    """`seconds` of ffmpeg's test pattern with a 440 Hz tone, H.264/AAC in MP4."""
    subprocess.run(
        ["ffmpeg", "-nostdin", "-loglevel", "error", "-y",
         "-f", "lavfi", "-i", f"testsrc=size={size}:rate=25:duration={seconds}",
         "-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}",
         "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p", "-c:a", "aac",
         "-shortest", *(["-movflags", "+faststart"] if faststart else []), str(path)],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    return path
