// The resident's draft place: a pin, or a route or an area as an editable list of points.
// The mouse draws with Leaflet-Geoman: its toolbar on the map, its tooltips, its handles to drag
// a point. The keyboard draws on the focused map, which moves under a fixed cross: Enter puts
// the pin or a point at the cross, Backspace takes the last point away, Enter again without
// moving finishes. The buttons under "Place" do the same. docs/decisions/0024.

import { el } from "../lib/dom.js";
import { gettext, interpolate } from "../lib/i18n.js";
import { translateGeoman } from "../lib/leaflet-words.js";
import { COLOURS, draftIcon, draftStyle } from "../lib/map-style.js";
import { announce } from "./status.js";

// Our shapes, Geoman's shapes, and Geoman's toolbar buttons for them.
const GEOMAN_SHAPE = { point: "Marker", line: "Line", polygon: "Polygon" };
const SHAPE_OF = { Marker: "point", Line: "line", Polygon: "polygon" };
const BUTTON_OF = { point: "drawMarker", line: "drawPolyline", polygon: "drawPolygon" };
const MIN_POINTS = { line: 2, polygon: 3 };
// A point "at the cross" is within this many pixels of the map's centre.
const SAME_PLACE_PX = 3;
// What the keys do, said when a drawing starts by keyboard (each gettext literal on one line,
// for makemessages).
const KEYS_PIN = () => gettext("Move the map with the arrow keys so the cross is on your place, then press Enter.");
const KEYS_AREA = () => gettext("Drawing an area: move the map with the arrow keys so the cross is on a corner and press Enter. Backspace removes the last point. Press Enter again without moving the map to finish.");
const KEYS_ROUTE = () => gettext("Drawing a route: move the map with the arrow keys so the cross is on a point and press Enter. Backspace removes the last point. Press Enter again without moving the map to finish.");
const POINT_AT_CROSS = () => gettext("There is a point at the cross already. Move the map with the arrow keys first.");

/** A coordinate as typed: a decimal comma is accepted, as Finns write it. */
function parseCoordinate(text) {
  return Number(text.trim().replace(",", "."));
}

/** A Geoman layer's points as one flat list (a polygon's outer ring). */
function ringOf(layer) {
  const latlngs = layer.getLatLngs();
  const ring = Array.isArray(latlngs[0]) ? latlngs[0] : latlngs;
  return ring.map((v) => L.latLng(v.lat, v.lng));
}

export class Draft {
  constructor(map, form, shape) {
    this.map = map;
    this.form = form;
    this.shape = shape; // "point", "line" or "polygon"
    this.pin = null; // the point marker
    this.vertices = []; // L.LatLng of a route or an area
    this.outline = null; // the route or area on the map, its points draggable (Geoman)
    this.dot = null; // the first point alone, before there is a line
    this.drawing = null; // "mouse" while Geoman draws, "keyboard" while the keys do
    this.working = null; // Geoman's layer while it draws a route or an area
    this.vertexList = form.querySelector("#vertex-list");
    this.finishButton = form.querySelector("#draw-finish");
    this.setupGeoman();
    this.bindShapeChoice();
    this.bindPoint();
    this.bindVertexButtons();
    this.bindDrawButtons();
    this.bindMapKeys();
    this.setShape(shape);
  }

  get lat() {
    return this.form.elements.lat;
  }

  get lon() {
    return this.form.elements.lon;
  }

  get centre() {
    return this.map.getCenter();
  }

  // Geoman ------------------------------------------------------------------------------------
  setupGeoman() {
    // Only the draft's own layers (pmIgnore: false) are Geoman's to edit: never the pins, the
    // boundary or the pilots. The map's own Geoman was made when the map started.
    L.PM.setOptIn(true);
    const pm = this.map.pm;
    translateGeoman(this.map);
    pm.setGlobalOptions({
      snappable: false,
      allowSelfIntersection: false,
      continueDrawing: false,
      markerEditable: false,
      templineStyle: { color: COLOURS.accent, weight: 4 },
      hintlineStyle: { color: COLOURS.accent, weight: 3, dashArray: "6 4" },
      pathOptions: { ...draftStyle },
      markerStyle: { icon: draftIcon(), keyboard: false },
    });
    const kinds = [...this.form.querySelectorAll("#shape-choice input[name=shape]")].map(
      (radio) => radio.value,
    );
    const offered = kinds.length ? kinds : [this.shape];
    pm.addControls({
      position: "topleft",
      drawMarker: offered.includes("point"),
      drawPolyline: offered.includes("line"),
      drawPolygon: offered.includes("polygon"),
      drawCircleMarker: false,
      drawRectangle: false,
      drawCircle: false,
      drawText: false,
      editMode: false,
      dragMode: false,
      cutPolygon: false,
      removalMode: false,
      rotateMode: false,
    });
    this.bindToolbar();
    this.hideHandlesFromKeyboard();
    this.map.on("pm:drawstart", (event) => this.onDrawStart(event));
    this.map.on("pm:drawend", () => this.onDrawEnd());
    this.map.on("pm:create", (event) => this.onCreate(event));
  }

