// A contribution's own small map: its place (public location) inside the campaign's area.
// The page says the same in words, so the map is an enhancement only.

const feature = JSON.parse(document.getElementById("contribution-feature").textContent);
const boundary = JSON.parse(document.getElementById("campaign-boundary").textContent);

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  map.getContainer().setAttribute("aria-label", document.getElementById("map-label").textContent);
  L.geoJSON(boundary, {
    interactive: false,
    style: { color: "#1d3557", weight: 2, fillColor: "#1d3557", fillOpacity: 0.04 },
  }).addTo(map);
  const shape = L.geoJSON(feature, {
    interactive: false,
    style: { color: feature.properties.color, weight: 5, fillOpacity: 0.3 },
    pointToLayer: (_, latlng) =>
      L.circleMarker(latlng, {
        radius: 10,
        color: "#ffffff",
        weight: 3,
        fillColor: feature.properties.color,
        fillOpacity: 1,
      }),
  }).addTo(map);
  const bounds = shape.getBounds();
  if (feature.geometry.type === "Point") map.setView(bounds.getCenter(), 16);
  else map.fitBounds(bounds.pad(0.3));
});
