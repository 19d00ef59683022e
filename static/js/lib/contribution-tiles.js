// The site's own vector tiles of contributions as a Leaflet layer: the tiles that cover the view at
// the map's zoom, from /tiles/contributions/{z}/{x}/{y}.mvt (engagement/participation/tiles.py,
// docs/decisions/0017), decoded with the npm decoder bundled into static/vendor/mvt.js.
//
// A tile's layer `contributions` holds one feature per privacy cell from z15 (`type` cell), a
// route or an area (`shape`, repeated in every tile it crosses), or below z15 a `cluster`; each
// has `count`, `ideas`, `needs`, `ids` and `bbox`, and `kind`, `status`, `theme` when shared.
// What a feature looks like is the page's choice (`drawFeature`); this layer loads, merges and
// keeps the drawn features in step with the view.

import { Pbf, VectorTile } from "../../vendor/mvt.js";
import { debounce } from "./dom.js";

const MVT = "application/vnd.mapbox-vector-tile";
const LAYER = "contributions";
const MAX_TILE_ZOOM = 22;

/** The Web Mercator tile that holds lat, lng at zoom z (clamped to the pyramid). */
function tileAt(lat, lng, z) {
  const n = 2 ** z;
  const clamp = (v) => Math.max(0, Math.min(n - 1, Math.floor(v)));
  const rad = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * n;
  return { x: clamp(((lng + 180) / 360) * n), y: clamp(y) };
}

/** The tiles at zoom z that the map's view touches, row by row from the north-west. */
export function visibleTiles(map, z) {
  const bounds = map.getBounds();
  const nw = tileAt(bounds.getNorth(), bounds.getWest(), z);
  const se = tileAt(bounds.getSouth(), bounds.getEast(), z);
  const tiles = [];
  for (let y = nw.y; y <= se.y; y++) {
    for (let x = nw.x; x <= se.x; x++) tiles.push({ z, x, y });
  }
  return tiles;
}

/** One tile's features as GeoJSON in WGS 84; an empty answer is an empty tile. */
export async function fetchTile(template, { z, x, y }, params, { signal } = {}) {
  const url = `${template.replace("{z}", z).replace("{x}", x).replace("{y}", y)}?${params}`;
  const response = await fetch(url, { signal, headers: { Accept: MVT } });
  if (!response.ok) throw new Error(String(response.status));
  const buffer = await response.arrayBuffer();
  if (!buffer.byteLength) return [];
  const layer = new VectorTile(new Pbf(buffer)).layers[LAYER];
  const features = [];
  for (let i = 0; i < (layer?.length ?? 0); i++) features.push(layer.feature(i).toGeoJSON(x, y, z));
  return features;
}

/**
 * What makes a feature itself: a cell or a cluster by its box (each lies in one tile), a route or
 * an area by its contribution (it is in every tile it crosses, and is drawn once), and what it
 * shows, so a feature whose count or symbol changed is drawn anew.
 */
export function featureKey(feature) {
  const p = feature.properties;
  const where = p.type === "shape" ? "" : p.bbox;
  return [p.type, where, p.ids, p.count, p.kind, p.status, p.theme].join("|");
}

/** A point to sort by: where a marker of the feature is, north to south, then west to east. */
function anchor(feature) {
  let c = feature.geometry.coordinates;
  while (Array.isArray(c[0])) c = c[0];
  return c;
}

function readingOrder(a, b) {
  const [ax, ay] = anchor(a);
  const [bx, by] = anchor(b);
  return by - ay || ax - bx;
}

const idsOf = (feature) => String(feature.properties.ids ?? "").split(",").filter(Boolean);

/**
 * Clusters whose markers would overlap on the screen, as one: the server's grid is 16 px on a
 * 256 px tile, a marker 32 px at least, and a marker under another cannot be clicked. The sum
 * of their counts, their ids when each gave all of its own (and no more than `maxIds` in all),
 * the box around their boxes, at the centre of their contributions.
 */
function combine(members, maxIds) {
  const props = members.map((f) => f.properties);
  const sum = (name) => props.reduce((total, p) => total + (p[name] ?? 0), 0);
  const shared = (name) => (props.every((p) => p[name] === props[0][name]) ? props[0][name] : undefined);
  const count = sum("count");
  const ids = members.flatMap(idsOf);
  const complete = members.every((f) => idsOf(f).length >= f.properties.count);
  const boxes = props.map((p) => p.bbox.split(",").map(Number));
  const bbox = [
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ];
  const at = [0, 1].map(
    (i) => members.reduce((total, f) => total + f.geometry.coordinates[i] * f.properties.count, 0) / count,
  );
  return {
    type: "Feature",
    geometry: { type: "Point", coordinates: at },
    properties: {
      type: "cluster",
      count,
      ideas: sum("ideas"),
      needs: sum("needs"),
      kind: shared("kind"),
      status: shared("status"),
      theme: shared("theme"),
      ids: complete && ids.length <= maxIds ? ids.join(",") : undefined,
      bbox: bbox.map((v) => v.toFixed(6)).join(","),
    },
  };
}

