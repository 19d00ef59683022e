// The resident's draft place: a pin, or a route or an area as an editable list of points.
// Everything works with the keyboard: the map moves under a fixed cross, buttons place points.

import { el } from "../lib/dom.js";
import { gettext, interpolate } from "../lib/i18n.js";
import { COLOURS, draftIcon, draftStyle } from "../lib/map-style.js";
import { announce } from "./status.js";

/** A coordinate as typed: a decimal comma is accepted, as Finns write it. */
function parseCoordinate(text) {
  return Number(text.trim().replace(",", "."));
}

export class Draft {
  constructor(map, form, shape) {
    this.map = map;
    this.form = form;
    this.shape = shape; // "point", "line" or "polygon"
    this.pin = null; // the point marker
    this.vertices = []; // L.LatLng of a route or an area
    this.outline = null; // the drawn route or area on the map
    this.drawer = null; // Leaflet.draw handler while drawing with the mouse
    this.vertexList = form.querySelector("#vertex-list");
    this.bindShapeChoice();
    this.bindPoint();
    this.bindVertexButtons();
    this.bindMouseDrawing();
    this.setShape(shape);
  }

  get lat() {
    return this.form.elements.lat;
  }

  get lon() {
    return this.form.elements.lon;
  }

  // A pin ------------------------------------------------------------------------------------
  placePin(latlng, { speak = true } = {}) {
    if (!this.pin) {
      const title = gettext("Your pin");
      this.pin = L.marker(latlng, { icon: draftIcon(), draggable: true, title, alt: title });
      this.pin.on("dragend", () => this.placePin(this.pin.getLatLng()));
      this.pin.addTo(this.map);
    }
    this.pin.setLatLng(latlng);
    this.lat.value = latlng.lat.toFixed(6);
    this.lon.value = latlng.lng.toFixed(6);
    if (speak) {
      const text = gettext("Pin placed at latitude %(lat)s, longitude %(lon)s.");
      announce(interpolate(text, { lat: this.lat.value, lon: this.lon.value }));
    }
  }

  clearPin() {
    this.pin?.remove();
    this.pin = null;
  }

  bindPoint() {
    this.map.on("click", (event) => {
      if (this.shape === "point") this.placePin(event.latlng);
    });
    const centre = this.form.querySelector("#place-at-centre");
    centre.hidden = false;
    centre.addEventListener("click", () => this.placePin(this.map.getCenter()));
    const typed = () => {
      const la = Number.parseFloat(this.lat.value.replace(",", "."));
      const lo = Number.parseFloat(this.lon.value.replace(",", "."));
      if (Number.isFinite(la) && Number.isFinite(lo)) {
        this.placePin(L.latLng(la, lo), { speak: false });
      }
    };
    for (const input of [this.lat, this.lon]) input.addEventListener("change", typed);
  }

  // A route or an area -----------------------------------------------------------------------
  vertexItem(vertex, index) {
    const button = { type: "button", class: "secondary small" };
    const move = el("button", button, gettext("Move to map centre"));
    move.addEventListener("click", () => {
      this.vertices[index] = this.map.getCenter();
      this.render();
    });
    const remove = el("button", button, gettext("Remove"));
    remove.addEventListener("click", () => this.removeVertex(index));
    const label = interpolate(gettext("Point %(number)s: latitude %(lat)s, longitude %(lon)s"), {
      number: index + 1,
      lat: vertex.lat.toFixed(5),
      lon: vertex.lng.toFixed(5),
    });
    return el("li", {}, el("span", {}, label), " ", move, " ", remove);
  }

  render() {
    this.outline?.remove();
    this.outline = null;
    if (this.vertices.length >= 2) {
      const closed = this.shape === "polygon" && this.vertices.length >= 3;
      this.outline = (closed ? L.polygon : L.polyline)(this.vertices, draftStyle).addTo(this.map);
    }
    this.vertexList.replaceChildren(...this.vertices.map((v, i) => this.vertexItem(v, i)));
    const geometry = this.shapeGeometry();
    this.form.elements.geometry.value = geometry ? JSON.stringify(geometry) : "";
  }

