// The contributions on the campaign map, from the site's vector tiles (lib/contribution-tiles.js),
// and the pilots layer.
//
// A feature of one contribution is its symbol (shape for the kind, badge for the status, colour
// for the theme); several in one privacy cell, or a cluster at a low zoom, are one marker with
// their number; a route or an area is drawn whole, as sent, with its symbol at its centre (its
// geometry comes from the API by id: a tile holds only its own piece of it). Every marker is a
// button: it opens the contribution's popup, or the list of the contributions there
// (pin-popup.js). `data-pins` on the map is the number of contributions drawn: the sum of the
// drawn features' counts, plus those sent from this page that the tiles do not show yet.

import { fetchAllFeatures, fetchGeoJSON } from "../lib/api.js";
import { ContributionTiles } from "../lib/contribution-tiles.js";
import { el, setState } from "../lib/dom.js";
import { gettext } from "../lib/i18n.js";
import { countMarker, pilotOptions, pinOptions, symbolMarker } from "../lib/map-style.js";
import { drawLegend } from "../lib/symbols.js";
import { countLabel, listContent, openPopup, popupContent } from "./pin-popup.js";
import { announce } from "./status.js";

// A cluster of more than this many lists its newest ones and offers to zoom in.
const CLUSTER_LIST_LENGTH = 20;
// The symbol of a theme the page does not know (renamed since the tile was made).
const NEUTRAL = "#5c5c5c";

const ids = (p) => String(p.ids ?? "").split(",").filter(Boolean);

/** Contributions drawn from the tiles, reloading when the map moves, with those sent here. */
export class PinLayer {
  constructor(map, config) {
    this.map = map;
    this.config = config;
    this.labels = { kinds: config.kinds, statuses: config.statuses };
    this.renderer = L.canvas({ padding: 0.5 });
    this.shapes = new Map(); // id -> a route's or an area's whole GeoJSON feature
    // Sent from this page: id -> { generation, layer }, drawn until tiles loaded after it show it.
    this.sentHere = new Map();
    this.generation = 0;
    this.sentLayer = L.featureGroup().addTo(map);
    this.tileIds = new Set();
    this.tiles = new ContributionTiles({
      url: config.tiles,
      params: () => this.tileParams(),
      drawFeature: (feature) => this.drawTileFeature(feature),
      prepare: (features, options) => this.fetchShapes(features, options),
      maxIds: config.maxIds,
    });
    this.tiles.on("draw", (event) => this.drawn(event));
    this.tiles.on("tileerror", () =>
      announce(gettext("Pins could not be loaded. The list below still shows every contribution.")),
    );
    setState(map, "pins", 0);
    drawLegend(); // The legend beside the map shows the same symbols as the pins.
  }

  load() {
    if (this.map.hasLayer(this.tiles)) this.tiles.reload();
    else this.tiles.addTo(this.map);
  }

  /** The page's filters; after a send also `v`, a query no cache has answered before. */
  tileParams() {
    const { filters, campaign } = this.config;
    const params = new URLSearchParams({ ...filters, campaign });
    if (this.generation) params.set("v", String(this.generation));
    return params;
  }

  listParams(extra) {
    const { filters, campaign } = this.config;
    return new URLSearchParams({ ...filters, campaign, ...extra });
  }

  /** The whole geometry of the routes and areas in view that are not known yet (or changed). */
  async fetchShapes(features, { signal }) {
    const missing = features
      .map((f) => f.properties)
      .filter((p) => p.type === "shape")
      .filter((p) => {
        const known = this.shapes.get(Number(p.ids))?.properties;
        return !known || known.status !== p.status || known.kind !== p.kind;
      })
      .map((p) => p.ids);
    for (let i = 0; i < missing.length; i += this.config.maxIds) {
      const chunk = missing.slice(i, i + this.config.maxIds);
      const params = this.listParams({ ids: chunk.join(","), limit: String(chunk.length) });
      const collection = await fetchGeoJSON(`${this.config.api}?${params}`, { signal });
      for (const feature of collection.features) this.shapes.set(feature.id, feature);
    }
  }

  /** A whole contribution (sent from here, or a route or an area): its symbol, or its shape. */
  drawContribution(feature) {
    const open = (marker) =>
      openPopup(this.map, marker, async () => popupContent(feature, this.config.kinds));
    if (feature.geometry.type === "Point") {
      const latlng = L.GeoJSON.coordsToLatLng(feature.geometry.coordinates);
      const marker = symbolMarker(feature, latlng, this.labels, { focusable: true });
      return marker.on("click", () => open(marker));
    }
    const group = L.featureGroup();
    const shape = L.geoJSON(feature, pinOptions({ renderer: this.renderer, labels: this.labels }));
    group.addLayer(shape);
    // Its symbol at its centre too: its kind and status are seen, and it has a 32 px target
    // besides its thin line. The centre is known once the shape is on the map.
    group.once("add", () => {
      const line = shape.getLayers()[0];
      const centre = symbolMarker(feature, line.getCenter(), this.labels, { focusable: true });
      centre.on("click", () => open(centre));
      line.on("click", () => open(centre));
      group.addLayer(centre);
    });
    return group;
  }

