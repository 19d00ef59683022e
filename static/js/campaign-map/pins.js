// The contributions inside the visible part of the map, from the API, and the pilots layer.

import { fetchAllFeatures, fetchGeoJSON } from "../lib/api.js";
import { debounce, el, setState } from "../lib/dom.js";
import { gettext } from "../lib/i18n.js";
import { pilotOptions, pinOptions, symbolMarker } from "../lib/map-style.js";
import { drawLegend } from "../lib/symbols.js";
import { announce } from "./status.js";

function popupContent(feature, kinds) {
  const p = feature.properties;
  return el(
    "div",
    { class: "pin-popup" },
    el("a", { href: p.url }, p.title),
    el("br"),
    `${kinds[p.kind] ?? p.kind} · ${p.theme_name}`,
    ...(p.place ? [el("br"), p.place] : []),
  );
}

/** The map's bounds with a margin, clamped to valid longitudes, as the API's bbox. */
function bboxParam(map) {
  const b = map.getBounds().pad(0.25);
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
    .map((v) => Math.max(-180, Math.min(180, v)).toFixed(6))
    .join(",");
}

/** Pins that reload when the map moves, and keep what was sent from this page. */
export class PinLayer {
  constructor(map, config) {
    this.map = map;
    this.config = config;
    this.sentHere = new Map();
    this.inflight = null;
    const renderer = L.canvas({ padding: 0.5 });
    const labels = { kinds: config.kinds, statuses: config.statuses };
    // A route or an area also gets its symbol at its centre: its kind and status are seen, and
    // it has a 32 px target besides its thin line.
    this.centres = L.layerGroup().addTo(map);
    this.layer = L.geoJSON(
      null,
      pinOptions({
        renderer,
        labels,
        onEachFeature: (feature, layer) => {
          const popup = () => popupContent(feature, config.kinds);
          layer.bindPopup(popup);
          if (feature.geometry?.type === "Point") return;
          layer.once("add", () => {
            const centre = symbolMarker(feature, layer.getCenter(), labels);
            centre.bindPopup(popup).addTo(this.centres);
            layer.once("remove", () => centre.remove());
          });
        },
      }),
    ).addTo(map);
    setState(map, "pins", 0);
    drawLegend(); // The legend beside the map shows the same symbols as the pins.
    map.on("moveend", debounce(() => this.load(), 150));
  }

  async load() {
    this.inflight?.abort();
    const controller = new AbortController();
    this.inflight = controller;
    const { filters, campaign, api, pageSize } = this.config;
    const params = new URLSearchParams({ ...filters, campaign, bbox: bboxParam(this.map) });
    params.set("limit", String(pageSize));
    try {
      const collection = await fetchAllFeatures(`${api}?${params}`, { signal: controller.signal });
      this.show(collection);
    } catch (error) {
      if (error.name !== "AbortError") {
        announce(
          gettext("Pins could not be loaded. The list below still shows every contribution."),
        );
      }
    }
  }

  show(collection) {
    this.layer.clearLayers();
    this.layer.addData(collection);
    // A contribution sent from this page may be newer than the answer that just arrived.
    const loaded = new Set(collection.features.map((f) => f.id));
    for (const feature of this.sentHere.values()) {
      if (!loaded.has(feature.id)) this.layer.addData(feature);
    }
    setState(this.map, "pins", this.layer.getLayers().length);
  }

  /** A contribution just published from this page: once only, even if a reload brought it. */
  addSent(feature) {
    this.sentHere.set(feature.id, feature);
    for (const layer of this.layer.getLayers()) {
      if (layer.feature?.id === feature.id) this.layer.removeLayer(layer);
    }
    this.layer.addData(feature);
    setState(this.map, "pins", this.layer.getLayers().length);
  }
}

function pilotPopup(feature) {
  const p = feature.properties;
  const link = el("a", { href: p.url }, p.title);
  return el("div", { class: "pin-popup" }, link, el("br"), p.organisation);
}

/** Pilots as their own layer, switchable off; shown only when the campaign has any. */
export async function loadPilots(map, url) {
  const layer = L.geoJSON(
    null,
    pilotOptions({ onEachFeature: (feature, l) => l.bindPopup(() => pilotPopup(feature)) }),
  );
  let collection;
  try {
    collection = await fetchGeoJSON(url);
  } catch {
    return; // The pilots are also listed beside the map.
  }
  if (!collection.features.length) return;
  layer.addData(collection).addTo(map);
  setState(map, "pilots", collection.features.length);
  document.getElementById("pilot-toggle").hidden = false;
  const legendRow = document.getElementById("legend-pilots");
  if (legendRow) legendRow.hidden = false;
  const checkbox = document.getElementById("show-pilots");
  checkbox.addEventListener("change", () => (checkbox.checked ? layer.addTo(map) : layer.remove()));
}
