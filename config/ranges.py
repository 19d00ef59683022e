"""A file under MEDIA_ROOT answered whole or in one byte range, as `<video>` asks for it.

A browser playing a video asks for `Range: bytes=0-` and then for the part it seeks to; the
answers (206, 416, 304, the whole file for an If-Range naming another version) are
`geo.ranges.ranged_response`'s, shared with the base map's door. The ETag is made of the file's
size and time. With nginx in front (X-Accel-Redirect), nginx answers ranges itself.
"""

import mimetypes
import os
import posixpath
from pathlib import Path

from django.conf import settings
from django.http import Http404, HttpRequest, HttpResponse
from django.utils._os import safe_join

from geo.ranges import ranged_response


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
    handle = open(path, "rb")  # noqa: SIM115 (closed by the response, or by ranged_response)
    stat = os.fstat(handle.fileno())  # the file being answered, even if replaced meanwhile
    content_type, encoding = mimetypes.guess_type(str(path))
    headers = {"Content-Type": content_type or "application/octet-stream"}
    if encoding:
        headers["Content-Encoding"] = encoding
    return ranged_response(
        request,
        handle=handle,
        size=stat.st_size,
        etag=f'"{stat.st_size:x}-{stat.st_mtime_ns:x}"',
        mtime=int(stat.st_mtime),
        headers=headers,
    )


__all__ = ["ranged_file_response"]
