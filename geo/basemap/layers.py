"""Each map's base layers in the page's language, as `static/js/lib/base-maps.js` draws them:
the configured raster servers and the PMTiles files that exist (MAP_BASE_LAYERS, which
config/basemaps.py reads)."""

import nh3
from django.conf import settings
from django.urls import reverse
from django.utils.translation import gettext

from geo.basemap.build import STYLE
from geo.basemap.choices import BaseLayer, text_in
from geo.basemap.files import pmtiles_file, pmtiles_metadata

# Attributions are HTML (a licence's link); only links survive, so a configured text cannot put
# a script or a style on the page (the CSP would block it, but it would still be a violation).
ATTRIBUTION_TAGS = {"a"}
ATTRIBUTION_ATTRIBUTES = {"a": {"href", "title"}}


def base_layers_for_page(language: str) -> list[dict]:
    """The layers a map offers, first the default; a PMTiles layer whose file is missing (the
    demo's before `load_demo`) is left out."""
    layers = []
    for layer in settings.MAP_BASE_LAYERS:
        entry = _pmtiles(layer, language) if layer.kind == "pmtiles" else _raster(layer, language)
        if entry:
            layers.append(entry)
    return layers


def uses_pmtiles(layers: list[dict]) -> bool:
    return any(layer["kind"] == "pmtiles" for layer in layers)


def _clean(html: str) -> str:
    return nh3.clean(
        html, tags=ATTRIBUTION_TAGS, attributes=ATTRIBUTION_ATTRIBUTES, link_rel="noopener"
    )


def _raster(layer: BaseLayer, language: str) -> dict:
    return {
        "id": layer.id,
        "kind": "raster",
        "name": text_in(layer.name, language),
        "url": layer.url,
        "attribution": _clean(text_in(layer.attribution, language)),
        "minZoom": layer.min_zoom,
        "maxZoom": layer.max_zoom,
        "subdomains": layer.subdomains,
    }


def _pmtiles(layer: BaseLayer, language: str) -> dict | None:
    file = pmtiles_file(layer.pmtiles)
    if file is None:
        return None
    metadata = pmtiles_metadata(file)
    name = text_in(layer.name or metadata.get("name"), language) or gettext("Vector base map")
    attribution = text_in(layer.attribution or metadata.get("attribution"), language)
    url = reverse("basemap-file", kwargs={"name": file.name})
    return {
        "id": layer.id,
        "kind": "pmtiles",
        "name": name,
        "url": f"{url}?v={file.version}",
        "attribution": _clean(attribution),
        # The orientation map's own rules, or protomaps-leaflet's style for Protomaps' schema.
        "style": "orientation" if metadata.get("yhdessa:style") == STYLE else "protomaps",
        "maxDataZoom": layer.max_zoom or metadata.get("max_zoom") or 15,
        # Its size: the campaign page keeps a small enough file for offline use (decision 0046).
        "bytes": file.size,
    }
