// The facilitator's walk page: the walk's pins on a small map, and the list (the map's text
// alternative) fetched again every 15 seconds while the page is in view. The "Refresh" link
// does the same without JavaScript.

import { readJSON } from "./lib/config.js";
import { labelMap } from "./lib/dom.js";
import { interpolate, ngettext } from "./lib/i18n.js";
import { addBoundary, placeOptions } from "./lib/map-style.js";

const POLL_MS = 15000;
const boundary = readJSON("campaign-boundary");
let map = null;
let pins = null;
let frame = null;

function drawPins(collection) {
  if (!map) return;
  pins?.remove();
  const options = placeOptions("#1d3557");
  pins = L.geoJSON(collection, {
    ...options,
    style: (feature) => ({ ...options.style(feature), color: feature.properties.color }),
  }).addTo(map);
  const bounds = pins.getBounds();
  if (bounds.isValid()) map.fitBounds(bounds.pad(0.3), { maxZoom: 16 });
  else if (frame) map.fitBounds(frame.getBounds());
  map.getContainer().dataset.pins = String(collection.features.length);
}

window.addEventListener("map:init", (event) => {
  map = event.detail.map;
  labelMap(map, document.getElementById("map-label").textContent);
  frame = addBoundary(map, boundary, { frame: true });
  drawPins(readJSON("walk-pins-data"));
});

async function refresh() {
  if (document.hidden) return;
  let response;
  try {
    response = await fetch(window.location.href, { credentials: "same-origin" });
  } catch {
    return; // offline for a moment: the next round tries again
  }
  if (!response.ok) return;
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const fresh = page.getElementById("walk-pins");
  const current = document.getElementById("walk-pins");
  // Unchanged: nothing is replaced, so the focus and the map's view stay where they are.
  if (!fresh || !current || fresh.innerHTML === current.innerHTML) return;
  const before = current.dataset.count;
  current.replaceWith(fresh);
  if (fresh.dataset.count !== before) {
    drawPins(readJSON("walk-pins-data")); // the fresh list brought its data along
    const count = Number(fresh.dataset.count);
    document.getElementById("walk-status").textContent = interpolate(
      ngettext("%(count)s pin in this walk", "%(count)s pins in this walk", count),
      { count },
    );
  }
}

setInterval(refresh, POLL_MS);
