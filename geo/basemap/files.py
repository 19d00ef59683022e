"""The PMTiles files of MAP_PMTILES_DIR: found by name only, with a version and their metadata."""

import os
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from stat import S_ISREG
from typing import BinaryIO

from django.conf import settings
from pmtiles.reader import Reader

# A name is one path part of letters, digits, - and _: "..", "/" or "%2F" can never form one,
# so no request reaches a file outside the folder.
NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
SUFFIX = ".pmtiles"


@dataclass(frozen=True)
class PmtilesFile:
    name: str
    path: Path
    size: int
    mtime_ns: int

    @property
    def etag(self) -> str:
        """A strong validator, as If-Range requires: it changes whenever the file is rewritten
        (build_basemap replaces the file, so its time changes with its bytes)."""
        return f'"{self.size:x}-{self.mtime_ns:x}"'

    @property
    def version(self) -> str:
        """The `v` query the pages put on the file's URL, so browsers may keep it a year."""
        return f"{self.size:x}{self.mtime_ns:x}"[-16:]

    @property
    def mtime(self) -> float:
        return self.mtime_ns / 1e9


def pmtiles_folder() -> Path:
    return Path(settings.MAP_PMTILES_DIR)


def pmtiles_path(name: str) -> Path | None:
    """Where `<name>.pmtiles` is in MAP_PMTILES_DIR; None for a name that is not one word."""
    if not NAME.match(name):
        return None
    return pmtiles_folder() / f"{name}{SUFFIX}"


def pmtiles_file(name: str) -> PmtilesFile | None:
    """The file `<name>.pmtiles` in MAP_PMTILES_DIR, or None for a bad name or a missing file."""
    path = pmtiles_path(name)
    try:
        stat = path.stat() if path else None
    except OSError:
        return None
    if stat is None or not S_ISREG(stat.st_mode):
        return None
    return PmtilesFile(name, path, stat.st_size, stat.st_mtime_ns)


def pmtiles_open(name: str) -> tuple[BinaryIO, PmtilesFile] | None:
    """The open file and what it is, from the one handle: a file replaced by a new build while
    it is being answered keeps answering the old bytes under the old ETag."""
    path = pmtiles_path(name)
    if path is None:
        return None
    try:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the response)
    except OSError:
        return None
    stat = os.fstat(handle.fileno())
    if not S_ISREG(stat.st_mode):
        handle.close()
        return None
    return handle, PmtilesFile(name, path, stat.st_size, stat.st_mtime_ns)


def pmtiles_metadata(file: PmtilesFile) -> dict:
    """The file's JSON metadata (name, attribution, vector_layers, ...) and its header's zoom
    levels; {} if it cannot be read."""
    return _metadata(str(file.path), file.size, file.mtime_ns)


@lru_cache(maxsize=32)
def _metadata(path: str, size: int, mtime_ns: int) -> dict:
    """Read once per version of the file (its size and time are part of the cache key)."""
    try:
        with open(path, "rb") as handle:

            def get_bytes(offset: int, length: int) -> bytes:
                handle.seek(offset)
                return handle.read(length)

            reader = Reader(get_bytes)
            header = reader.header()
            metadata = reader.metadata()
    except Exception:  # not a PMTiles file: served as it is, but not described
        return {}
    if not isinstance(metadata, dict):
        metadata = {}
    return {**metadata, "min_zoom": header["min_zoom"], "max_zoom": header["max_zoom"]}
