// The live screen of a workshop (templates/engagement/live.html, docs/decisions/0049): the
// campaign's published pins on the map and in the list of the newest, counts by theme, and the
// server's changes as they come: server-sent events (`pin`, `remove`, `counts`), each event's id
// a cursor the server keeps across restarts. The browser's EventSource comes back by itself
// after each stream ends (`retry:`) with `Last-Event-ID`; a stream that cannot be opened again is
// reopened from the last cursor, and after repeated failures the screen polls the JSON door.

import { fetchAllFeatures } from "./lib/api.js";
import { pageLanguage, readJSON } from "./lib/config.js";
import { labelMap, setState } from "./lib/dom.js";
import { gettext, interpolate, ngettext } from "./lib/i18n.js";
import { addBoundary, pinOptions } from "./lib/map-style.js";

const config = readJSON("live-config");
const boundary = readJSON("campaign-boundary");
const numbers = new Intl.NumberFormat(pageLanguage());
const HIGHLIGHT_MS = 4000;
const ANNOUNCE_EVERY_MS = 10000; // at most one announcement of new pins in this time
const LOST_AFTER_MS = 3000; // a reconnection quicker than this is not shown (a stream's normal end)
const POLL_MS = 1500;
const FAILURES_BEFORE_POLLING = 3;

const status = document.getElementById("live-status");
const latest = document.getElementById("live-latest");
const announcer = document.getElementById("live-announce");
let cursor = config.cursor;
let map = null;
const pins = new Map(); // contribution id -> Leaflet layer
const pending = []; // changes that came before the map was ready

function colourSwatches(root = document) {
  for (const swatch of root.querySelectorAll(".live-swatch[data-colour]")) {
    swatch.style.backgroundColor = swatch.dataset.colour;
  }
}

// The connection's state, said politely and only when it changes for longer than a blink.
let shownState = "connecting";
let lostTimer = null;
function showState(state) {
  if (state === "live") {
    clearTimeout(lostTimer);
    lostTimer = null;
    setStatus("live");
  } else if (!lostTimer && shownState !== "lost") {
    lostTimer = setTimeout(() => {
      lostTimer = null;
      setStatus("lost");
    }, LOST_AFTER_MS);
  }
}
function setStatus(state) {
  if (state === shownState) return;
  shownState = state;
  status.dataset.state = state;
  status.textContent =
    state === "live" ? gettext("Live") : gettext("Connection lost, reconnecting…");
}

// New pins announced at most once in ANNOUNCE_EVERY_MS: the first at once, the rest together.
let unannounced = [];
let announceTimer = null;
let lastAnnounced = 0;
function announce(title) {
  unannounced.push(title);
  if (announceTimer) return;
  const wait = Math.max(0, lastAnnounced + ANNOUNCE_EVERY_MS - Date.now());
  announceTimer = setTimeout(() => {
    announceTimer = null;
    lastAnnounced = Date.now();
    const count = unannounced.length;
    announcer.textContent =
      count === 1
        ? interpolate(gettext("New contribution: %(title)s"), { title: unannounced[0] })
        : interpolate(ngettext("%(count)s new contribution", "%(count)s new contributions", count), {
            count: numbers.format(count),
          });
    unannounced = [];
  }, wait);
}

function listItem(feature) {
  const p = feature.properties;
  const swatch = document.createElement("span");
  swatch.className = "live-swatch";
  swatch.setAttribute("aria-hidden", "true");
  swatch.style.backgroundColor = p.color;
  const title = document.createElement("strong");
  title.className = "live-item-title";
  title.textContent = p.title;
  const meta = document.createElement("span");
  meta.className = "live-item-meta";
  meta.textContent = [p.theme_name, p.place].filter(Boolean).join(" · ");
  const text = document.createElement("span");
  text.className = "live-item-text";
  text.append(title, " ", meta);
  const item = document.createElement("li");
  item.dataset.id = String(feature.id);
  item.append(swatch, text);
  return item;
}

function drawPin(feature, { fresh = false } = {}) {
  const old = pins.get(feature.id);
  if (old) map.removeLayer(old);
  const layer = L.geoJSON(feature, pinOptions({ interactive: false })).addTo(map);
  pins.set(feature.id, layer);
  if (fresh) {
    const centre = layer.getBounds().getCenter();
    const pulse = L.circleMarker(centre, {
      radius: 28,
      className: "live-pulse",
      interactive: false,
      color: "#000",
      weight: 4,
      fill: false,
    }).addTo(map);
    setTimeout(() => map.removeLayer(pulse), HIGHLIGHT_MS);
  }
  setState(map, "pins", pins.size);
}

function removePin(id) {
  const layer = pins.get(id);
  if (layer) map.removeLayer(layer);
  pins.delete(id);
  latest.querySelector(`li[data-id="${id}"]`)?.remove();
  document.getElementById("live-latest-empty").hidden = latest.children.length > 0;
  setState(map, "pins", pins.size);
}

