// How things look on every map, defined once. Leaflet (L) is loaded by django-leaflet's script.

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

const PIN_SIZES = { normal: { radius: 8, weight: 4 }, small: { radius: 6, weight: 3 } };

/** GeoJSON layer options for contributions: round pins, routes and areas in the theme colour. */
export function pinOptions({ renderer, size = "normal", ...rest } = {}) {
  const { radius, weight } = PIN_SIZES[size];
  return {
    renderer,
    style: (feature) => ({ color: feature.properties.color, weight, fillOpacity: 0.25 }),
    pointToLayer: (feature, latlng) =>
      L.circleMarker(latlng, {
        renderer,
        radius,
        color: COLOURS.halo,
        weight: 2,
        fillColor: feature.properties.color,
        fillOpacity: 1,
      }),
    ...rest,
  };
}

/** GeoJSON layer options for pilots: dashed purple outlines and purple squares. */
export function pilotOptions(rest = {}) {
  return {
    style: { color: COLOURS.pilot, weight: 3, dashArray: "6 4", fillOpacity: 0.1 },
    pointToLayer: (feature, latlng) =>
      L.marker(latlng, {
        icon: L.divIcon({ className: "pilot-marker", iconSize: [18, 18] }),
        title: feature.properties.title,
        alt: feature.properties.title,
      }),
    ...rest,
  };
}

/** A single place on a small map (a contribution's, a pilot's, a story's), in its colour. */
export function placeOptions(colour) {
  return {
    interactive: false,
    style: { color: colour, weight: 5, fillOpacity: 0.3 },
    pointToLayer: (_, latlng) =>
      L.circleMarker(latlng, {
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
