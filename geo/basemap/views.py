"""`/basemap/<name>.pmtiles`: a PMTiles file, answered in byte ranges as the format expects.

A PMTiles reader asks for the header and root directory first (`Range: bytes=0-16383`), then for
each tile's bytes. So: one range answers 206 with Content-Range; a range past the end 416;
`If-Range` with another version answers the whole file (200), so a reader never mixes the bytes
of two builds; several ranges in one request also get the whole file (RFC 9110 lets a server
ignore Range; PMTiles readers never ask for several). HEAD answers the same headers without the
body (`geo.ranges`, shared with the media door). The URL's `v` query names the version: pages
that carry it may keep the file a year.
"""

from django.http import Http404, HttpRequest, HttpResponse
from django.views.decorators.http import require_safe

from geo.basemap.files import pmtiles_open
from geo.ranges import ranged_response

CONTENT_TYPE = "application/vnd.pmtiles"
# The answer to a request whose `v` is the file's version may be kept a year; without it, an
# hour (the file is rebuilt in place when its data changes).
LONG_CACHE = "public, max-age=31536000, immutable"
SHORT_CACHE = "public, max-age=3600"


@require_safe
def basemap_file(request: HttpRequest, name: str) -> HttpResponse:
    """The bytes of MAP_PMTILES_DIR/<name>.pmtiles, all (200) or one range (206)."""
    found = pmtiles_open(name)
    if found is None:
        raise Http404("No such base map.")
    handle, file = found
    current = request.GET.get("v") == file.version
    return ranged_response(
        request,
        handle=handle,
        size=file.size,
        etag=file.etag,
        mtime=int(file.mtime),
        headers={
            "Content-Type": CONTENT_TYPE,
            "Cache-Control": LONG_CACHE if current else SHORT_CACHE,
            # Another site's page may not read the map through a visitor's browser.
            "Cross-Origin-Resource-Policy": "same-origin",
        },
    )
