// The moderator's map of one contribution: its exact place (not the public, rounded one) and
// the nearby contributions of the same theme, numbered as the list below the map numbers them.
// The list is the map's text alternative, so nothing on the map needs to be reached by keyboard.

import { readJSON } from "./lib/config.js";
import { labelMap, setState } from "./lib/dom.js";
import { COLOURS, addBoundary } from "./lib/map-style.js";

const data = readJSON("moderation-map-data");
const boundary = readJSON("campaign-boundary");

function numberIcon(number) {
  return L.divIcon({
    className: "candidate-marker",
    html: `<span aria-hidden="true">${Number(number)}</span>`,
    iconSize: [28, 28],
  });
}

/** A candidate: its route or area as drawn, and its number at its point or its middle. */
function addCandidate(map, feature) {
  const colour = feature.properties.color;
  const shape = L.geoJSON(feature, {
    interactive: false,
    style: { color: colour, weight: 4, fillOpacity: 0.15 },
    pointToLayer: (_f, latlng) =>
      L.circleMarker(latlng, { radius: 4, color: colour, weight: 2, fillOpacity: 1 }),
  }).addTo(map);
  const centre = shape.getBounds().getCenter();
  L.marker(centre, {
    icon: numberIcon(feature.properties.number),
    interactive: false,
    keyboard: false,
  }).addTo(map);
  return shape;
}

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  labelMap(map, document.getElementById("map-label").textContent);
  addBoundary(map, boundary, { frame: true });
  const bounds = L.latLngBounds([]);
  for (const feature of data.candidates.features) {
    bounds.extend(addCandidate(map, feature).getBounds());
  }
  // The contribution itself last, on top: a ringed point or its line in the accent colour.
  const own = L.geoJSON(data.contribution, {
    interactive: false,
    style: { color: COLOURS.accent, weight: 5, fillOpacity: 0.25 },
    pointToLayer: (_f, latlng) =>
      L.circleMarker(latlng, {
        radius: 10,
        color: COLOURS.halo,
        weight: 3,
        fillColor: COLOURS.accent,
        fillOpacity: 1,
        className: "moderation-exact",
      }),
  }).addTo(map);
  bounds.extend(own.getBounds());
  const point = bounds.getNorthEast().equals(bounds.getSouthWest());
  if (point) map.setView(bounds.getCenter(), 17, { animate: false });
  else map.fitBounds(bounds.pad(0.25), { animate: false, maxZoom: 18 });
  // What the map drew, for the tests: the exact place as Leaflet holds it, and the candidates.
  const exact = own.getBounds().getCenter();
  setState(map, "exact", `${exact.lat.toFixed(6)},${exact.lng.toFixed(6)}`);
  setState(map, "candidates", data.candidates.features.length);
});
