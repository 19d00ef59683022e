"""The campaign page's offline walkshop mode (docs/decisions/0046): its web app manifest, the
service worker at the site's root, and what the page's script needs to know to keep itself, its
files and the base map for use without a connection.

The worker's code is a static file (`static/js/offline/sw.js`, linted and tested like the other
scripts); this door serves it from the root, so that its scope covers every language's campaign
pages, with the site's few facts it needs as one JSON line before it.
"""

import hashlib
import json
from functools import lru_cache

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404
from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from engagement.models import Campaign
from geo.basemap.layers import base_layers_for_page

WORKER_SOURCE = "js/offline/sw.js"
SITE_NAME = "Yhdessä"
# The site's accent colour (static/css/site.css --accent) and its paper.
THEME_COLOUR = "#0b4f8a"
BACKGROUND_COLOUR = "#ffffff"
# Chromium shows at most about 12 characters under an icon; a longer title is cut by the
# browser, so the short name is the site's name.
SHORT_NAME_CHARS = 12
ICONS = [
    ("img/app/icon-192.png", "192x192", "any"),
    ("img/app/icon-512.png", "512x512", "any"),
    ("img/app/icon-maskable-192.png", "192x192", "maskable"),
    ("img/app/icon-maskable-512.png", "512x512", "maskable"),
]


def _worker_source() -> str:
    """The worker's code, read once per process (in DEBUG at every request, so an edit shows)."""
    if settings.DEBUG:
        _worker_file.cache_clear()
    return _worker_file()


@lru_cache(maxsize=1)
def _worker_file() -> str:
    """The source file (development, tests), else the collected copy."""
    path = finders.find(WORKER_SOURCE)
    if path:
        with open(path, encoding="utf-8") as handle:
            return handle.read()
    with staticfiles_storage.open(WORKER_SOURCE) as handle:  # pragma: no cover (production)
        return handle.read().decode("utf-8")


def worker_facts() -> dict:
    """What the worker knows of the site: its language prefixes and the roots of its files."""
    prefixes = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
    return {
        "languages": prefixes,
        "staticUrl": static(""),
        "basemapPrefix": "/basemap/",
        "apiPrefix": "/api/v1/",
        "tilesPrefix": "/tiles/contributions/",
    }


@require_safe
@never_cache
def service_worker(request: HttpRequest) -> HttpResponse:
    """`/sw.js`: the campaign pages' service worker, never kept by the HTTP cache, so a new
    version reaches the browsers at their next visit."""
    facts = json.dumps(worker_facts(), sort_keys=True)
    source = _worker_source()
    version = hashlib.sha256((facts + source).encode()).hexdigest()[:12]
    body = f"self.YHDESSA = {facts};\nself.YHDESSA.version = {json.dumps(version)};\n{source}"
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    return response


@require_safe
def campaign_manifest(request: HttpRequest, slug: str) -> HttpResponse:
    """The campaign page as an installable web app, in the page's language."""
    campaign = get_object_or_404(Campaign, slug=slug)
    url = campaign.get_absolute_url()
    title = campaign.title
    manifest = {
        "id": url,
        # As the pages' <title> writes it (templates/base.html).
        "name": f"{title} · {SITE_NAME}",
        "short_name": title if len(title) <= SHORT_NAME_CHARS else SITE_NAME,
        "description": _("Pin ideas and needs on the map, with or without a connection."),
        "lang": get_language() or settings.LANGUAGE_CODE,
        "dir": "ltr",
        "start_url": url,
        "scope": url,
        "display": "standalone",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {"src": static(path), "sizes": sizes, "type": "image/png", "purpose": purpose}
            for path, sizes, purpose in ICONS
        ],
    }
    response = JsonResponse(manifest, json_dumps_params={"ensure_ascii": False})
    response["Content-Type"] = "application/manifest+json"
    response["Cache-Control"] = "public, max-age=3600"
    return response


def offline_config(*, language: str) -> dict:
    """The page script's part of `map-config`: the worker's address and the base maps it may
    keep, each with its size, and the limit (OFFLINE_BASEMAP_MAX_BYTES)."""
    basemaps = [
        {"url": layer["url"], "bytes": layer["bytes"], "name": layer["name"]}
        for layer in base_layers_for_page(language)
        if layer["kind"] == "pmtiles"
    ]
    return {
        "serviceWorker": reverse("service-worker"),
        "basemapMaxBytes": settings.OFFLINE_BASEMAP_MAX_BYTES,
        "basemaps": basemaps,
    }
