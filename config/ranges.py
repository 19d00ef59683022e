"""A file under MEDIA_ROOT answered whole or in one byte range, as `<video>` asks for it.

A browser playing a video asks for `Range: bytes=0-` and then for the part it seeks to: one
satisfiable range answers 206 with Content-Range; a range that starts past the end (or a
zero-length suffix) 416 with `Content-Range: bytes */<size>`; an unreadable or multi-part Range,
or an If-Range naming another version, the whole file (200; RFC 9110 lets a server ignore Range).
Every answer says `Accept-Ranges: bytes` and carries Last-Modified and a strong ETag made of
the file's size and time; If-None-Match / If-Modified-Since answer 304. The body is streamed in
chunks, so a large video never sits in memory. With nginx in front (X-Accel-Redirect), nginx
answers ranges itself.
"""

import mimetypes
import posixpath
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils._os import safe_join
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe

CHUNK = 64 * 1024
_RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)


def byte_range(header: str | None, size: int) -> tuple[int, int] | str | None:
    """(first, last) of the one range asked for, "unsatisfiable", or None for the whole file."""
    if not header or "," in header:
        return None
    match = _RANGE.match(header)
    if not match or match.groups() == ("", ""):
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        if last and int(last) < start:
            return None  # an invalid range is ignored (RFC 9110 14.1.1)
        if start >= size:
            return "unsatisfiable"
        return start, min(int(last), size - 1) if last else size - 1
    suffix = int(last)  # bytes=-N: the last N bytes
    if suffix == 0 or size == 0:
        return "unsatisfiable"
    return max(size - suffix, 0), size - 1


class _Chunks:
    """`length` bytes of an open file from `start`, in chunks; closed by the response."""

    def __init__(self, handle: BinaryIO, start: int, length: int) -> None:
        self.handle, self.start, self.length = handle, start, length

    def __iter__(self) -> Iterator[bytes]:
        self.handle.seek(self.start)
        remaining = self.length
        while remaining > 0:
            chunk = self.handle.read(min(CHUNK, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk

    def close(self) -> None:
        self.handle.close()


def _path(name: str) -> Path:
    name = posixpath.normpath(name).lstrip("/")
    try:
        path = Path(safe_join(settings.MEDIA_ROOT, name))
    except ValueError:
        raise Http404 from None
    if not path.is_file():
        raise Http404
    return path


def ranged_file_response(request: HttpRequest, name: str) -> HttpResponse:
    """MEDIA_ROOT/<name>, whole (200) or one range (206), or 416, 304; HEAD without a body."""
    path = _path(name)
    stat = path.stat()
    size, mtime = stat.st_size, int(stat.st_mtime)
    etag = f'"{size:x}-{stat.st_mtime_ns:x}"'
    content_type, encoding = mimetypes.guess_type(str(path))
    headers = {
        "Content-Type": content_type or "application/octet-stream",
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": http_date(mtime),
    }
    if encoding:
        headers["Content-Encoding"] = encoding
    placeholder = HttpResponse(headers=headers)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=mtime, response=placeholder
    )
    if conditional is not placeholder:
        return conditional
    wanted = (
        byte_range(request.headers.get("Range"), size)
        if _if_range_holds(request, etag, mtime)
        else None
    )
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416, headers=headers)
        response["Content-Range"] = f"bytes */{size}"
        return response
    start, end = wanted if wanted else (0, size - 1)
    length = max(end - start + 1, 0)
    status = 206 if wanted else 200
    if request.method == "HEAD":
        response = HttpResponse(status=status, headers=headers)
    else:
        handle = open(path, "rb")  # noqa: SIM115 (closed by the response)
        response = StreamingHttpResponse(
            _Chunks(handle, start, length), status=status, headers=headers
        )
    response["Content-Length"] = str(length)
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


def _if_range_holds(request: HttpRequest, etag: str, mtime: int) -> bool:
    value = (request.headers.get("If-Range") or "").strip()
    if not value:
        return True
    if value.startswith(('"', "W/")):
        return value == etag
    return parse_http_date_safe(value) == mtime


__all__ = ["byte_range", "ranged_file_response"]
