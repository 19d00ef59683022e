"""Helpers for the tests that break a copy of a data folder and read the refusal."""

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from toolkit.content.datafiles import DataFileError


def edit(path: Path, old: str, new: str) -> None:
    """Replace the first `old` in the file, which must be there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, text: str) -> int:
    """The 1-based line on which `text` is first written."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(number for number, line in enumerate(lines, start=1) if text in line)


def data_copy(source: Path, tmp_path: Path) -> Path:
    """A copy of a shipped data folder to break."""
    shutil.copytree(source, tmp_path / "data")
    return tmp_path / "data"


def data_refusal(read: Callable[[Path], object], data: Path) -> str:
    """What the reader says of the broken folder (it must refuse it)."""
    with pytest.raises(DataFileError) as caught:
        read(data)
    return str(caught.value)
