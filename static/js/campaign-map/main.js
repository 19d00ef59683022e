// Campaign map: boundary, pins from the API, placing a pin or drawing a route or an area by
// mouse or keyboard, and sending the form through the API without a page reload.
// The page works without this script.

import { pageConfig, readJSON } from "../lib/config.js";
import { labelMap } from "../lib/dom.js";
import { gettext } from "../lib/i18n.js";
import { addBoundary } from "../lib/map-style.js";
import { Draft } from "./drawing.js";
import { listPrepend } from "./list.js";
import { PinLayer, loadPilots } from "./pins.js";
import { setupPlaceSearch } from "./search.js";
import { setupNearby } from "./nearby.js";
import { setupOutbox } from "./outbox.js";
import { setupOffline } from "../offline/register.js";
import { setupSubmission } from "./submission.js";

const config = pageConfig();
const boundary = readJSON("campaign-boundary");
const form = document.getElementById("contribution-form");

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  const label = gettext("Map of the campaign area. Use the arrow keys to move the map.");
  labelMap(map, label, "map-help map-keys");
  // The controls (zoom, drawing, base maps) come before the markers in the tab order: a keyboard
  // user reaches the drawing tools in a few presses, whatever the number of pins.
  const container = map.getContainer();
  container.insertBefore(container.querySelector(".leaflet-control-container"), container.firstChild);
  // Not animated: the pins would first load at the zoom the animation starts from, and a move
  // made before it ends (a search, a link to a place) would be undone by its end.
  map.fitBounds(addBoundary(map, boundary).getBounds(), { animate: false });
  setupPlaceSearch(map);
  const pins = new PinLayer(map, config);
  pins.load();
  if (config.pilotsApi) loadPilots(map, config.pilotsApi);
  // The page kept for use without a connection (decision 0046).
  setupOffline(config.offline);
  if (!form) return; // The campaign is closed or refuses this visitor; the page says why.
  const draft = new Draft(map, form, config.geometryKinds[0]);
  if (config.nearbyApi) setupNearby({ form, draft, api: config.nearbyApi });
  const onPublished = (feature) => {
    pins.addSent(feature);
    listPrepend(feature, config);
  };
  // Contributions made without a connection wait there (decision 0046).
  const outbox = setupOutbox({ form, draft, api: config.api, config, onPublished });
  setupSubmission({ form, draft, api: config.api, onPublished, outbox });
});
