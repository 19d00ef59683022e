// Finding a place on the map: a search box with suggestions (the WAI-ARIA combobox pattern:
// type, ArrowDown/ArrowUp through the list, Enter to choose, Escape to close) and "use my
// location", which asks the browser for the position only when pressed.

import { pageLanguage } from "../lib/config.js";
import { debounce, el, setState } from "../lib/dom.js";
import { gettext, interpolate } from "../lib/i18n.js";
import { announce } from "./status.js";

const STREET_ZOOM = 17;

/** Centres the map on a point and tells the page (data-center) and screen readers. */
export function centreMap(map, latlng, text) {
  map.setView(latlng, Math.max(map.getZoom(), STREET_ZOOM));
  setState(map, "center", `${latlng.lat.toFixed(5)},${latlng.lng.toFixed(5)}`);
  if (text) announce(text);
}

class PlaceSearch {
  constructor(map, root) {
    this.map = map;
    this.api = root.dataset.api;
    this.input = root.querySelector("#place-search-input");
    this.list = root.querySelector("#place-search-results");
    this.places = [];
    this.active = -1;
    this.inflight = null;
    const search = debounce(() => this.search(), 150);
    this.input.addEventListener("input", search);
    this.input.addEventListener("keydown", (event) => this.keydown(event));
    this.input.addEventListener("blur", () => setTimeout(() => this.close(), 150));
  }

  async search() {
    const text = this.input.value.trim();
    this.inflight?.abort();
    if (!text) {
      this.show([]);
      return;
    }
    const controller = new AbortController();
    this.inflight = controller;
    try {
      const response = await fetch(`${this.api}?${new URLSearchParams({ q: text })}`, {
        signal: controller.signal,
        headers: { Accept: "application/json", "Accept-Language": pageLanguage() },
      });
      if (!response.ok) throw new Error(String(response.status));
      const answer = await response.json();
      this.show(answer.results);
    } catch (error) {
      if (error.name !== "AbortError") announce(gettext("The place search is not available now."));
    }
  }

  show(places) {
    this.places = places;
    this.active = -1;
    this.input.removeAttribute("aria-activedescendant");
    this.list.replaceChildren(
      ...places.map((place, index) => {
        const option = el(
          "li",
          { id: `place-option-${index}`, role: "option", "aria-selected": "false" },
          place.name,
          el("span", { class: "place-kind" }, ` · ${place.kind_label}`),
        );
        // mousedown rather than click: the input's blur would close the list first.
        option.addEventListener("mousedown", (event) => {
          event.preventDefault();
          this.choose(index);
        });
        return option;
      }),
    );
    const open = places.length > 0;
    this.list.hidden = !open;
    this.input.setAttribute("aria-expanded", String(open));
    if (this.input.value.trim()) {
      const text = open
        ? interpolate(gettext("Places found: %(count)s. Use the arrow keys to choose."), {
            count: places.length,
          })
        : gettext("No place found by that name.");
      announce(text);
    }
  }

  highlight(index) {
    const options = this.list.children;
    if (!options.length) return;
    this.active = (index + options.length) % options.length;
    for (const [i, option] of [...options].entries()) {
      option.setAttribute("aria-selected", String(i === this.active));
    }
    const option = options[this.active];
    this.input.setAttribute("aria-activedescendant", option.id);
    option.scrollIntoView({ block: "nearest" });
  }

  keydown(event) {
    const open = !this.list.hidden;
    if (event.key === "ArrowDown") {
      event.preventDefault();
      if (open) this.highlight(this.active + 1);
      else if (this.places.length) this.show(this.places);
    } else if (event.key === "ArrowUp" && open) {
      event.preventDefault();
      this.highlight(this.active - 1);
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      this.choose(this.active >= 0 ? this.active : 0);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      this.close();
    }
  }

  close() {
    this.list.hidden = true;
    this.active = -1;
    this.input.setAttribute("aria-expanded", "false");
    this.input.removeAttribute("aria-activedescendant");
  }

  choose(index) {
    const place = this.places[index];
    if (!place) return;
    const [lon, lat] = place.point.coordinates;
    this.input.value = place.name;
    this.close();
    const text = interpolate(gettext("The map is centred on %(place)s."), { place: place.name });
    centreMap(this.map, L.latLng(lat, lon), text);
  }
}

function setupLocate(map, button) {
  if (!navigator.geolocation) {
    button.hidden = true;
    return;
  }
  button.addEventListener("click", () => {
    announce(gettext("Finding your location…"));
    navigator.geolocation.getCurrentPosition(
      (position) => {
        const { latitude, longitude } = position.coords;
        centreMap(map, L.latLng(latitude, longitude), gettext("The map is centred on your location."));
      },
      (error) => {
        const denied = error.code === error.PERMISSION_DENIED;
        announce(
          denied
            ? gettext("Your browser did not allow the location. Search for a place instead.")
            : gettext("Your location could not be found. Search for a place instead."),
        );
      },
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 },
    );
  });
}

/** The search box and the location button of the page, if it has them. */
export function setupPlaceSearch(map) {
  const root = document.getElementById("place-search");
  if (!root) return;
  new PlaceSearch(map, root);
  setupLocate(map, root.querySelector("#locate-me"));
  root.hidden = false;
  const showCentre = () => {
    const c = map.getCenter();
    setState(map, "center", `${c.lat.toFixed(5)},${c.lng.toFixed(5)}`);
  };
  map.on("moveend", showCentre);
  showCentre(); // the first view is already set
}