function showPin(feature) {
  const isNew = !pins.has(feature.id);
  drawPin(feature, { fresh: isNew });
  const item = listItem(feature);
  const old = latest.querySelector(`li[data-id="${feature.id}"]`);
  if (old) old.replaceWith(item);
  else if (isNew) {
    latest.prepend(item);
    item.classList.add("live-new");
    setTimeout(() => item.classList.remove("live-new"), HIGHLIGHT_MS);
    while (latest.children.length > config.latest) latest.lastElementChild.remove();
    announce(feature.properties.title);
  }
  document.getElementById("live-latest-empty").hidden = latest.children.length > 0;
}

function showCounts({ counts, total }) {
  for (const [slug, count] of Object.entries(counts ?? {})) {
    const node = document.querySelector(`[data-theme="${CSS.escape(slug)}"] .live-count`);
    if (node && node.dataset.count !== String(count)) {
      node.dataset.count = String(count);
      node.textContent = numbers.format(count);
    }
  }
  const all = document.getElementById("live-total");
  if (total !== undefined) {
    all.dataset.count = String(total);
    all.textContent = numbers.format(total);
  }
}

function apply(type, data) {
  if (!map) {
    pending.push([type, data]);
    return;
  }
  if (type === "pin") showPin(data.feature);
  else if (type === "remove") removePin(data.id);
  else if (type === "counts" || type === "ready") showCounts(data);
}

// The event stream, and the JSON door when the stream does not get through.
let source = null;
let failures = 0;
let pollTimer = null;

function connect() {
  source?.close();
  const url = `${config.events}?after=${encodeURIComponent(cursor)}`;
  source = new EventSource(url);
  source.addEventListener("open", () => {
    failures = 0;
    showState("live");
  });
  for (const type of ["pin", "remove", "counts", "ready"]) {
    source.addEventListener(type, (event) => {
      if (event.lastEventId) cursor = Number(event.lastEventId);
      apply(type, JSON.parse(event.data));
    });
  }
  source.addEventListener("busy", () => {
    source.close();
    startPolling({ afterErrors: false });
  });
  source.addEventListener("error", () => {
    failures += 1;
    showState("lost");
    if (failures >= FAILURES_BEFORE_POLLING) {
      source.close();
      startPolling();
    } else if (source.readyState === EventSource.CLOSED) {
      // Refused (a proxy's error page, a server still starting): open it again from the cursor.
      setTimeout(connect, 1000 * failures);
    }
    // Otherwise the browser is already coming back with Last-Event-ID.
  });
}

async function poll() {
  try {
    const response = await fetch(`${config.changes}?after=${encodeURIComponent(cursor)}`, {
      headers: { Accept: "application/json" },
    });
    if (!response.ok) throw new Error(String(response.status));
    const body = await response.json();
    showState("live");
    for (const event of body.events) apply(event.type, event);
    showCounts(body);
    cursor = body.cursor;
    failures = 0;
    pollCount += 1;
    // The stream is tried again once the server answers after errors, and every so often
    // after a `busy`: it may get through now.
    if (pollingAfterErrors || pollCount % 20 === 0) {
      pollTimer = null;
      connect();
      return;
    }
  } catch {
    showState("lost");
  }
  pollTimer = setTimeout(poll, POLL_MS);
}
let pollCount = 0;
let pollingAfterErrors = false;

function startPolling({ afterErrors = true } = {}) {
  if (pollTimer) return;
  pollCount = 0;
  pollingAfterErrors = afterErrors;
  pollTimer = setTimeout(poll, 0);
}

function fullScreenButton() {
  const button = document.getElementById("live-fullscreen");
  if (!document.fullscreenEnabled) return;
  button.hidden = false;
  button.addEventListener("click", () => {
    if (document.fullscreenElement) document.exitFullscreen();
    else document.documentElement.requestFullscreen();
  });
  document.addEventListener("fullscreenchange", () => {
    const full = Boolean(document.fullscreenElement);
    button.setAttribute("aria-pressed", String(full));
    button.textContent = full ? gettext("Leave full screen") : gettext("Full screen");
  });
}

window.addEventListener("map:init", async (event) => {
  const liveMap = event.detail.map;
  labelMap(liveMap, document.getElementById("live-map-label").textContent);
  const outline = addBoundary(liveMap, boundary);
  liveMap.fitBounds(outline.getBounds(), { padding: [16, 16] });
  const params = new URLSearchParams({ campaign: config.campaign, limit: config.pageSize });
  try {
    const collection = await fetchAllFeatures(`${config.api}?${params}`);
    map = liveMap;
    for (const feature of collection.features) if (!pins.has(feature.id)) drawPin(feature);
  } catch {
    map = liveMap; // the changes still come; the older pins appear with the next reload
  }
  setState(liveMap, "pins", pins.size);
  liveMap.getContainer().dataset.ready = "true";
  for (const [type, data] of pending.splice(0)) apply(type, data);
});

colourSwatches();
fullScreenButton();
connect();
