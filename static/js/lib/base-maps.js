// The maps' base layers (docs/decisions/0023): raster tile servers and the site's own PMTiles
// vector map, as geo/basemap/layers.py lists them in the map's `data-base-layers`, with a
// switcher offering each and "No base map". The choice is remembered across pages.
// The vector map is drawn by protomaps-leaflet (the global `protomapsL`, a classic script the
// page loads only when such a layer is configured), with the paint and label rules below for
// the layers that build_basemap writes (geo/basemap/build.py, config/demo/read_basemap.py).

import { gettext } from "./i18n.js";

const STORAGE_KEY = "yhdessa.baseMap";
const NONE = "none";

// The orientation map's colours: quiet, so the pins (lib/symbols.js) stay the strongest marks.
const COLOURS = {
  background: "#f4f1ea",
  water: "#a9cfe0",
  waterLine: "#7fb2cc",
  waterText: "#2f5f78",
  park: "#d4e8c2",
  forest: "#c3dcad",
  school: "#ece3d2",
  retail: "#efdcd6",
  roadCasing: "#c2b7a3",
  mainRoad: "#fff6d6",
  minorRoad: "#ffffff",
  path: "#8d8273",
  rail: "#7c7c7c",
  text: "#3d3a35",
  halo: "#ffffff",
};

/** A width that grows with the zoom level between the given [zoom, width] stops. */
function byZoom(stops) {
  return (z) => {
    if (z <= stops[0][0]) return stops[0][1];
    for (let i = 1; i < stops.length; i += 1) {
      const [z1, w1] = stops[i];
      const [z0, w0] = stops[i - 1];
      if (z <= z1) return w0 + ((w1 - w0) * (z - z0)) / (z1 - z0);
    }
    return stops[stops.length - 1][1];
  };
}

const kindIs =
  (...kinds) =>
  (z, feature) =>
    kinds.includes(feature.props.kind);

function orientationPaintRules(P) {
  const polygon = (kind, fill) => ({
    dataLayer: "landuse",
    filter: kindIs(kind),
    symbolizer: new P.PolygonSymbolizer({ fill }),
  });
  const road = (kinds, color, width, extra = {}) => ({
    dataLayer: "roads",
    filter: kindIs(...kinds),
    symbolizer: new P.LineSymbolizer({
      color,
      width,
      lineCap: "round",
      lineJoin: "round",
      ...extra,
    }),
  });
  const mainWidth = byZoom([[10, 1.2], [13, 3], [15, 7], [18, 16]]);
  const minorWidth = byZoom([[12, 0.6], [14, 2], [16, 5], [18, 10]]);
  return [
    polygon("forest", COLOURS.forest),
    polygon("park", COLOURS.park),
    polygon("school", COLOURS.school),
    polygon("retail", COLOURS.retail),
    {
      dataLayer: "water",
      filter: kindIs("lake"),
      symbolizer: new P.PolygonSymbolizer({ fill: COLOURS.water }),
    },
    {
      dataLayer: "water",
      filter: kindIs("stream"),
      symbolizer: new P.LineSymbolizer({
        color: COLOURS.waterLine,
        width: byZoom([[12, 1], [16, 3]]),
      }),
    },
    road(["path"], COLOURS.path, 1.2, { dash: [3, 3], dashColor: COLOURS.path, lineCap: "butt" }),
    road(["minor"], COLOURS.roadCasing, (z) => minorWidth(z) + 1.5),
    road(["main"], COLOURS.roadCasing, (z) => mainWidth(z) + 2),
    road(["minor"], COLOURS.minorRoad, minorWidth),
    road(["main"], COLOURS.mainRoad, mainWidth),
    road(["rail"], COLOURS.rail, byZoom([[10, 1], [14, 3], [17, 4]]), { lineCap: "butt" }),
    road(["rail"], "#ffffff", byZoom([[10, 0.4], [14, 1.4], [17, 2]]), {
      dash: [6, 6],
      dashColor: "#ffffff",
      lineCap: "butt",
    }),
  ];
}

function orientationLabelRules(P, language) {
  const labelProps = [`name_${language}`, "name_fi"];
  const text = (options) => ({
    labelProps,
    fill: COLOURS.text,
    stroke: COLOURS.halo,
    width: 3,
    fontFamily: "system-ui, sans-serif",
    ...options,
  });
  return [
    {
      dataLayer: "pois",
      filter: kindIs("station"),
      symbolizer: new P.CenteredTextSymbolizer(text({ fontSize: 13, fontWeight: 700 })),
    },
    {
      dataLayer: "roads",
      filter: kindIs("main"),
      symbolizer: new P.LineLabelSymbolizer(text({ fontSize: 13, fontWeight: 600 })),
    },
    {
      dataLayer: "labels",
      filter: kindIs("lake"),
      symbolizer: new P.CenteredTextSymbolizer(
        text({ fill: COLOURS.waterText, fontSize: 13, fontStyle: "italic" }),
      ),
    },
    {
      dataLayer: "pois",
      filter: kindIs("shopping_centre"),
      symbolizer: new P.CenteredTextSymbolizer(text({ fontSize: 12, fontWeight: 600 })),
    },
    {
      dataLayer: "pois",
      filter: kindIs("library", "school", "stop", "sports"),
      minzoom: 15,
      symbolizer: new P.CenteredTextSymbolizer(text({ fontSize: 12, fontWeight: 600 })),
    },
    {
      dataLayer: "roads",
      filter: kindIs("minor", "rail"),
      minzoom: 15,
      symbolizer: new P.LineLabelSymbolizer(text({ fontSize: 11 })),
    },
    {
      dataLayer: "labels",
      filter: kindIs("park", "forest"),
      minzoom: 15,
      symbolizer: new P.CenteredTextSymbolizer(text({ fill: "#3c5a2a", fontSize: 11 })),
    },
  ];
}