/** The features with clusters closer than `within` px at zoom merged (`combine`). */
export function mergeClose(features, map, zoom, within, maxIds) {
  const clusters = features.filter((f) => f.properties.type === "cluster");
  const rest = features.filter((f) => f.properties.type !== "cluster");
  clusters.sort((a, b) => b.properties.count - a.properties.count);
  const groups = [];
  for (const feature of clusters) {
    const [lng, lat] = feature.geometry.coordinates;
    const at = map.project(L.latLng(lat, lng), zoom);
    const group = groups.find((g) => g.at.distanceTo(at) < within);
    if (group) group.members.push(feature);
    else groups.push({ at, members: [feature] });
  }
  const merged = groups.map((g) => (g.members.length === 1 ? g.members[0] : combine(g.members, maxIds)));
  return [...rest, ...merged];
}

/**
 * The visible tiles, reloaded when the map has stopped moving (debounced on moveend; a newer load
 * aborts the requests of an older one). Options:
 * - `url`: the tile address with {z}, {x}, {y}; `params()`: its query string (URLSearchParams);
 * - `drawFeature(feature)`: the Leaflet layer for one merged feature;
 * - `prepare(features, { signal })`: optional, awaited before drawing (to fetch what is missing);
 * - `mergeWithin` (px) and `maxIds`: clusters that would overlap are drawn as one (`mergeClose`).
 * Fires `draw` ({ features, zoom, params }) once the view's features are drawn, and `tileerror`
 * ({ error }) when a tile could not be loaded (the tiles that did load are drawn).
 */
export const ContributionTiles = L.Layer.extend({
  options: {
    url: "",
    params: () => new URLSearchParams(),
    delay: 150,
    prepare: null,
    // Clusters closer than this on the screen are drawn as one (a marker is 32 px at least).
    mergeWithin: 36,
    maxIds: 100,
  },

  initialize(options) {
    L.setOptions(this, options);
    this._drawn = new Map(); // featureKey -> Leaflet layer
    this._group = L.featureGroup();
    this._inflight = null;
    this._last = new Map(); // "params|z/x/y" -> the features that tile last showed
    this._onMoveEnd = debounce(() => this.reload(), this.options.delay);
  },

  onAdd(map) {
    this._group.addTo(map);
    map.on("moveend", this._onMoveEnd);
    this.reload();
  },

  onRemove(map) {
    map.off("moveend", this._onMoveEnd);
    this._inflight?.abort();
    this._group.remove();
    this._drawn.clear();
  },

  /** The drawn layers, each with its tile feature as `layer.tileFeature`. */
  getLayers() {
    return [...this._drawn.values()];
  },

  async reload() {
    const map = this._map;
    if (!map) return;
    this._inflight?.abort();
    const controller = new AbortController();
    this._inflight = controller;
    const { signal } = controller;
    const zoom = Math.max(0, Math.min(MAX_TILE_ZOOM, Math.round(map.getZoom())));
    const params = this.options.params();
    const tiles = visibleTiles(map, zoom);
    const answers = await Promise.allSettled(
      tiles.map((tile) => fetchTile(this.options.url, tile, params, { signal })),
    );
    if (signal.aborted) return;
    const failed = answers.find((a) => a.status === "rejected");
    // A tile that could not be loaded keeps what it showed before (a focused marker stays).
    const last = new Map();
    const contents = answers.map((answer, i) => {
      const key = `${params}|${tiles[i].z}/${tiles[i].x}/${tiles[i].y}`;
      const features = answer.status === "fulfilled" ? answer.value : this._last.get(key);
      if (features) last.set(key, features);
      return features ?? [];
    });
    this._last = last;
    const merged = new Map();
    for (const features of contents) {
      for (const feature of features) {
        const key = featureKey(feature);
        if (!merged.has(key)) merged.set(key, feature);
      }
    }
    const { mergeWithin, maxIds } = this.options;
    const features = mergeClose([...merged.values()], map, zoom, mergeWithin, maxIds).sort(
      readingOrder,
    );
    const byKey = new Map(features.map((f) => [featureKey(f), f]));
    try {
      await this.options.prepare?.(features, { signal });
    } catch (error) {
      if (signal.aborted) return;
      this.fire("tileerror", { error });
    }
    if (signal.aborted) return;
    this._draw(byKey, features);
    if (failed) this.fire("tileerror", { error: failed.reason });
    this.fire("draw", { features, zoom, params });
  },

  _draw(merged, features) {
    for (const [key, layer] of this._drawn) {
      if (!merged.has(key)) {
        this._group.removeLayer(layer);
        this._drawn.delete(key);
      }
    }
    for (const feature of features) {
      const key = featureKey(feature);
      if (this._drawn.has(key)) continue;
      const layer = this.options.drawFeature(feature);
      if (!layer) continue;
      layer.tileFeature = feature;
      this._drawn.set(key, layer);
      this._group.addLayer(layer);
    }
    this._orderForKeyboard(features);
  },

  /** Puts the markers' elements in reading order, so Tab goes through them as a reader would. */
  _orderForKeyboard(features) {
    const focused = document.activeElement;
    const icons = [];
    for (const feature of features) {
      const layer = this._drawn.get(featureKey(feature));
      const markers = layer?.getLayers ? layer.getLayers() : [layer];
      for (const marker of markers) if (marker?.getElement && marker._icon) icons.push(marker._icon);
    }
    const pane = icons[0]?.parentNode;
    if (!pane) return;
    const inOrder = icons.every((icon, i) => i === 0 || icons[i - 1].compareDocumentPosition(icon) & 4);
    if (inOrder) return;
    for (const icon of icons) pane.append(icon);
    if (focused && focused !== document.activeElement && focused.isConnected) {
      focused.focus({ preventScroll: true });
    }
  },
});
