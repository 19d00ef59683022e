"""The maps' base layers, read from the environment and checked at start-up (docs/decisions/0023).

`MAP_BASE_LAYERS` is a JSON list; each entry is either a raster tile server
(`{"name": ..., "url": "https://…/{z}/{x}/{y}.png", "attribution": ...}`) or a PMTiles file that
the site serves itself from `MAP_PMTILES_DIR` (`{"pmtiles": "tesoma"}`). A mistake refuses
start-up with the entry's number and what is wrong, rather than drawing a grey map. Read by the
settings, so this module imports nothing of Django's that needs settings.
"""

import json
import re
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation
from django.utils.functional import lazy

from config.csp import source_of
from geo.basemap.choices import LANGUAGE_CODES, BaseLayer, text_in

# Leaflet fills these into a tile URL; any other {word} would be sent to the server as it is.
PLACEHOLDERS = {"s", "z", "x", "y", "r"}
PMTILES_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")
RASTER_KEYS = {"id", "name", "url", "attribution", "min_zoom", "max_zoom", "subdomains"}
PMTILES_KEYS = {"id", "name", "pmtiles", "attribution", "max_zoom"}
# The default: the PMTiles file that `load_demo` builds (shown only once it exists).
DEFAULT_LAYERS = [{"pmtiles": "tesoma"}]


def base_layers_read(text: str, *, tiles_url: str = "", tiles_attribution: str = "") -> list:
    """The configured base layers: `MAP_BASE_LAYERS` (JSON), else MAP_TILES_URL as a one-item
    shorthand followed by the demo's PMTiles map, else that map alone."""
    if text.strip():
        try:
            entries = json.loads(text)
        except json.JSONDecodeError as error:
            raise ImproperlyConfigured(f"MAP_BASE_LAYERS is not valid JSON: {error}.") from None
        if not isinstance(entries, list):
            raise ImproperlyConfigured("MAP_BASE_LAYERS must be a JSON list [...] of layers.")
    else:
        entries = list(DEFAULT_LAYERS)
        if tiles_url:
            # The older setting allowed an empty attribution; it still does.
            raster = {
                "name": "Base map",
                "url": tiles_url,
                "attribution": tiles_attribution or None,
            }
            entries.insert(0, raster)
    shorthand = not text.strip() and bool(tiles_url)
    layers = [
        _layer(index, entry, attribution_required=not (shorthand and index == 0))
        for index, entry in enumerate(entries)
    ]
    ids = [layer.id for layer in layers]
    for layer in layers:
        if ids.count(layer.id) > 1:
            raise ImproperlyConfigured(f'MAP_BASE_LAYERS: the id "{layer.id}" is used twice.')
    return layers


def _refuse(index: int, message: str) -> ImproperlyConfigured:
    return ImproperlyConfigured(f"MAP_BASE_LAYERS, layer {index + 1}: {message}")


def _layer(index: int, entry: object, *, attribution_required: bool = True) -> BaseLayer:
    if not isinstance(entry, dict):
        raise _refuse(index, 'expected an object {"name": ..., "url": ..., "attribution": ...}.')
    kind = "pmtiles" if "pmtiles" in entry else "raster"
    allowed = PMTILES_KEYS if kind == "pmtiles" else RASTER_KEYS
    unknown = sorted(set(entry) - allowed)
    if unknown:
        raise _refuse(index, f"unknown key {unknown[0]!r} (expected {', '.join(sorted(allowed))}).")
    name = _texts(index, entry, "name", required=kind == "raster")
    required = kind == "raster" and attribution_required
    attribution = _texts(index, entry, "attribution", required=required)
    zooms = {key: _zoom(index, entry, key) for key in ("min_zoom", "max_zoom")}
    if kind == "pmtiles":
        file_name = entry["pmtiles"]
        if not isinstance(file_name, str) or not PMTILES_NAME.match(file_name):
            raise _refuse(index, '"pmtiles" must be a file name without .pmtiles, e.g. "tesoma".')
        return BaseLayer(
            id=_id(index, entry, default=file_name),
            kind=kind,
            name=name,
            attribution=attribution,
            pmtiles=file_name,
            max_zoom=zooms["max_zoom"],
        )
    url = _url(index, entry)
    return BaseLayer(
        id=_id(index, entry, default=f"raster-{index + 1}"),
        kind=kind,
        name=name,
        attribution=attribution,
        url=url,
        subdomains=_subdomains(index, entry, url),
        **zooms,
    )


