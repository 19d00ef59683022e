// How things look on every map, defined once. Leaflet (L) is loaded by django-leaflet's script.

import { LINE_DASH, countIcon, symbolIcon } from "./symbols.js";

export const COLOURS = {
  boundary: "#1d3557", // the site's dark blue
  pilot: "#6a1b9a", // purple, also .pilot-marker in site.css
  accent: "#b00020", // --error in site.css: the resident's unsent drawing, the density layer
  halo: "#ffffff", // the white ring that keeps a pin visible on any colour
};

/**
 * A campaign's boundary. The campaign map shows it strongly; the small maps and the analysis
 * map only as the frame of what they show.
 */
export function boundaryStyle({ frame = false } = {}) {
  return frame
    ? { color: COLOURS.boundary, weight: 2, fillColor: COLOURS.boundary, fillOpacity: 0.04 }
    : { color: COLOURS.boundary, weight: 3, fillColor: COLOURS.boundary, fillOpacity: 0.06 };
}

/** The boundary layer, added to the map; not clickable, so pins under it stay reachable. */
export function addBoundary(map, geojson, options) {
  return L.geoJSON(geojson, { interactive: false, style: boundaryStyle(options) }).addTo(map);
}

/** A contribution's title for the hover text and the list of pins: kind, status, theme, title. */
export function pinTitle(p, labels) {
  const kind = labels?.kinds?.[p.kind] ?? p.kind;
  const status = labels?.statuses?.[p.status] ?? p.status;
  return [kind, status, p.theme_name, p.title].filter(Boolean).join(" · ");
}

/**
 * GeoJSON layer options for contributions. On the residents' maps a point is a symbol (shape for
 * the kind, badge for the status, colour for the theme: lib/symbols.js), a route or an area a line
 * in the theme colour, solid for an idea and dashed for a need. The analysis map asks for
 * `size: "small"`: many small round pins on its canvas, as dense data.
 */
export function pinOptions({ renderer, size = "normal", labels, ...rest } = {}) {
  const style = (feature) => ({
    color: feature.properties.color,
    weight: size === "small" ? 3 : 4,
    dashArray: size === "small" ? null : LINE_DASH[feature.properties.kind] ?? null,
    fillOpacity: 0.2,
  });
  if (size === "small") {
    return {
      renderer,
      style,
      pointToLayer: (feature, latlng) =>
        L.circleMarker(latlng, {
          renderer,
          radius: 6,
          color: COLOURS.halo,
          weight: 2,
          fillColor: feature.properties.color,
          fillOpacity: 1,
        }),
      ...rest,
    };
  }
  return {
    renderer,
    style,
    pointToLayer: (feature, latlng) => symbolMarker(feature, latlng, labels),
    ...rest,
  };
}

/**
 * A contribution's symbol at latlng, named by its kind, status, theme and title on hover. With
 * `focusable: true` it is a button of that name, a stop for Tab (the campaign map's pins, which
 * open their popup on Enter or Space as on a click); otherwise a picture for the mouse only.
 */
export function symbolMarker(feature, latlng, labels, { focusable = false, ...options } = {}) {
  const p = feature.properties;
  const title = pinTitle(p, labels);
  const label = focusable ? title : undefined;
  return L.marker(latlng, {
    icon: symbolIcon({ kind: p.kind, status: p.status, colour: p.color, label }),
    title,
    // Leaflet's own keyboard stop (a div with Enter only) is never used: a button is the stop.
    keyboard: false,
    ...options,
  });
}

/** Several contributions at latlng as one marker with their number (lib/symbols.js countIcon). */
export function countMarker(latlng, { count, type, label }) {
  return L.marker(latlng, {
    icon: countIcon({ count, type, label }),
    title: label,
    keyboard: false,
    riseOnHover: true,
  });
}

/** GeoJSON layer options for pilots: dashed purple outlines and purple squares. */
export function pilotOptions(rest = {}) {
  return {
    style: { color: COLOURS.pilot, weight: 3, dashArray: "6 4", fillOpacity: 0.1 },
    pointToLayer: (feature, latlng) =>
      L.marker(latlng, {
        icon: L.divIcon({ className: "pilot-marker", iconSize: [24, 24] }), // a 24 px target
        title: feature.properties.title,
        alt: feature.properties.title,
      }),
    ...rest,
  };
}

/**
 * A single place on a small map (a contribution's, a pilot's, a story's), in its colour. A
 * contribution's point is its symbol, as on the campaign map; its route or area is dashed for a
 * need.
 */
export function placeOptions(colour) {
  return {
    interactive: false,
    style: (feature) => ({
      color: colour,
      weight: 5,
      dashArray: LINE_DASH[feature?.properties?.kind] ?? null,
      fillOpacity: 0.3,
    }),
    pointToLayer: (feature, latlng) =>
      feature?.properties?.kind
        ? symbolMarker(feature, latlng, null, { interactive: false, title: "" })
        : L.circleMarker(latlng, {
            radius: 10,
            color: COLOURS.halo,
            weight: 3,
            fillColor: colour,
            fillOpacity: 1,
          }),
  };
}

/** The resident's drawing before it is sent. */
export const draftStyle = { color: COLOURS.accent, weight: 4, dashArray: "6 4" };

/** The resident's pin before it is sent (shaped in site.css). */
export function draftIcon() {
  return L.divIcon({ className: "draft-pin", iconSize: [28, 28], iconAnchor: [14, 28] });
}
