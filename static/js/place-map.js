// A pilot's or a story's place on a small map; the page says the same in words.
const geometry = JSON.parse(document.getElementById("place-geometry").textContent);

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  map.getContainer().setAttribute("aria-label", document.getElementById("map-label").textContent);
  const shape = L.geoJSON(geometry, {
    interactive: false,
    style: { color: "#6a1b9a", weight: 5, fillOpacity: 0.3 },
    pointToLayer: (_, latlng) =>
      L.circleMarker(latlng, { radius: 10, color: "#fff", weight: 3, fillColor: "#6a1b9a", fillOpacity: 1 }),
  }).addTo(map);
  if (geometry.type === "Point") map.setView(shape.getBounds().getCenter(), 16);
  else map.fitBounds(shape.getBounds().pad(0.3));
});
