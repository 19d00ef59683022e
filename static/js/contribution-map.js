// A contribution's own small map: its place (public location) inside the campaign's area.
// The page says the same in words, so the map is an enhancement only.

import { readJSON } from "./lib/config.js";
import { labelMap } from "./lib/dom.js";
import { addBoundary } from "./lib/map-style.js";
import { showPlace } from "./lib/place.js";

const feature = readJSON("contribution-feature");
const boundary = readJSON("campaign-boundary");

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  labelMap(map, document.getElementById("map-label").textContent);
  addBoundary(map, boundary, { frame: true });
  showPlace(map, feature, feature.properties.color);
});
