// Analysis map: hexagon counts (by zoom), a density layer and the pins, with the dashboard's
// filters. Clicking a cell lists its contributions below the map; the tables say the same.

import { fetchAllFeatures, fetchGeoJSON } from "./lib/api.js";
import { pageConfig, readJSON } from "./lib/config.js";
import { el, labelMap, setState } from "./lib/dom.js";
import { gettext, interpolate } from "./lib/i18n.js";
import { COLOURS, addBoundary, pinOptions } from "./lib/map-style.js";

const config = pageConfig();
const boundary = readJSON("campaign-boundary");
const panel = document.getElementById("cell-panel");

function showCell(feature) {
  const { count, contributions = [] } = feature.properties;
  const heading = el(
    "h3",
    { tabindex: "-1" },
    interpolate(gettext("Contributions in this cell: %(count)s"), { count }),
  );
  const list = el("ul", { class: "cell-list" });
  for (const item of contributions) {
    list.append(el("li", {}, el("a", { href: item.url }, item.title)));
  }
  panel.replaceChildren(heading, list);
  panel.dataset.count = String(count);
  panel.hidden = false;
  heading.focus();
}

function colour(count, max) {
  const t = max > 1 ? (count - 1) / (max - 1) : 1;
  // From light blue to the site's dark blue: every step keeps 3:1 against the map background.
  const light = [107, 160, 214];
  const dark = [11, 79, 138];
  const mix = light.map((c, i) => Math.round(c + (dark[i] - c) * t));
  return `rgb(${mix.join(",")})`;
}

function hexLayer() {
  const hexes = L.geoJSON(null, {
    style: (f) => ({
      color: COLOURS.halo,
      weight: 1,
      fillColor: colour(f.properties.count, hexes.max ?? 1),
      fillOpacity: 0.75,
    }),
    onEachFeature: (feature, layer) => layer.on("click", () => showCell(feature)),
  });
  return hexes;
}

/** Density: soft, overlapping discs whose opacity adds up where input gathers. */
function heatDisc(feature, renderer) {
  return L.circle(L.geoJSON(feature).getBounds().getCenter(), {
    renderer,
    radius: 120,
    stroke: false,
    fillColor: COLOURS.accent,
    fillOpacity: 0.18,
    interactive: false,
  });
}

async function loadHexes(map, hexes) {
  const collection = await fetchGeoJSON(`${config.hexbins}&zoom=${map.getZoom()}`);
  hexes.max = Math.max(1, ...collection.features.map((f) => f.properties.count));
  hexes.clearLayers();
  hexes.addData(collection);
  setState(map, "cells", collection.features.length);
}

async function loadPoints(pins, heat, renderer) {
  const params = new URLSearchParams({ ...config.filters, limit: String(config.pageSize) });
  const collection = await fetchAllFeatures(`${config.api}?${params}`);
  pins.clearLayers();
  pins.addData(collection);
  heat.clearLayers();
  for (const feature of collection.features) heat.addLayer(heatDisc(feature, renderer));
}

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  labelMap(map, document.getElementById("map-heading").textContent);
  map.fitBounds(addBoundary(map, boundary, { frame: true }).getBounds());

  const renderer = L.canvas();
  const layers = {
    hexbins: hexLayer(),
    heat: L.layerGroup(),
    pins: L.geoJSON(null, pinOptions({ renderer, size: "small" })),
  };
  let shown = "hexbins";
  function show(name) {
    shown = name;
    for (const layer of Object.values(layers)) layer.remove();
    layers[name].addTo(map);
  }

  map.on("zoomend", () => {
    if (shown === "hexbins") loadHexes(map, layers.hexbins);
  });
  const choice = document.getElementById("layer-choice");
  choice.hidden = false;
  for (const radio of choice.querySelectorAll("input[name=layer]")) {
    radio.addEventListener("change", () => show(radio.value));
  }
  loadHexes(map, layers.hexbins);
  loadPoints(layers.pins, layers.heat, renderer);
  show("hexbins");
});
