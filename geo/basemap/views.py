"""`/basemap/<name>.pmtiles`: a PMTiles file, answered in byte ranges as the format expects.

A PMTiles reader asks for the header and root directory first (`Range: bytes=0-16383`), then for
each tile's bytes. So: one range answers 206 with Content-Range; a range past the end 416;
`If-Range` with another version answers the whole file (200), so a reader never mixes the bytes
of two builds; several ranges in one request also get the whole file (RFC 9110 lets a server
ignore Range; PMTiles readers never ask for several). HEAD answers the same headers without the
body. The URL's `v` query names the version: pages that carry it may keep the file a year.
"""

import re
from collections.abc import Iterator
from typing import BinaryIO

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

from geo.basemap.files import PmtilesFile, pmtiles_open

CONTENT_TYPE = "application/vnd.pmtiles"
CHUNK = 64 * 1024
# The answer to a request whose `v` is the file's version may be kept a year; without it, an
# hour (the file is rebuilt in place when its data changes).
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=3600"
RANGE = re.compile(r"^\s*bytes\s*=\s*(.+)$", re.IGNORECASE)
SPEC = re.compile(r"^\s*(\d*)\s*-\s*(\d*)\s*$")


@require_safe
def basemap_file(request: HttpRequest, name: str) -> HttpResponse:
    """The bytes of MAP_PMTILES_DIR/<name>.pmtiles, all (200) or one range (206)."""
    found = pmtiles_open(name)
    if found is None:
        raise Http404("No such base map.")
    handle, file = found
    body = _FileRange(handle)
    try:
        response = _answer(request, file, body)
    except BaseException:
        body.close()
        raise
    if not isinstance(response, StreamingHttpResponse):
        body.close()
    return response


def _answer(request: HttpRequest, file: PmtilesFile, body: "_FileRange") -> HttpResponse:
    headers = _headers(request, file)
    placeholder = HttpResponse(headers=headers)
    conditional = get_conditional_response(
        request, etag=file.etag, last_modified=int(file.mtime), response=placeholder
    )
    if conditional is not placeholder:
        return conditional
    wanted = _range(request, file)
    if wanted == "unsatisfiable":
        response = HttpResponse(status=416, headers=headers)
        response["Content-Range"] = f"bytes */{file.size}"
        return response
    start, end = wanted if wanted else (0, file.size - 1)
    length = max(end - start + 1, 0)
    if request.method == "HEAD":
        response = HttpResponse(status=206 if wanted else 200, headers=headers)
    else:
        body.select(start, length)
        response = StreamingHttpResponse(body, status=206 if wanted else 200, headers=headers)
    response["Content-Length"] = str(length)
    if wanted:
        response["Content-Range"] = f"bytes {start}-{end}/{file.size}"
    return response


def _headers(request: HttpRequest, file: PmtilesFile) -> dict[str, str]:
    current = request.GET.get("v") == file.version
    return {
        "Content-Type": CONTENT_TYPE,
        "Accept-Ranges": "bytes",
        "ETag": file.etag,
        "Last-Modified": http_date(file.mtime),
        "Cache-Control": LONG_CACHE if current else SHORT_CACHE,
        # Another site's page may not read the map through a visitor's browser.
        "Cross-Origin-Resource-Policy": "same-origin",
    }


def _range(request: HttpRequest, file: PmtilesFile) -> tuple[int, int] | str | None:
    """The one range asked for, "unsatisfiable", or None for the whole file (no Range, an
    unreadable or multiple one, or an If-Range naming another version)."""
    header = request.headers.get("Range")
    if not header or not _if_range_holds(request, file):
        return None
    match = RANGE.match(header)
    if not match or "," in match.group(1):
        return None
    spec = SPEC.match(match.group(1))
    if not spec or spec.groups() == ("", ""):
        return None
    first, last = spec.groups()
    if first:
        start = int(first)
        end = min(int(last), file.size - 1) if last else file.size - 1
        if last and int(last) < start:
            return None  # an invalid range is ignored (RFC 9110 14.1.1)
        if start >= file.size:
            return "unsatisfiable"
        return start, end
    suffix = int(last)  # bytes=-N: the last N bytes
    if suffix == 0 or file.size == 0:
        return "unsatisfiable"
    return max(file.size - suffix, 0), file.size - 1


def _if_range_holds(request: HttpRequest, file: PmtilesFile) -> bool:
    """If-Range names this version (its strong ETag, or exactly its date): the range applies."""
    value = request.headers.get("If-Range")
    if not value:
        return True
    value = value.strip()
    if value.startswith(('"', "W/")):
        return value == file.etag
    date = parse_http_date_safe(value)
    return date is not None and date == int(file.mtime)


class _FileRange:
    """A range of an open file in chunks, so a large file never sits in memory; the response
    closes it when it is done (Django calls `close`)."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.start, self.length = 0, 0

    def select(self, start: int, length: int) -> None:
        self.start, self.length = start, length

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
