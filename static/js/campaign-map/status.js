// The map's live region: what just happened on the map, read out by screen readers.

export function announce(text) {
  document.getElementById("map-status").textContent = text;
}
