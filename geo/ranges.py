"""One file answered whole or in one byte range: the base map's PMTiles and the media door.

A reader that seeks (a PMTiles reader, a `<video>`) asks for `Range: bytes=a-b`. One satisfiable
range answers 206 with Content-Range; a range that starts past the end (or a zero-length suffix)
416 with `Content-Range: bytes */<size>`; an unreadable or multi-part Range, or an If-Range naming
another version, the whole file (200; RFC 9110 lets a server ignore Range, and the reader never
mixes the bytes of two versions). If-None-Match / If-Modified-Since answer 304. HEAD answers the
same headers without a body. The body is read from the one open handle in chunks, so a large file
never sits in memory and a file replaced meanwhile (written beside and renamed over) cannot change
the bytes mid-answer. Here, in `geo`, because every app and `config` may import it.
"""

import re
from collections.abc import Iterator
from typing import BinaryIO

from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
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


def if_range_holds(request: HttpRequest, etag: str, mtime: int) -> bool:
    """If-Range names this version (its strong ETag, or exactly its date): the range applies."""
    value = (request.headers.get("If-Range") or "").strip()
    if not value:
        return True
    if value.startswith(('"', "W/")):
        return value == etag
    return parse_http_date_safe(value) == mtime


class FileChunks:
    """`length` bytes of an open file from `start`, in chunks; the response closes it."""

    def __init__(self, handle: BinaryIO, start: int = 0, length: int = 0) -> None:
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


def ranged_response(
    request: HttpRequest,
    *,
    handle: BinaryIO,
    size: int,
    etag: str,
    mtime: int,
    headers: dict[str, str],
) -> HttpResponse:
    """The answer for an open file: 304, 416, 206 or 200. The handle is closed by the response
    when it streams, and here otherwise (or on an error)."""
    body = FileChunks(handle)
    try:
        response = _answer(request, body, size=size, etag=etag, mtime=mtime, headers=headers)
    except BaseException:
        body.close()
        raise
    if not isinstance(response, StreamingHttpResponse):
        body.close()
    return response


def _answer(
    request: HttpRequest, body: FileChunks, *, size: int, etag: str, mtime: int, headers: dict
) -> HttpResponse:
    headers = {
        "Accept-Ranges": "bytes",
        "ETag": etag,
        "Last-Modified": http_date(mtime),
        **headers,
    }
    placeholder = HttpResponse(headers=headers)
    conditional = get_conditional_response(
        request, etag=etag, last_modified=mtime, response=placeholder
    )
    if conditional is not placeholder:
        return conditional
    wanted = (
        byte_range(request.headers.get("Range"), size)
        if if_range_holds(request, etag, mtime)
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
        body.start, body.length = start, length
        response = StreamingHttpResponse(body, status=status, headers=headers)
    response["Content-Length"] = str(length)
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{size}"
    return response


__all__ = ["FileChunks", "byte_range", "if_range_holds", "ranged_response"]
