// Analysis map: hexagon counts (by zoom), a density layer and the pins, with the dashboard's
// filters. Clicking a cell lists its contributions below the map; the tables say the same.

const config = JSON.parse(document.getElementById("analysis-config").textContent);
const boundary = JSON.parse(document.getElementById("campaign-boundary").textContent);
const panel = document.getElementById("cell-panel");

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

function showCell(feature) {
  const items = feature.properties.contributions ?? [];
  const heading = el(
    "h3",
    { tabindex: "-1" },
    config.cellHeading.replace("%(count)s", String(feature.properties.count)),
  );
  const list = el("ul", { class: "cell-list" });
  for (const item of items) list.append(el("li", {}, el("a", { href: item.url }, item.title)));
  panel.replaceChildren(heading, list);
  panel.dataset.count = String(feature.properties.count);
  panel.hidden = false;
  heading.focus();
}

function colour(count, max) {
  const t = max > 1 ? (count - 1) / (max - 1) : 1;
  // From light blue to the site's dark blue: every step keeps 3:1 against the map background.
  const light = [107, 160, 214];
  const dark = [11, 79, 138];
  const mix = light.map((c, i) => Math.round(c + (dark[i] - c) * t));
  return `rgb(${mix.join(",")})`;
}

window.addEventListener("map:init", (event) => {
  const map = event.detail.map;
  map.getContainer().setAttribute("aria-label", document.getElementById("map-heading").textContent);
  const area = L.geoJSON(boundary, {
    interactive: false,
    style: { color: "#1d3557", weight: 2, fillOpacity: 0.03 },
  }).addTo(map);
  map.fitBounds(area.getBounds());

  const hexes = L.geoJSON(null, {
    style: (f) => ({
      color: "#ffffff",
      weight: 1,
      fillColor: colour(f.properties.count, hexes.max ?? 1),
      fillOpacity: 0.75,
    }),
    onEachFeature: (feature, layer) => layer.on("click", () => showCell(feature)),
  });
  const renderer = L.canvas();
  const heat = L.layerGroup();
  const pins = L.geoJSON(null, {
    renderer,
    pointToLayer: (f, latlng) =>
      L.circleMarker(latlng, {
        renderer, radius: 6, color: "#fff", weight: 2, fillColor: f.properties.color, fillOpacity: 1,
      }),
    style: (f) => ({ color: f.properties.color, weight: 3 }),
  });
  let layer = "hexbins";

  async function loadHexes() {
    const url = `${config.hexbins}&zoom=${map.getZoom()}`;
    const response = await fetch(url, { headers: { Accept: "application/geo+json" } });
    const collection = await response.json();
    hexes.max = Math.max(1, ...collection.features.map((f) => f.properties.count));
    hexes.clearLayers();
    hexes.addData(collection);
    map.getContainer().dataset.cells = String(collection.features.length);
  }

  async function loadPoints() {
    const params = new URLSearchParams({ ...config.filters, limit: "5000" });
    const response = await fetch(`${config.api}?${params}`, {
      headers: { Accept: "application/geo+json", "Accept-Language": config.language },
    });
    const collection = await response.json();
    pins.clearLayers();
    pins.addData(collection);
    heat.clearLayers();
    // Density: soft, overlapping discs whose opacity adds up where input gathers.
    for (const f of collection.features) {
      const centre = L.geoJSON(f).getBounds().getCenter();
      heat.addLayer(
        L.circle(centre, {
          renderer, radius: 120, stroke: false, fillColor: "#b00020", fillOpacity: 0.18,
          interactive: false,
        }),
      );
    }
  }

  function show(name) {
    layer = name;
    for (const l of [hexes, heat, pins]) l.remove();
    ({ hexbins: hexes, heat, pins })[name].addTo(map);
  }

  map.on("zoomend", () => {
    if (layer === "hexbins") loadHexes();
  });
  const choice = document.getElementById("layer-choice");
  choice.hidden = false;
  for (const radio of choice.querySelectorAll("input[name=layer]")) {
    radio.addEventListener("change", () => show(radio.value));
  }
  loadHexes();
  loadPoints();
  show("hexbins");
});