/** The labels' language: the page's, if the map has names in it, else Finnish. */
function labelLanguage() {
  const language = (document.documentElement.lang || "fi").slice(0, 2);
  return ["fi", "sv"].includes(language) ? language : "fi";
}

function vectorLayer(layer, map) {
  const P = window.protomapsL;
  if (!P) return null; // The library did not load: the other choices still work.
  const options = {
    url: layer.url,
    attribution: layer.attribution,
    maxDataZoom: layer.maxDataZoom,
    maxZoom: map.getMaxZoom(),
  };
  const language = labelLanguage();
  if (layer.style === "orientation") {
    Object.assign(options, {
      paintRules: orientationPaintRules(P),
      labelRules: orientationLabelRules(P, language),
      backgroundColor: COLOURS.background,
    });
  } else {
    // A file in Protomaps' basemap schema (planetiler, `pmtiles extract`): its own style.
    Object.assign(options, { flavor: "light", lang: language });
  }
  const drawn = P.leafletLayer(options);
  drawn.baseMapId = layer.id;
  return drawn;
}

function rasterLayer(layer, map) {
  const options = { attribution: layer.attribution, maxZoom: map.getMaxZoom() };
  if (layer.maxZoom != null) options.maxNativeZoom = layer.maxZoom;
  if (layer.minZoom != null) options.minZoom = layer.minZoom;
  if (layer.subdomains?.length) options.subdomains = layer.subdomains;
  const drawn = L.tileLayer(layer.url, options);
  drawn.baseMapId = layer.id;
  return drawn;
}

function remembered() {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // Storage refused (a private window's settings): the first choice.
  }
}

function remember(id) {
  try {
    window.localStorage.setItem(STORAGE_KEY, id);
  } catch {
    // Not remembered; the map still shows the choice.
  }
}

function escapeHtml(text) {
  const span = document.createElement("span");
  span.textContent = text;
  return span.innerHTML;
}

// Leaflet's switcher opens with Enter and on hover; a keyboard also needs Space, Escape (back to
// the button) and closing when focus leaves it, and a screen reader needs its state and name.
function makeKeyboardFriendly(control) {
  const container = control.getContainer();
  const toggle = container.querySelector(".leaflet-control-layers-toggle");
  const list = container.querySelector(".leaflet-control-layers-list");
  container.removeAttribute("aria-haspopup");
  const label = gettext("Base map");
  toggle.title = gettext("Choose the base map");
  toggle.setAttribute("aria-label", gettext("Choose the base map"));
  toggle.setAttribute("aria-expanded", "false");
  list.setAttribute("role", "group");
  list.setAttribute("aria-label", label);
  const expand = control.expand;
  control.expand = function expandAndTell(...args) {
    const result = expand.apply(this, args);
    toggle.setAttribute("aria-expanded", "true");
    return result;
  };
  const collapse = control.collapse;
  control.collapse = function collapseAndTell(...args) {
    const result = collapse.apply(this, args);
    toggle.setAttribute("aria-expanded", "false");
    return result;
  };
  // After Leaflet's own handler opened the list: the current choice takes the focus.
  const focusChoice = () =>
    (list.querySelector("input:checked") ?? list.querySelector("input"))?.focus();
  toggle.addEventListener("keydown", (event) => {
    if (event.key === " ") {
      event.preventDefault();
      control.expand();
      focusChoice();
    }
  });
  toggle.addEventListener("click", focusChoice);
  container.addEventListener("keydown", (event) => {
    if (event.key === "Escape" && container.classList.contains("leaflet-control-layers-expanded")) {
      event.stopPropagation();
      control.collapse();
      toggle.focus();
    }
  });
  container.addEventListener("focusout", (event) => {
    if (!container.contains(event.relatedTarget)) control.collapse();
  });
}

/**
 * Adds the configured base layers to the map: the remembered choice (else the first), and a
 * switcher when there is anything to choose between (every layer and "No base map").
 */
export function addBaseMaps(map, layers) {
  const choices = [];
  for (const layer of layers) {
    const drawn = layer.kind === "pmtiles" ? vectorLayer(layer, map) : rasterLayer(layer, map);
    if (drawn) choices.push({ id: layer.id, name: layer.name, layer: drawn });
  }
  if (!choices.length) return null;
  const none = L.layerGroup();
  none.baseMapId = NONE;
  choices.push({ id: NONE, name: gettext("No base map"), layer: none });
  // A shared screen (the kiosk, decision 0048) keeps nothing in the browser: no remembered choice.
  const keep = !map.getContainer().closest("[data-no-storage]");
  const wanted = keep ? remembered() : null;
  const chosen = choices.find((choice) => choice.id === wanted) ?? choices[0];
  chosen.layer.addTo(map);
  const named = {};
  for (const choice of choices) named[escapeHtml(choice.name)] = choice.layer;
  const control = L.control.layers(named, null, { position: "topright" }).addTo(map);
  makeKeyboardFriendly(control);
  map.on("baselayerchange", (event) => {
    if (keep && event.layer.baseMapId) remember(event.layer.baseMapId);
  });
  map.baseMapControl = control;
  return control;
}
