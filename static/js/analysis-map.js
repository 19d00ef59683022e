// Analysis map: the density of contributions (hexagon cells of at least k, graded) and the
// pins, with the dashboard's filters. Clicking a cell lists its contributions below the map;
// the cells' table says the same.

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

/** The fill of a cell's class: the darkest class whose lowest count the cell reaches. */
function fill(count) {
  let chosen = config.classes[0];
  for (const cls of config.classes) if (count >= cls.min) chosen = cls;
  return chosen.fill;
}

/**
 * Density: the hexagon bins PostGIS counts from the public locations, drawn in graded classes
 * (the legend below the map). The server sends only cells with at least k contributions.
 */
function densityLayer() {
  return L.geoJSON(null, {
    style: (f) => ({
      color: COLOURS.halo,
      weight: 1,
      fillColor: fill(f.properties.count),
      fillOpacity: 0.8,
    }),
    onEachFeature: (feature, layer) => layer.on("click", () => showCell(feature)),
  });
}

let densityRequest = 0;

async function loadDensity(map, density) {
  // The first view's fitBounds zooms after the first request: only the latest answer is drawn.
  const request = ++densityRequest;
  const zoom = Math.max(0, map.getZoom() - config.zoomOffset);
  const collection = await fetchGeoJSON(`${config.hexbins}&zoom=${zoom}`);
  if (request !== densityRequest) return;
  density.clearLayers();
  density.addData(collection);
  setState(map, "cells", collection.features.length);
  setState(map, "cellSize", collection.cell_size_m);
  const size = document.getElementById("density-cell-size");
  size.textContent = interpolate(gettext("hexagons of %(size)s m"), {
    size: collection.cell_size_m.toLocaleString(document.documentElement.lang),
  });
}

async function loadPoints(pins) {
  const params = new URLSearchParams({ ...config.filters, limit: String(config.pageSize) });
  const collection = await fetchAllFeatures(`${config.api}?${params}`);
  pins.clearLayers();
  pins.addData(collection);
}

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  labelMap(map, document.getElementById("map-heading").textContent);
  map.fitBounds(addBoundary(map, boundary, { frame: true }).getBounds());

  const renderer = L.canvas();
  const layers = {
    density: densityLayer(),
    pins: L.geoJSON(null, pinOptions({ renderer, size: "small" })),
  };
  let shown = "density";
  function show(name) {
    shown = name;
    for (const layer of Object.values(layers)) layer.remove();
    layers[name].addTo(map);
    if (name === "density") loadDensity(map, layers.density);
  }

  map.on("zoomend", () => {
    if (shown === "density") loadDensity(map, layers.density);
  });
  const choice = document.getElementById("layer-choice");
  choice.hidden = false;
  for (const radio of choice.querySelectorAll("input[name=layer]")) {
    radio.addEventListener("change", () => show(radio.value));
  }
  loadPoints(layers.pins);
  show("density");
});