  /** The drawn shape as GeoJSON, or null while it has too few points. */
  shapeGeometry() {
    const coords = this.vertices.map((v) => [Number(v.lng.toFixed(6)), Number(v.lat.toFixed(6))]);
    if (this.shape === "line" && coords.length >= 2) {
      return { type: "LineString", coordinates: coords };
    }
    if (this.shape === "polygon" && coords.length >= 3) {
      return { type: "Polygon", coordinates: [[...coords, coords[0]]] };
    }
    return null;
  }

  addVertex(latlng) {
    this.vertices.push(latlng);
    this.render();
    const count = this.vertices.length;
    const text = gettext("Point %(number)s added. The drawing has %(count)s points.");
    announce(interpolate(text, { number: count, count }));
  }

  removeVertex(index) {
    this.vertices.splice(index, 1);
    this.render();
    this.announceRemoved();
    (this.vertexList.querySelector("button") ?? this.form.querySelector("#vertex-add")).focus();
  }

  announceRemoved() {
    const text = gettext("Point removed. The drawing has %(count)s points.");
    announce(interpolate(text, { count: this.vertices.length }));
  }

  clearShape() {
    this.drawer?.disable();
    this.vertices = [];
    this.render();
  }

  bindVertexButtons() {
    const add = this.form.querySelector("#vertex-add");
    add.addEventListener("click", () => this.addVertex(this.map.getCenter()));
    this.form.querySelector("#vertex-clear").addEventListener("click", () => {
      this.clearShape();
      this.announceRemoved();
    });
  }

  bindMouseDrawing() {
    const finish = this.form.querySelector("#draw-finish");
    this.form.querySelector("#draw-start").addEventListener("click", () => {
      this.drawer?.disable();
      const Handler = this.shape === "polygon" ? L.Draw.Polygon : L.Draw.Polyline;
      const options = { shapeOptions: { color: COLOURS.accent }, allowIntersection: false };
      this.drawer = new Handler(this.map, options);
      this.drawer.enable();
      finish.hidden = false;
    });
    // Leaflet.draw finishes on a click on the last point; the button does the same for anyone
    // who cannot double-click precisely.
    finish.addEventListener("click", () => this.drawer?.completeShape());
    this.map.on(L.Draw.Event.DRAWSTOP, () => {
      finish.hidden = true;
    });
    this.map.on(L.Draw.Event.CREATED, (event) => {
      const latlngs = event.layer.getLatLngs();
      const ring = this.shape === "polygon" ? latlngs[0] : latlngs;
      this.vertices = ring.map((v) => L.latLng(v.lat, v.lng));
      this.drawer = null;
      this.render();
      const text = gettext("Drawing ready with %(count)s points.");
      announce(interpolate(text, { count: this.vertices.length }));
    });
  }

  // Choosing between them --------------------------------------------------------------------
  setShape(kind) {
    this.shape = kind;
    const isPoint = kind === "point";
    this.form.querySelector("#point-tools").hidden = !isPoint;
    this.form.querySelector("#shape-tools").hidden = isPoint;
    if (isPoint) {
      this.clearShape();
    } else {
      this.clearPin();
      this.lat.value = "";
      this.lon.value = "";
      this.render();
    }
  }

  bindShapeChoice() {
    const choice = this.form.querySelector("#shape-choice");
    if (!choice) return;
    choice.hidden = false;
    for (const radio of choice.querySelectorAll("input[name=shape]")) {
      radio.addEventListener("change", () => this.setShape(radio.value));
    }
  }

  // For the form -----------------------------------------------------------------------------
  /** The geometry to send: null when none was given, {error} when it cannot be read. */
  geometry() {
    if (this.shape !== "point") {
      if (this.vertices.length === 0) return null;
      const tooFew = this.shape === "polygon"
        ? gettext("An area needs at least 3 points.")
        : gettext("A route needs at least 2 points.");
      return this.shapeGeometry() ?? { error: tooFew };
    }
    if (this.lat.value.trim() === "" && this.lon.value.trim() === "") return null;
    const la = parseCoordinate(this.lat.value);
    const lo = parseCoordinate(this.lon.value);
    if (!Number.isFinite(la) || !Number.isFinite(lo)) {
      const text = gettext("Enter the coordinates as decimal numbers, for example 61.5 and 23.63.");
      return { error: text };
    }
    return { type: "Point", coordinates: [lo, la] };
  }

  /** After a contribution was sent: an empty place for the next one. */
  reset() {
    this.lat.value = "";
    this.lon.value = "";
    this.clearPin();
    this.clearShape();
  }
}
