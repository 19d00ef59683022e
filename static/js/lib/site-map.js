// Starts each map that {% site_map %} wrote (geo/templatetags/site_maps.py), as django-leaflet's
// inline script would: the same options, at the window's load, so every page script has added
// its `map:init` listener first. A file rather than inline code, for the Content-Security-Policy.
// Leaflet's own words (zoom buttons, attribution, drawing tooltips) are put into the page's
// language first (lib/leaflet-words.js). The base layers and their switcher come from the
// container's `data-base-layers` (lib/base-maps.js).

import { addBaseMaps } from "./base-maps.js";
import { attributionPrefix, translateLeaflet } from "./leaflet-words.js";

function startMaps() {
  translateLeaflet();
  for (const container of document.querySelectorAll("[data-leaflet-options]")) {
    const djoptions = JSON.parse(container.dataset.leafletOptions);
    if (djoptions.attributionprefix) djoptions.attributionprefix = attributionPrefix();
    const map = L.Map.djangoMap(container.id, { djoptions, globals: false, callback: null });
    if (map) addBaseMaps(map, JSON.parse(container.dataset.baseLayers || "[]"));
  }
}

if (document.readyState === "complete") startMaps();
else window.addEventListener("load", startMaps);
