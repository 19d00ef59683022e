// One place on a small map, framed: a point at street zoom, a route or an area with a margin.

import { placeOptions } from "./map-style.js";

export function showPlace(map, geojson, colour) {
  const shape = L.geoJSON(geojson, placeOptions(colour)).addTo(map);
  const bounds = shape.getBounds();
  const type = geojson.geometry?.type ?? geojson.type;
  if (type === "Point") map.setView(bounds.getCenter(), 16);
  else map.fitBounds(bounds.pad(0.3));
  return shape;
}