  /** Geoman's toolbar buttons: a name for screen readers, the pressed state, the keyboard. */
  bindToolbar() {
    this.toolbarButtons = {};
    for (const [name, button] of Object.entries(this.map.pm.Toolbar.getButtons())) {
      const node = button.buttonsDomNode;
      const link = node?.querySelector(".leaflet-buttons-control-button");
      if (!link) continue; // not on the toolbar
      const title = node.getAttribute("title");
      link.setAttribute("aria-label", title);
      link.setAttribute("title", title);
      link.setAttribute("aria-pressed", "false");
      this.toolbarButtons[name] = link;
      // By keyboard a drawing button starts the keyboard's drawing, on the focused map.
      const shape = Object.keys(BUTTON_OF).find((kind) => BUTTON_OF[kind] === name);
      link.addEventListener("keydown", (event) => {
        if (event.key !== "Enter" && event.key !== " ") return;
        event.preventDefault();
        event.stopPropagation();
        this.chooseShape(shape);
        this.startKeyboardDrawing();
      });
      // Geoman's actions (Finish, Delete last point, Cancel) are links: Space presses them too.
      node.addEventListener("keydown", (event) => {
        if (event.key === " " && event.target.classList.contains("leaflet-pm-action")) {
          event.preventDefault();
          event.target.click();
        }
      });
    }
  }

  /**
   * Geoman's handles on a drawing's points are for the mouse (the list under "Place" moves and
   * removes points by keyboard): they are neither tab stops nor unnamed buttons to a screen reader.
   */
  hideHandlesFromKeyboard() {
    const quiet = (node) => {
      if (!(node instanceof HTMLElement) || !node.classList.contains("marker-icon")) return;
      node.tabIndex = -1;
      node.removeAttribute("role");
      node.setAttribute("aria-hidden", "true");
    };
    const pane = this.map.getPane("markerPane");
    new MutationObserver((changes) => {
      for (const change of changes) for (const node of change.addedNodes) quiet(node);
    }).observe(pane, { childList: true });
  }

  setPressed(shape, pressed) {
    this.toolbarButtons[BUTTON_OF[shape]]?.setAttribute("aria-pressed", String(pressed));
  }

  onDrawStart({ shape, workingLayer }) {
    const kind = SHAPE_OF[shape];
    if (!kind) return;
    this.chooseShape(kind);
    this.setPressed(kind, true);
    this.created = false;
    if (kind === "point") return;
    this.drawing = "mouse";
    this.working = workingLayer;
    this.finishButton.hidden = false;
    workingLayer.on("pm:vertexadded", () => {
      const count = ringOf(workingLayer).length;
      const text = gettext("Point %(number)s added. The drawing has %(count)s points.");
      announce(interpolate(text, { number: count, count }));
    });
  }

  onDrawEnd() {
    const toolbar = this.map.pm.Toolbar;
    const focusInToolbar = Object.values(toolbar.getButtons()).some((button) =>
      button.buttonsDomNode?.contains(document.activeElement),
    );
    for (const kind of Object.keys(BUTTON_OF)) this.setPressed(kind, false);
    this.working = null;
    if (this.drawing === "mouse") this.endDrawing();
    if (!this.created) announce(gettext("Drawing cancelled."));
    // Geoman's actions hide with the drawing, and its points go: the focus goes back to the
    // toolbar's button, or to the map that was clicked, never to the page.
    if (focusInToolbar) this.toolbarButtons[BUTTON_OF[this.shape]]?.focus();
    else if (document.activeElement === document.body) {
      this.map.getContainer().focus({ preventScroll: true });
    }
  }

  onCreate({ shape, layer }) {
    this.created = true;
    layer.remove(); // The draft keeps the place in its own layers.
    if (shape === "Marker") {
      this.placePin(layer.getLatLng());
      return;
    }
    this.vertices = ringOf(layer);
    this.render();
    this.announceReady();
  }

