// The pilot proposal's map: the place drawn as residents draw theirs (campaign-map/drawing.js,
// decision 0024), and the residents' contributions near it suggested in a list and on the map,
// numbered alike; ticking one in the list or pressing its number on the map chooses it.
// The page works without this script (a place from the list, GeoJSON, "Suggest contributions").

import { Draft } from "./campaign-map/drawing.js";
import { pageConfig } from "./lib/config.js";
import { debounce, el, labelMap, setState } from "./lib/dom.js";
import { gettext, interpolate, ngettext } from "./lib/i18n.js";
import { addBoundary } from "./lib/map-style.js";

const config = pageConfig();
const form = document.getElementById("pilot-form");
const geometryField = form.elements.geometry;
const campaignField = form.elements.campaign;
const suggestionsList = document.getElementById("suggestions");
const chosenList = document.getElementById("chosen-contributions");
const status = document.getElementById("suggestions-status");

/** The ids of the ticked contributions, as the form will send them. */
function checkedIds() {
  return [...form.querySelectorAll("input[name=contributions]:checked")].map((box) => box.value);
}

/** A geometry the form holds already (a proposal being edited, or sent back with an error). */
function loadGeometry(draft, text) {
  let geometry;
  try {
    geometry = JSON.parse(text);
  } catch {
    return;
  }
  const flip = ([lon, lat]) => L.latLng(lat, lon);
  if (geometry?.type === "Polygon") {
    draft.chooseShape("polygon");
    draft.vertices = geometry.coordinates[0].slice(0, -1).map(flip);
  } else if (geometry?.type === "LineString") {
    draft.chooseShape("line");
    draft.vertices = geometry.coordinates.map(flip);
  } else if (geometry?.type === "Point") {
    draft.chooseShape("point");
    draft.placePin(flip(geometry.coordinates), { speak: false });
    return;
  } else {
    return;
  }
  draft.render();
}

class Suggestions {
  constructor(map, draft) {
    this.map = map;
    this.draft = draft;
    this.layer = L.layerGroup().addTo(map);
    this.controller = null;
    this.load = debounce(() => this.fetch(), 400);
    suggestionsList.addEventListener("change", (event) => this.choose(event.target));
  }

  /** A ticked suggestion moves up to the chosen ones, so a new search keeps it. */
  choose(box) {
    if (!box.checked) return;
    chosenList.append(box.closest("li"));
    this.markers?.get(box.value)?.remove();
  }

  place() {
    return this.draft.shape === "point" ? this.draft.geometry() : this.draft.shapeGeometry();
  }

  async fetch() {
    const geometry = this.place();
    if (!geometry || geometry.error || !campaignField.value) return;
    this.controller?.abort();
    this.controller = new AbortController();
    const params = new URLSearchParams({
      campaign: campaignField.value,
      geometry: JSON.stringify(geometry),
      distance: String(config.distance),
    });
    for (const id of checkedIds()) params.append("contribution", id);
    status.textContent = gettext("Looking for contributions near the place…");
    let body;
    try {
      const response = await fetch(`${config.suggestionsApi}?${params}`, {
        headers: { Accept: "application/json" },
        signal: this.controller.signal,
      });
      body = await response.json();
      if (!response.ok) {
        status.textContent = Object.values(body).flat().join(" ");
        return;
      }
    } catch (error) {
      if (error.name !== "AbortError") status.textContent = gettext("The suggestions could not be loaded.");
      return;
    }
    this.show(body.results.filter((s) => !checkedIds().includes(String(s.id))));
  }

  show(results) {
    this.layer.clearLayers();
    this.markers = new Map();
    suggestionsList.replaceChildren();
    results.forEach((s, index) => {
      const number = index + 1;
      const id = `suggestion-${s.id}`;
      const supports = interpolate(ngettext("%(count)s support", "%(count)s supports", s.supports), {
        count: s.supports,
      });
      const box = el("input", { type: "checkbox", name: "contributions", value: String(s.id), id });
      const text = `${number}. ${s.title} · ${s.theme_name} · ${supports} · ${s.distance_m} m`;
      suggestionsList.append(el("li", {}, el("label", { for: id }, box, " ", text)));
      const centre = L.geoJSON(s.geometry).getBounds().getCenter();
      const label = interpolate(gettext("Suggestion %(number)s: %(title)s. Press to choose it."), {
        number,
        title: s.title,
      });
      const marker = L.marker(centre, {
        icon: L.divIcon({ className: "suggestion-marker", html: String(number), iconSize: [28, 28] }),
        title: label,
        alt: label,
        keyboard: true,
      });
      marker.on("click", () => {
        box.checked = true;
        this.choose(box);
        status.textContent = interpolate(gettext("Chosen: %(title)s."), { title: s.title });
      });
      marker.addTo(this.layer);
      marker.getElement()?.setAttribute("aria-label", label);
      this.markers.set(String(s.id), marker);
    });
    status.textContent = results.length
      ? interpolate(
          ngettext(
            "%(count)s contribution near the place is suggested below.",
            "%(count)s contributions near the place are suggested below.",
            results.length,
          ),
          { count: results.length },
        )
      : gettext("No public contributions of the same theme near this place.");
    setState(this.map, "suggestions", results.length);
  }
}

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  document.getElementById("map-tools").hidden = false;
  map.invalidateSize({ animate: false }); // it was made while hidden, without a size
  document.getElementById("suggest-button").hidden = true;
  labelMap(map, gettext("Map of the campaign area. Use the arrow keys to move the map."), "map-help");
  const container = map.getContainer();
  container.insertBefore(container.querySelector(".leaflet-control-container"), container.firstChild);
  let boundary = null;
  const showBoundary = () => {
    boundary?.remove();
    const geojson = config.boundaries[campaignField.value];
    if (!geojson) return;
    boundary = addBoundary(map, geojson);
    map.fitBounds(boundary.getBounds(), { animate: false });
  };
  showBoundary();
  const held = geometryField.value;
  const draft = new Draft(map, form, config.geometryKinds[0]);
  if (held) loadGeometry(draft, held);
  const suggestions = new Suggestions(map, draft);
  form.addEventListener("place-change", () => {
    // A pin is the draft's lat and lon; the form sends the place as GeoJSON.
    if (draft.shape === "point") {
      const point = draft.geometry();
      if (point && !point.error) geometryField.value = JSON.stringify(point);
    }
    if (form.elements.place) form.elements.place.value = "";
    suggestions.load();
  });
  campaignField.addEventListener("change", () => {
    showBoundary();
    suggestions.load();
  });
  chosenList.addEventListener("change", () => suggestions.load());
  if (held) suggestions.load();
});