  /** A tile's feature: a lone contribution's symbol, a number for several, a whole shape. */
  drawTileFeature(feature) {
    const p = feature.properties;
    if (p.type === "shape") {
      const whole = this.shapes.get(Number(p.ids));
      return whole ? this.drawContribution(whole) : null;
    }
    const latlng = L.GeoJSON.coordsToLatLng(feature.geometry.coordinates);
    if (p.count === 1) {
      const theme = this.config.themes[p.theme];
      const properties = {
        kind: p.kind,
        status: p.status,
        color: theme?.color ?? NEUTRAL,
        theme_name: theme?.name,
      };
      const marker = symbolMarker({ properties }, latlng, this.labels, { focusable: true });
      return marker.on("click", () =>
        openPopup(this.map, marker, async (signal) => {
          const params = this.listParams({ ids: p.ids });
          const { features } = await fetchGeoJSON(`${this.config.api}?${params}`, { signal });
          if (!features.length) throw new Error("gone");
          return popupContent(features[0], this.config.kinds);
        }),
      );
    }
    const label = countLabel(p);
    const marker = countMarker(latlng, { count: p.count, type: p.type, label });
    return marker.on("click", () =>
      openPopup(this.map, marker, (signal) => this.listOf(feature, label, signal)),
    );
  }

  /**
   * The contributions of a cell or a cluster: by their ids when the tile gave them all, else by
   * the feature's box and the page's filters (a cell: every point in it; a cluster: its newest).
   */
  async listOf(feature, heading, signal) {
    const p = feature.properties;
    const { api, pageSize } = this.config;
    const known = ids(p);
    let features;
    if (known.length >= p.count) {
      const params = this.listParams({ ids: known.join(","), limit: String(pageSize) });
      ({ features } = await fetchAllFeatures(`${api}?${params}`, { signal }));
    } else if (p.type === "cell") {
      const params = this.listParams({ bbox: p.bbox, limit: String(pageSize) });
      ({ features } = await fetchAllFeatures(`${api}?${params}`, { signal }));
      // A route or an area crossing the cell is not one of its points.
      features = features.filter((f) => f.geometry?.type === "Point");
    } else {
      const params = this.listParams({ bbox: p.bbox, limit: String(CLUSTER_LIST_LENGTH) });
      ({ features } = await fetchGeoJSON(`${api}?${params}`, { signal }));
    }
    const zoomIn = p.type === "cluster" ? () => this.zoomInto(p.bbox) : null;
    return listContent(features, { heading, kinds: this.config.kinds, total: p.count, zoomIn });
  }

  /** "Zoom in here": the cluster's box fills the map; focus goes to the map, before its pins. */
  zoomInto(bbox) {
    const [west, south, east, north] = bbox.split(",").map(Number);
    this.map.once("moveend", () => {
      this.map.getContainer().focus({ preventScroll: true });
      announce(gettext("The map was zoomed in. Press Tab to reach the pins there."));
    });
    this.map.fitBounds(
      [
        [south, west],
        [north, east],
      ],
      { maxZoom: 17, padding: [24, 24] },
    );
  }

  /** The tiles are drawn: count them, and drop what was sent here once they show it. */
  drawn({ features, zoom, params }) {
    const generation = Number(params.get("v") ?? 0);
    this.tileIds = new Set(features.flatMap((f) => ids(f.properties)).map(Number));
    for (const [id, sent] of this.sentHere) {
      if (sent.generation <= generation || this.tileIds.has(id)) {
        this.sentLayer.removeLayer(sent.layer);
        this.sentHere.delete(id);
      }
    }
    setState(this.map, "tileZoom", zoom);
    this.count();
  }

  count() {
    const drawn = this.tiles.getLayers().reduce((sum, layer) => sum + layer.tileFeature.properties.count, 0);
    setState(this.map, "pins", drawn + this.sentHere.size);
  }

  /**
   * A contribution just published from this page: drawn at once, and counted once, also when
   * the tiles already hold it. The tiles are then loaded anew, past every cache (`v`); once
   * they are drawn they show it, and the drawing made here goes.
   */
  addSent(feature) {
    if (this.tileIds.has(feature.id)) return;
    this.generation += 1;
    const earlier = this.sentHere.get(feature.id);
    if (earlier) this.sentLayer.removeLayer(earlier.layer);
    const layer = this.drawContribution(feature);
    this.sentLayer.addLayer(layer);
    this.sentHere.set(feature.id, { generation: this.generation, layer });
    this.count();
    this.tiles.reload();
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