  /** A drawing Geoman has begun becomes the draft's, to go on by keyboard or buttons. */
  adoptMouseDrawing() {
    if (this.drawing !== "mouse") return;
    const points = this.working ? ringOf(this.working) : [];
    this.created = true; // nothing was cancelled: the points are kept
    this.map.pm.disableDraw();
    if (points.length) {
      this.vertices = points;
      this.render();
    }
  }

  /** Ends Geoman's drawing mode, if on, without a word: what replaces it says what happened. */
  stopGeoman() {
    if (!this.map.pm.globalDrawModeEnabled()) return;
    this.created = true;
    this.map.pm.disableDraw();
  }

  startMouseDrawing() {
    this.drawing = null;
    this.map.pm.enableDraw(GEOMAN_SHAPE[this.shape]);
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
    this.changed();
    if (speak) {
      const text = gettext("Pin placed at latitude %(lat)s, longitude %(lon)s.");
      announce(interpolate(text, { lat: this.lat.value, lon: this.lon.value }));
    }
  }

  clearPin() {
    this.pin?.remove();
    this.pin = null;
    this.changed();
  }

  /** Tells the form that the place changed ("already reported near here" listens). */
  changed() {
    this.form.dispatchEvent(new CustomEvent("place-change"));
  }

  /** One point for the place: the pin, or the middle of the drawing's points; null if none. */
  placePoint() {
    const points = this.vertices;
    if (this.shape !== "point") {
      if (points.length === 0) return null;
      const lat = points.reduce((sum, p) => sum + p.lat, 0) / points.length;
      const lon = points.reduce((sum, p) => sum + p.lng, 0) / points.length;
      return { lat, lon };
    }
    const geometry = this.geometry();
    if (!geometry || geometry.error) return null;
    const [lon, lat] = geometry.coordinates;
    return { lat, lon };
  }

