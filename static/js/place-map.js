// A pilot's or a story's place on a small map; the page says the same in words.

import { readJSON } from "./lib/config.js";
import { labelMap } from "./lib/dom.js";
import { COLOURS } from "./lib/map-style.js";
import { showPlace } from "./lib/place.js";

const geometry = readJSON("place-geometry");

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  labelMap(map, document.getElementById("map-label").textContent);
  showPlace(map, geometry, COLOURS.pilot);
});
