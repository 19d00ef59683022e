// The kiosk on a shared screen (engagement/kiosk/, docs/decisions/0048): a pin by tap or at the
// cross by keyboard, and the screen starting over, in the site's default language, after the
// thanks and after a while without input. It keeps nothing in the browser: no storage, no
// service worker, and the map's attribution links lead nowhere.

import { readJSON } from "./lib/config.js";
import { labelMap } from "./lib/dom.js";
import { gettext } from "./lib/i18n.js";
import { addBoundary, draftIcon } from "./lib/map-style.js";

const config = readJSON("kiosk-config") ?? {};
const form = document.getElementById("kiosk-form");

/** Starts over: the kiosk afresh, in the default language, without a history entry. */
function startOver() {
  if (form) form.reset();
  window.location.replace(config.start);
}

// After the thanks --------------------------------------------------------------------------

function countDown(output, seconds, done) {
  let left = seconds;
  output.textContent = String(left);
  const timer = window.setInterval(() => {
    left -= 1;
    output.textContent = String(Math.max(left, 0));
    if (left <= 0) {
      window.clearInterval(timer);
      done();
    }
  }, 1000);
  return timer;
}

const thanksSeconds = document.getElementById("kiosk-thanks-seconds");
if (thanksSeconds) {
  document.getElementById("kiosk-thanks-heading").focus();
  countDown(thanksSeconds, config.thanksSeconds, startOver);
}

// Without input -----------------------------------------------------------------------------

const dialog = document.getElementById("kiosk-idle");
let changed = Boolean(config.changed);
let idleTimer = null;
let warningTimer = null;

function warn() {
  const seconds = document.getElementById("kiosk-idle-seconds");
  dialog.showModal();
  document.getElementById("kiosk-continue").focus();
  warningTimer = countDown(seconds, config.warningSeconds, startOver);
}

function stillHere() {
  if (warningTimer !== null) {
    window.clearInterval(warningTimer);
    warningTimer = null;
    if (dialog.open) dialog.close();
  }
  window.clearTimeout(idleTimer);
  // A screen nobody has touched has nothing to forget: it waits as it is.
  if (changed) idleTimer = window.setTimeout(warn, config.idleSeconds * 1000);
}

if (dialog && !thanksSeconds) {
  for (const type of ["pointerdown", "keydown", "input", "wheel"]) {
    document.addEventListener(
      type,
      () => {
        changed = true;
        stillHere();
      },
      { capture: true, passive: true },
    );
  }
  document.getElementById("kiosk-continue").addEventListener("click", stillHere);
  dialog.addEventListener("cancel", stillHere); // Escape
  stillHere();
}

// The pin ------------------------------------------------------------------------------------

function inertLinks(container) {
  // The attribution names its sources; on a kiosk its links would lead out of it.
  const strip = () => {
    for (const link of container.querySelectorAll("a[href]")) {
      link.removeAttribute("href");
      link.removeAttribute("target");
    }
  };
  strip();
  new MutationObserver(strip).observe(container, { childList: true, subtree: true });
}

function setupMap(map) {
  const lat = document.getElementById("id_lat");
  const lon = document.getElementById("id_lon");
  const status = document.getElementById("map-status");
  const container = map.getContainer();
  labelMap(map, gettext("Map of the campaign area"), "kiosk-map-help error-geometry");
  const boundary = addBoundary(map, readJSON("campaign-boundary"));
  map.fitBounds(boundary.getBounds(), { animate: false });
  const attribution = container.querySelector(".leaflet-control-attribution");
  if (attribution) inertLinks(attribution);
  let pin = null;

  function place(latlng, { quiet = false } = {}) {
    if (pin) pin.setLatLng(latlng);
    else pin = L.marker(latlng, { icon: draftIcon(), keyboard: false, interactive: false }).addTo(map);
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    container.dataset.pin = "placed";
    if (!quiet) status.textContent = gettext("Pin placed. Now choose a theme and write your idea.");
  }

  if (lat.value && lon.value) {
    const kept = L.latLng(Number(lat.value.replace(",", ".")), Number(lon.value.replace(",", ".")));
    if (Number.isFinite(kept.lat) && Number.isFinite(kept.lng)) place(kept, { quiet: true });
  }
  map.on("click", (event) => place(event.latlng));
  container.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target === container) {
      event.preventDefault();
      place(map.getCenter());
    }
  });
  document.getElementById("pin-at-centre").addEventListener("click", () => place(map.getCenter()));
}

if (form) window.addEventListener("map:init", (event) => setupMap(event.detail.map));
document.getElementById("kiosk-empty")?.addEventListener("click", (event) => {
  event.preventDefault();
  startOver();
});

const summary = document.getElementById("form-errors");
if (summary && !summary.hidden) summary.focus();
