"""`{% site_map "id" %}`: a Leaflet map container that a static script starts, with no inline code.

django-leaflet's `{% leaflet_map %}` writes an inline `<script>` that calls `L.Map.djangoMap`;
a Content-Security-Policy without 'unsafe-inline' blocks it. This tag writes the same options
(LEAFLET_CONFIG: centre, zoom, attribution) into a data attribute instead, and
`static/js/lib/site-map.js` starts the map from there at the same moment (the window's `load`),
so the pages' scripts still receive the `map:init` event (docs/decisions/0012). The base layers
are the site's own list (MAP_BASE_LAYERS, geo/basemap/layers.py) rather than django-leaflet's
TILES, so every map gets the switcher and the PMTiles map (docs/decisions/0023).
"""

import json

from django import template
from django.utils.translation import get_language
from leaflet.templatetags.leaflet_tags import leaflet_map

from geo.basemap.layers import base_layers_for_page, uses_pmtiles

register = template.Library()


@register.inclusion_tag("geo/_site_map.html")
def site_map(name: str) -> dict:
    """The container of the map `name`, its options and base layers as JSON, and the scripts
    that start it (protomaps-leaflet only when a PMTiles base map is offered)."""
    options = json.loads(leaflet_map(name)["djoptions"])
    options["layers"] = []  # base-maps.js adds them
    language = (get_language() or "fi").split("-")[0]
    layers = base_layers_for_page(language)
    return {
        "name": name,
        "djoptions": json.dumps(options),
        "base_layers": json.dumps(layers),
        "pmtiles": uses_pmtiles(layers),
    }
