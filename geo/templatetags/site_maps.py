"""`{% site_map "id" %}`: a Leaflet map container that a static script starts, with no inline code.

django-leaflet's `{% leaflet_map %}` writes an inline `<script>` that calls `L.Map.djangoMap`;
a Content-Security-Policy without 'unsafe-inline' blocks it. This tag writes the same options
(LEAFLET_CONFIG: centre, zoom, tiles, attribution) into a data attribute instead, and
`static/js/lib/site-map.js` starts the map from there at the same moment (the window's `load`),
so the pages' scripts still receive the `map:init` event (docs/decisions/0012).
"""

from django import template
from leaflet.templatetags.leaflet_tags import leaflet_map

register = template.Library()


@register.inclusion_tag("geo/_site_map.html")
def site_map(name: str) -> dict[str, str]:
    """The container of the map `name`, its options as JSON, and the script that starts it."""
    options = leaflet_map(name)
    return {"name": name, "djoptions": options["djoptions"]}