  bindPoint() {
    this.map.on("click", (event) => {
      // While Geoman places a pin, its click is the one that counts (onCreate).
      if (this.shape === "point" && !this.map.pm.globalDrawModeEnabled()) {
        this.placePin(event.latlng);
      }
    });
    const centre = this.form.querySelector("#place-at-centre");
    centre.hidden = false;
    centre.addEventListener("click", () => this.placePin(this.centre));
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
      this.vertices[index] = this.centre;
      this.render();
      // The list was drawn anew: the same point's button keeps the focus.
      this.vertexList.children[index]?.querySelector("button")?.focus();
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

  /** Draws the points anew: the outline with Geoman's handles, the list, the form's field. */
  render() {
    this.outline?.remove();
    this.outline = null;
    this.dot?.remove();
    this.dot = null;
    const count = this.vertices.length;
    if (count >= 2) {
      const closed = this.shape === "polygon" && count >= 3;
      const options = { ...draftStyle, pmIgnore: false };
      this.outline = (closed ? L.polygon : L.polyline)(this.vertices, options).addTo(this.map);
      this.outline.pm.enable({ snappable: false, allowSelfIntersection: true, draggable: false });
      // A point dragged, added between two, or removed (right click) with the mouse.
      this.outline.on("pm:edit", () => {
        this.vertices = ringOf(this.outline);
        this.update();
      });
    } else if (count === 1) {
      const style = { radius: 6, color: COLOURS.accent, weight: 3, fillColor: "#fff", fillOpacity: 1 };
      this.dot = L.circleMarker(this.vertices[0], { ...style, interactive: false }).addTo(this.map);
    }
    this.update();
  }

  /** The list of points and the form's geometry field, from the points. */
  update() {
    this.vertexList.replaceChildren(...this.vertices.map((v, i) => this.vertexItem(v, i)));
    this.changed();
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
    return interpolate(text, { number: count, count });
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

  tooFewMessage() {
    return this.shape === "polygon"
      ? gettext("An area needs at least 3 points.")
      : gettext("A route needs at least 2 points.");
  }

  announceReady() {
    const text = gettext("Drawing ready with %(count)s points.");
    announce(interpolate(text, { count: this.vertices.length }));
  }

  clearShape() {
    this.endDrawing();
    this.vertices = [];
    this.render();
  }

  bindVertexButtons() {
    this.form.querySelector("#vertex-add").addEventListener("click", () => {
      this.adoptMouseDrawing();
      announce(this.addVertex(this.centre));
    });
    this.form.querySelector("#vertex-clear").addEventListener("click", () => {
      this.stopGeoman();
      this.clearShape();
      this.announceRemoved();
    });
  }

  // Drawing by mouse or by keyboard ----------------------------------------------------------
  bindDrawButtons() {
    this.form.querySelector("#draw-start").addEventListener("click", (event) => {
      // A click from the keyboard (Enter or Space: no pointer, detail 0) draws by keyboard.
      if (event.detail === 0) this.startKeyboardDrawing();
      else this.startMouseDrawing();
    });
    this.finishButton.addEventListener("click", () => {
      this.finishDrawing();
      // The button hides: the focus goes to the one that starts a drawing, not to the page.
      this.form.querySelector("#draw-start").focus();
    });
  }

  startKeyboardDrawing() {
    this.stopGeoman();
    this.map.getContainer().focus();
    if (this.shape === "point") {
      announce(KEYS_PIN());
      return;
    }
    this.beginKeyboardDrawing();
    announce(this.shape === "polygon" ? KEYS_AREA() : KEYS_ROUTE());
  }

  /** The keyboard draws: the finish button shows, and the toolbar's button is pressed. */
  beginKeyboardDrawing() {
    this.drawing = "keyboard";
    this.finishButton.hidden = false;
    this.setPressed(this.shape, true);
  }

  endDrawing() {
    if (this.drawing === "keyboard") this.setPressed(this.shape, false);
    this.drawing = null;
    this.finishButton.hidden = true;
  }

  /** Ends a drawing, by mouse or keyboard; too few points are said, and kept for more. */
  finishDrawing() {
    this.adoptMouseDrawing();
    this.endDrawing();
    if (this.vertices.length >= MIN_POINTS[this.shape]) this.announceReady();
    else announce(this.tooFewMessage());
  }

  /** Whether the last point is at the cross: Enter there finishes, as a click on it would. */
  lastPointAtCross() {
    const last = this.vertices.at(-1);
    if (!last) return false;
    const cross = this.map.getSize().divideBy(2);
    return this.map.latLngToContainerPoint(last).distanceTo(cross) <= SAME_PLACE_PX;
  }

  /** Enter on the focused map: the pin or a point at the cross, or the end of the drawing. */
  enterAtCross() {
    if (this.shape === "point") {
      this.stopGeoman();
      this.placePin(this.centre);
      return;
    }
    this.adoptMouseDrawing();
    if (this.lastPointAtCross()) {
      if (this.vertices.length >= MIN_POINTS[this.shape]) {
        this.finishDrawing();
      } else {
        announce(POINT_AT_CROSS());
      }
      return;
    }
    if (this.drawing !== "keyboard") this.beginKeyboardDrawing();
    const added = this.addVertex(this.centre);
    const next =
      this.vertices.length >= MIN_POINTS[this.shape]
        ? gettext("Move the map to the next point, or press Enter again to finish.")
        : gettext("Move the map to the next point and press Enter.");
    announce(`${added} ${next}`);
  }

  /** Backspace or Delete on the focused map: the last point goes. */
  removeLastAtCross() {
    if (this.shape === "point") return;
    this.adoptMouseDrawing();
    if (this.vertices.length === 0) {
      announce(gettext("The drawing has no points yet."));
      return;
    }
    this.vertices.pop();
    this.render();
    this.announceRemoved();
  }

  bindMapKeys() {
    const container = this.map.getContainer();
    container.addEventListener("keydown", (event) => {
      // Only keys on the map itself: a focused pin, popup or toolbar button has its own.
      if (event.target !== container || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "Enter") {
        event.preventDefault();
        this.enterAtCross();
      } else if (event.key === "Backspace" || event.key === "Delete") {
        event.preventDefault();
        this.removeLastAtCross();
      }
    });
  }

  // Choosing between them --------------------------------------------------------------------
  /** The shape a toolbar button asked for, chosen in the form's choice too. */
  chooseShape(kind) {
    if (!kind || kind === this.shape) return;
    const radio = this.form.querySelector(`#shape-choice input[value="${kind}"]`);
    if (radio) radio.checked = true;
    this.setShape(kind);
  }

  setShape(kind) {
    if (kind !== this.shape) this.endDrawing();
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
      radio.addEventListener("change", () => {
        this.stopGeoman();
        this.setShape(radio.value);
      });
    }
  }

  // For the form -----------------------------------------------------------------------------
  /** The control where a location is given, for the error summary's link: never hidden. */
  locationControl() {
    return this.shape === "point" ? this.lat : this.form.querySelector("#draw-start");
  }

  /** The geometry to send: null when none was given, {error} when it cannot be read. */
  geometry() {
    if (this.shape !== "point") {
      if (this.vertices.length === 0) return null;
      return this.shapeGeometry() ?? { error: this.tooFewMessage() };
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
    this.stopGeoman();
    this.lat.value = "";
    this.lon.value = "";
    this.clearPin();
    this.clearShape();
  }
}
