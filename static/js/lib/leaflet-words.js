// Leaflet's and Leaflet.draw's own words (the zoom buttons, the attribution, a popup's close
// button, the drawing tooltips) in the page's language, from the djangojs catalog that
// templates/geo/_site_map.html loads with every map. Set before any map starts (lib/site-map.js).

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

function drawWords() {
  if (!L.drawLocal) return; // The page has no drawing tools.
  const cancel = gettext("Cancel");
  const crossing = gettext("the edges of the shape cannot cross.");
  const format = window.django?.get_format;
  L.drawLocal.format = {
    numeric: {
      delimiters: {
        thousands: format ? format("THOUSAND_SEPARATOR") : ",",
        decimal: format ? format("DECIMAL_SEPARATOR") : ".",
      },
    },
  };
  L.drawLocal.draw = {
    toolbar: {
      actions: { title: gettext("Cancel drawing"), text: cancel },
      finish: { title: gettext("Finish drawing"), text: gettext("Finish") },
      undo: { title: gettext("Delete the last point drawn"), text: gettext("Delete last point") },
      buttons: {
        polyline: gettext("Draw a route"),
        polygon: gettext("Draw an area"),
        rectangle: gettext("Draw a rectangle"),
        circle: gettext("Draw a circle"),
        marker: gettext("Place a pin"),
        circlemarker: gettext("Place a pin"),
      },
    },
    handlers: {
      circle: {
        tooltip: { start: gettext("Click and drag to draw a circle.") },
        radius: gettext("Radius"),
      },
      circlemarker: { tooltip: { start: gettext("Click the map to place a pin.") } },
      marker: { tooltip: { start: gettext("Click the map to place a pin.") } },
      polygon: {
        tooltip: {
          start: gettext("Click to start drawing the area."),
          cont: gettext("Click to continue drawing the area."),
          end: gettext("Click the first point to close the area."),
        },
      },
      polyline: {
        error: `<strong>${gettext("Error:")}</strong> ${crossing}`,
        tooltip: {
          start: gettext("Click to start drawing the route."),
          cont: gettext("Click to continue drawing the route."),
          end: gettext("Click the last point to finish the route."),
        },
      },
      rectangle: { tooltip: { start: gettext("Click and drag to draw a rectangle.") } },
      simpleshape: { tooltip: { end: gettext("Release the mouse button to finish drawing.") } },
    },
  };
  L.drawLocal.edit = {
    toolbar: {
      actions: {
        save: { title: gettext("Save changes"), text: gettext("Save") },
        cancel: { title: gettext("Cancel editing and discard all changes"), text: cancel },
        clearAll: { title: gettext("Clear all layers"), text: gettext("Clear all") },
      },
      buttons: {
        edit: gettext("Edit layers"),
        editDisabled: gettext("No layers to edit"),
        remove: gettext("Delete layers"),
        removeDisabled: gettext("No layers to delete"),
      },
    },
    handlers: {
      edit: {
        tooltip: {
          text: gettext("Drag the handles or the markers to edit the shapes."),
          subtext: gettext("Click Cancel to undo the changes."),
        },
      },
      remove: { tooltip: { text: gettext("Click a shape to remove it.") } },
    },
  };
}

/** Puts Leaflet's own words into the page's language; call once, before the maps start. */
export function translateLeaflet() {
  zoomWords();
  controlWords();
  drawWords();
}