def _texts(index: int, entry: dict, key: str, *, required: bool) -> str | dict[str, str] | None:
    """A text (a msgid the site translates, or a proper name) or one per language, Finnish
    required: {"fi": "Taustakartta", "sv": "Bakgrundskarta", "en": "Background map"}."""
    value = entry.get(key)
    if value is None and not required:
        return None
    if isinstance(value, str) and value.strip():
        return value
    if isinstance(value, dict) and value:
        wrong = [code for code in value if code not in LANGUAGE_CODES]
        if wrong:
            raise _refuse(index, f'"{key}": unknown language {wrong[0]!r} (fi, sv, en).')
        if not all(isinstance(text, str) and text.strip() for text in value.values()):
            raise _refuse(index, f'"{key}": each language needs a non-empty text.')
        if "fi" not in value:
            raise _refuse(index, f'"{key}": the Finnish text ("fi") is required.')
        return value
    raise _refuse(
        index, f'"{key}" must be a non-empty text or {{"fi": ..., "sv": ..., "en": ...}}.'
    )


def _zoom(index: int, entry: dict, key: str) -> int | None:
    value = entry.get(key)
    if value is None:
        return None
    if type(value) is not int or not 0 <= value <= 24:
        raise _refuse(index, f'"{key}" must be a whole number from 0 to 24.')
    return value


def _id(index: int, entry: dict, *, default: str) -> str:
    value = entry.get("id", default)
    if not isinstance(value, str) or not PMTILES_NAME.match(value):
        raise _refuse(index, '"id" must be a short word of letters, digits, - or _.')
    return value


def _url(index: int, entry: dict) -> str:
    url = entry.get("url")
    if not isinstance(url, str) or not url.strip():
        raise _refuse(index, '"url" is required: a tile URL template with {z}, {x} and {y}.')
    parts = urlsplit(url)
    if parts.scheme not in ("https", "http", "") or (not parts.scheme and not url.startswith("/")):
        raise _refuse(index, f"{url!r} must start with https:// (or be a path on this site).")
    words = set(re.findall(r"\{([^{}]*)\}", url))
    if not {"z", "x", "y"} <= words:
        raise _refuse(index, f"{url!r} lacks one of the placeholders {{z}}, {{x}}, {{y}}.")
    unknown = sorted(words - PLACEHOLDERS)
    if unknown:
        raise _refuse(index, f"{url!r}: unknown placeholder {{{unknown[0]}}}.")
    try:
        source_of(url)
    except ImproperlyConfigured as error:
        raise _refuse(index, str(error)) from None
    return url


def _subdomains(index: int, entry: dict, url: str) -> list[str]:
    value = entry.get("subdomains")
    if value is None:
        if "{s}" in url:
            raise _refuse(index, f'{url!r} has {{s}}: list its "subdomains", e.g. "abc".')
        return []
    if isinstance(value, str):
        value = list(value)
    labels = [part for part in value if isinstance(part, str) and re.fullmatch(r"[a-z0-9-]+", part)]
    if not value or len(labels) != len(value):
        raise _refuse(index, '"subdomains" must be a text ("abc") or a list of host labels.')
    return value


def tile_urls(layers: list[BaseLayer]) -> list[str]:
    """The raster layers' URL templates, whose origins the CSP allows for images."""
    return [layer.url for layer in layers if layer.kind == "raster"]


def _lazy_text(value: str | dict[str, str] | None) -> str:
    return lazy(lambda: text_in(value, translation.get_language() or "fi"), str)()


def admin_tiles(layers: list[BaseLayer]) -> list[tuple]:
    """django-leaflet's TILES for the admin's map widgets: the raster layers only."""
    tiles = []
    for layer in layers:
        if layer.kind != "raster":
            continue
        options: dict = {"attribution": _lazy_text(layer.attribution)}
        if layer.subdomains:
            options["subdomains"] = layer.subdomains
        if layer.max_zoom is not None:
            options["maxNativeZoom"] = layer.max_zoom
        tiles.append((_lazy_text(layer.name), layer.url, options))
    return tiles
