// Leaflet's and Leaflet-Geoman's own words (the zoom buttons, the attribution, a popup's close
// button, the drawing toolbar and its tooltips) in the page's language, from the djangojs catalog
// that templates/geo/_site_map.html loads with every map. Leaflet's are set before any map starts
// (lib/site-map.js), Geoman's by the campaign map's drawing (campaign-map/drawing.js).

import { gettext } from "./i18n.js";

function zoomWords() {
  const zoom = L.Control.Zoom.prototype.options;
  zoom.zoomInTitle = gettext("Zoom in");
  zoom.zoomOutTitle = gettext("Zoom out");
  if (L.Control.ResetView) L.Control.ResetView.TITLE = gettext("Reset view");
}

/** The attribution's prefix: the map library, named and explained in the page's language. */
export function attributionPrefix() {
  const title = gettext("Leaflet, a JavaScript library for interactive maps");
  const link = document.createElement("a");
  link.href = "https://leafletjs.com";
  link.title = title;
  link.textContent = "Leaflet";
  return link.outerHTML;
}

// Leaflet writes "Close popup" and "Layers" into its elements itself; they are named again here.
function controlWords() {
  const closeLabel = gettext("Close");
  const openPopup = L.Popup.prototype._initLayout;
  L.Popup.prototype._initLayout = function initLayout(...args) {
    openPopup.apply(this, args);
    this._closeButton?.setAttribute("aria-label", closeLabel);
  };
  const layers = L.Control.Layers.prototype._initLayout;
  L.Control.Layers.prototype._initLayout = function initLayout(...args) {
    layers.apply(this, args);
    if (this._layersLink) {
      this._layersLink.title = gettext("Map layers");
      this._layersLink.setAttribute("aria-label", gettext("Map layers"));
    }
  };
}

// Leaflet-Geoman's words (the drawing toolbar's titles, its actions, the tooltips that follow the
// pointer), every one of them, so that no English is left on a Finnish or Swedish page: the
// shapes and modes this site does not offer are named too. `{action}` is filled by Geoman.
function geomanWords() {
  const pin = gettext("Place a pin");
  return {
    tooltips: {
      placeMarker: gettext("Click the map to place a pin."),
      placeMarkerTouch: gettext("Tap the map to place a pin."),
      firstVertex: gettext("Click to place the first point."),
      continueLine: gettext("Click to place the next point."),
      finishLine: gettext("Click the last point to finish the route."),
      finishPoly: gettext("Click the first point to close the area."),
      finishRect: gettext("Click to finish the rectangle."),
      startCircle: gettext("Click to place the centre of the circle."),
      finishCircle: gettext("Click to finish the circle."),
      placeCircleMarker: gettext("Click the map to place a pin."),
      placeText: gettext("Click to place the text."),
      selectFirstLayerFor: gettext("Choose the first shape for {action}."),
      selectSecondLayerFor: gettext("Choose the second shape for {action}."),
    },
    actions: {
      finish: gettext("Finish"),
      cancel: gettext("Cancel"),
      removeLastVertex: gettext("Delete last point"),
    },
    buttonTitles: {
      drawMarkerButton: pin,
      drawPolyButton: gettext("Draw an area"),
      drawLineButton: gettext("Draw a route"),
      drawCircleButton: gettext("Draw a circle"),
      drawRectButton: gettext("Draw a rectangle"),
      editButton: gettext("Edit layers"),
      dragButton: gettext("Move layers"),
      cutButton: gettext("Cut layers"),
      deleteButton: gettext("Delete layers"),
      drawCircleMarkerButton: pin,
      snappingButton: gettext("Snap moved points to other shapes"),
      pinningButton: gettext("Pin shared points together"),
      rotateButton: gettext("Rotate layers"),
      drawTextButton: gettext("Add text"),
      scaleButton: gettext("Scale layers"),
      autoTracingButton: gettext("Trace along a line"),
      snapGuidesButton: gettext("Show snapping guides"),
      unionButton: gettext("Join layers"),
      differenceButton: gettext("Subtract layers"),
    },
    measurements: {
      totalLength: gettext("Length"),
      segmentLength: gettext("Segment length"),
      area: gettext("Surface area"),
      radius: gettext("Radius"),
      perimeter: gettext("Perimeter"),
      height: gettext("Height"),
      width: gettext("Width"),
      coordinates: gettext("Position"),
      coordinatesMarker: gettext("Position of the pin"),
    },
  };
}

/** Geoman's words in the page's language, on a map that has Geoman; call before its toolbar. */
export function translateGeoman(map) {
  // A language of our own, so Geoman's own Finnish or Swedish never mixes in; English fills a
  // word that a newer Geoman may add until it is named here.
  map.pm.setLang("yhdessa", geomanWords(), "en");
}

/** Puts Leaflet's own words into the page's language; call once, before the maps start. */
export function translateLeaflet() {
  zoomWords();
  controlWords();
}
