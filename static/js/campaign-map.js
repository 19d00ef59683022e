// Campaign map: boundary, pins from the API, placing a pin by mouse or keyboard, and sending
// the form through the API without a page reload. The page works without this script.

const config = JSON.parse(document.getElementById("campaign-config").textContent);
const boundary = JSON.parse(document.getElementById("campaign-boundary").textContent);
const t = config.strings;

const form = document.getElementById("contribution-form");
const list = document.getElementById("contribution-list");
const mapStatus = document.getElementById("map-status");
const FIELDS = ["kind", "theme", "title", "body", "geometry", "photos"];

function format(template, values) {
  return template.replace(/%\((\w+)\)s/g, (_, key) => values[key]);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

function formatDate(iso) {
  const d = new Date(iso);
  return `${d.getDate()}.${d.getMonth() + 1}.${d.getFullYear()}`;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  for (const child of children) node.append(child);
  return node;
}

/** A list item like templates/engagement/_contribution_item.html, built from a Feature. */
function listItem(feature) {
  const p = feature.properties;
  const swatch = el("span", { class: "swatch" });
  swatch.style.background = p.color;
  return el(
    "li",
    { class: "contribution", id: `contribution-${feature.id}`, "data-id": String(feature.id) },
    el("h3", {}, el("a", { href: p.url }, p.title)),
    el(
      "p",
      { class: "contribution-meta" },
      el("span", { class: `kind kind-${p.kind}` }, config.kinds[p.kind] ?? p.kind),
      " · ",
      el("span", { class: "theme" }, swatch, p.theme_name),
      " · ",
      el("span", { class: "status" }, config.statuses[p.status] ?? p.status),
      " · ",
      el("time", { datetime: p.created_at }, formatDate(p.created_at)),
    ),
    el("p", { class: "excerpt" }, p.excerpt),
  );
}

function popupContent(feature) {
  const p = feature.properties;
  return el(
    "div",
    { class: "pin-popup" },
    el("a", { href: p.url }, p.title),
    el("br"),
    `${config.kinds[p.kind] ?? p.kind} · ${p.theme_name}`,
  );
}

/** Pilots as their own layer: purple dashed outlines and squares, switchable off. */
async function loadPilots(map) {
  const toggle = document.getElementById("pilot-toggle");
  const checkbox = document.getElementById("show-pilots");
  const style = { color: "#6a1b9a", weight: 3, dashArray: "6 4", fillOpacity: 0.1 };
  const layer = L.geoJSON(null, {
    style,
    pointToLayer: (feature, latlng) =>
      L.marker(latlng, {
        icon: L.divIcon({ className: "pilot-marker", iconSize: [18, 18] }),
        title: feature.properties.title,
        alt: feature.properties.title,
      }),
    onEachFeature: (feature, l) =>
      l.bindPopup(() =>
        el(
          "div",
          { class: "pin-popup" },
          el("a", { href: feature.properties.url }, feature.properties.title),
          el("br"),
          feature.properties.organisation,
        ),
      ),
  });
  try {
    const response = await fetch(config.pilotsApi, {
      headers: { Accept: "application/geo+json", "Accept-Language": config.language },
    });
    if (!response.ok) return;
    const collection = await response.json();
    if (!collection.features.length) return;
    layer.addData(collection).addTo(map);
    map.getContainer().dataset.pilots = String(collection.features.length);
    toggle.hidden = false;
    checkbox.addEventListener("change", () =>
      checkbox.checked ? layer.addTo(map) : layer.remove(),
    );
  } catch {
    // The pilots are also listed beside the map.
  }
}

function setupMap(map) {
  const container = map.getContainer();
  container.setAttribute("aria-label", t.mapLabel);
  container.setAttribute("aria-describedby", "map-help");

  const area = L.geoJSON(boundary, {
    interactive: false,
    style: { color: "#1d3557", weight: 3, fillColor: "#1d3557", fillOpacity: 0.06 },
  }).addTo(map);
  map.fitBounds(area.getBounds());

  const renderer = L.canvas({ padding: 0.5 });
  const pins = L.geoJSON(null, {
    renderer,
    style: (feature) => ({ color: feature.properties.color, weight: 4, fillOpacity: 0.25 }),
    pointToLayer: (feature, latlng) =>
      L.circleMarker(latlng, {
        renderer,
        radius: 8,
        color: "#ffffff",
        weight: 2,
        fillColor: feature.properties.color,
        fillOpacity: 1,
      }),
    onEachFeature: (feature, layer) => layer.bindPopup(() => popupContent(feature)),
  }).addTo(map);
  pins.sentHere = new Map();
  container.dataset.pins = "0";

  let inflight;
  async function loadPins() {
    inflight?.abort();
    inflight = new AbortController();
    const b = map.getBounds().pad(0.25);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map((v) => Math.max(-180, Math.min(180, v)).toFixed(6))
      .join(",");
    const params = new URLSearchParams({ ...config.filters, campaign: config.campaign, bbox });
    params.set("limit", "5000");
    const url = `${config.api}?${params}`;
    try {
      const response = await fetch(url, {
        signal: inflight.signal,
        headers: { Accept: "application/geo+json", "Accept-Language": config.language },
      });
      if (!response.ok) throw new Error(String(response.status));
      const collection = await response.json();
      pins.clearLayers();
      pins.addData(collection);
      // A contribution sent from this page may be newer than the answer that just arrived.
      const loaded = new Set(collection.features.map((f) => f.id));
      for (const feature of pins.sentHere.values()) {
        if (!loaded.has(feature.id)) pins.addData(feature);
      }
      container.dataset.pins = String(pins.getLayers().length);
    } catch (error) {
      if (error.name !== "AbortError") mapStatus.textContent = t.loadFailed;
    }
  }
  map.on("moveend", debounce(loadPins, 150));
  loadPins();
  loadPilots(map);

  if (form) setupForm(map, pins);
}

function uuid4() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The resident's draft: a pin, or a route or area as an editable list of points. */
function setupForm(map, pins) {
  const lat = form.elements.lat;
  const lon = form.elements.lon;
  const geometryInput = form.elements.geometry;
  const button = form.querySelector("#submit-contribution");
  const status = form.querySelector("#form-status");
  const summary = form.querySelector("#form-errors");
  const centreButton = form.querySelector("#place-at-centre");
  const pointTools = form.querySelector("#point-tools");
  const shapeTools = form.querySelector("#shape-tools");
  const vertexList = form.querySelector("#vertex-list");
  const icon = L.divIcon({ className: "draft-pin", iconSize: [28, 28], iconAnchor: [14, 28] });
  let shape = config.geometryKinds[0];
  let draft = null; // the point marker
  let vertices = []; // L.LatLng of a route or an area
  let outline = null; // the drawn route or area on the map
  let drawer = null; // Leaflet.draw handler while drawing with the mouse

  function placeDraft(latlng, announce = true) {
    if (!draft) {
      draft = L.marker(latlng, { icon, draggable: true, title: t.draftPin, alt: t.draftPin });
      draft.on("dragend", () => placeDraft(draft.getLatLng()));
      draft.addTo(map);
    }
    draft.setLatLng(latlng);
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    if (announce) {
      mapStatus.textContent = format(t.pinPlaced, { lat: lat.value, lon: lon.value });
    }
  }

  function clearDraft() {
    draft?.remove();
    draft = null;
  }

  // Routes and areas ------------------------------------------------------------------------
  function renderVertices() {
    outline?.remove();
    outline = null;
    if (vertices.length >= 2) {
      const style = { color: "#b00020", weight: 4, dashArray: "6 4" };
      outline = (shape === "polygon" && vertices.length >= 3
        ? L.polygon(vertices, style)
        : L.polyline(vertices, style)
      ).addTo(map);
    }
    const items = vertices.map((v, index) => {
      const move = el("button", { type: "button", class: "secondary small" }, t.vertexMove);
      move.addEventListener("click", () => {
        vertices[index] = map.getCenter();
        renderVertices();
      });
      const remove = el("button", { type: "button", class: "secondary small" }, t.vertexRemove);
      remove.addEventListener("click", () => {
        vertices.splice(index, 1);
        renderVertices();
        mapStatus.textContent = format(t.vertexRemoved, { count: vertices.length });
        (vertexList.querySelector("button") ?? form.querySelector("#vertex-add")).focus();
      });
      const label = format(t.vertex, {
        number: index + 1,
        lat: v.lat.toFixed(5),
        lon: v.lng.toFixed(5),
      });
      return el("li", {}, el("span", {}, label), " ", move, " ", remove);
    });
    vertexList.replaceChildren(...items);
    const geometry = shapeGeometry();
    geometryInput.value = geometry ? JSON.stringify(geometry) : "";
  }

  function shapeGeometry() {
    const coords = vertices.map((v) => [Number(v.lng.toFixed(6)), Number(v.lat.toFixed(6))]);
    if (shape === "line" && coords.length >= 2) return { type: "LineString", coordinates: coords };
    if (shape === "polygon" && coords.length >= 3) {
      return { type: "Polygon", coordinates: [[...coords, coords[0]]] };
    }
    return null;
  }

  function addVertex(latlng) {
    vertices.push(latlng);
    renderVertices();
    mapStatus.textContent = format(t.vertexAdded, {
      number: vertices.length,
      count: vertices.length,
    });
  }

  function clearShape() {
    drawer?.disable();
    vertices = [];
    renderVertices();
  }

  function setShape(kind) {
    shape = kind;
    const isPoint = kind === "point";
    pointTools.hidden = !isPoint;
    shapeTools.hidden = isPoint;
    if (isPoint) {
      clearShape();
    } else {
      clearDraft();
      lat.value = "";
      lon.value = "";
      renderVertices();
    }
  }

  const choice = form.querySelector("#shape-choice");
  if (choice) {
    choice.hidden = false;
    for (const radio of choice.querySelectorAll("input[name=shape]")) {
      radio.addEventListener("change", () => setShape(radio.value));
    }
  }
  setShape(shape);

  form.querySelector("#vertex-add").addEventListener("click", () => addVertex(map.getCenter()));
  form.querySelector("#vertex-clear").addEventListener("click", () => {
    clearShape();
    mapStatus.textContent = format(t.vertexRemoved, { count: 0 });
  });
  const finishButton = form.querySelector("#draw-finish");
  form.querySelector("#draw-start").addEventListener("click", () => {
    drawer?.disable();
    const Handler = shape === "polygon" ? L.Draw.Polygon : L.Draw.Polyline;
    drawer = new Handler(map, { shapeOptions: { color: "#b00020" }, allowIntersection: false });
    drawer.enable();
    finishButton.hidden = false;
  });
  // Leaflet.draw finishes on a click on the last point; the button does the same for anyone
  // who cannot double-click precisely.
  finishButton.addEventListener("click", () => drawer?.completeShape());
  map.on(L.Draw.Event.DRAWSTOP, () => {
    finishButton.hidden = true;
  });
  map.on(L.Draw.Event.CREATED, (event) => {
    const latlngs = event.layer.getLatLngs();
    vertices = (shape === "polygon" ? latlngs[0] : latlngs).map((v) => L.latLng(v.lat, v.lng));
    drawer = null;
    renderVertices();
    mapStatus.textContent = format(t.drawingDone, { count: vertices.length });
  });

  map.on("click", (event) => {
    if (shape === "point") placeDraft(event.latlng);
  });
  centreButton.hidden = false;
  centreButton.addEventListener("click", () => placeDraft(map.getCenter()));
  for (const input of [lat, lon]) {
    input.addEventListener("change", () => {
      const la = Number.parseFloat(lat.value.replace(",", "."));
      const lo = Number.parseFloat(lon.value.replace(",", "."));
      if (Number.isFinite(la) && Number.isFinite(lo)) placeDraft(L.latLng(la, lo), false);
    });
  }

  // Errors and sending ----------------------------------------------------------------------
  function clearErrors() {
    for (const name of FIELDS) {
      form.querySelector(`#error-${name}`)?.replaceChildren();
      form.querySelector(`#field-${name}`)?.classList.remove("field-invalid");
    }
    for (const input of form.querySelectorAll("[aria-invalid]")) input.removeAttribute("aria-invalid");
    summary.hidden = true;
    summary.querySelector("ul").replaceChildren();
  }

  function showErrors(errors) {
    const items = [];
    for (const [field, messages] of Object.entries(errors)) {
      const known = FIELDS.includes(field);
      for (const message of [].concat(messages)) {
        if (known) {
          form.querySelector(`#error-${field}`).append(el("p", { class: "field-error" }, message));
          const target = field === "geometry" ? "id_lat" : field === "kind" ? "id_kind_0" : `id_${field}`;
          items.push(el("li", {}, el("a", { href: `#${target}` }, message)));
        } else {
          items.push(el("li", {}, message));
        }
      }
      if (known) {
        form.querySelector(`#field-${field}`).classList.add("field-invalid");
        const inputs = field === "geometry" ? [lat, lon] : form.querySelectorAll(`[name="${field}"]`);
        for (const input of inputs) input.setAttribute("aria-invalid", "true");
      }
    }
    summary.querySelector("ul").replaceChildren(...items);
    summary.hidden = false;
    summary.focus();
  }

  /** The geometry to send: null when none was given, undefined when it cannot be read. */
  function geometryFromForm() {
    if (shape !== "point") {
      if (vertices.length === 0) return null;
      const geometry = shapeGeometry();
      if (!geometry) {
        return { error: shape === "polygon" ? t.tooFewPolygon : t.tooFewLine };
      }
      return geometry;
    }
    if (lat.value.trim() === "" && lon.value.trim() === "") return null;
    const la = Number(lat.value.trim().replace(",", "."));
    const lo = Number(lon.value.trim().replace(",", "."));
    if (!Number.isFinite(la) || !Number.isFinite(lo)) return { error: t.notANumber };
    return { type: "Point", coordinates: [lo, la] };
  }

  function resetAfterSending() {
    form.elements.title.value = "";
    form.elements.body.value = "";
    form.elements.photos.value = "";
    lat.value = "";
    lon.value = "";
    clearDraft();
    clearShape();
    // A new contribution needs a new key; a retry of a failed send keeps the old one.
    form.elements.idempotency_key.value = uuid4();
  }

  let sending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    const geometry = geometryFromForm();
    if (geometry?.error) {
      showErrors({ geometry: [geometry.error] });
      return;
    }
    sending = true;
    button.disabled = true;
    status.textContent = t.sending;
    const body = new FormData();
    body.set("campaign", form.dataset.campaign);
    for (const name of ["kind", "theme", "title", "body", "idempotency_key", "website"]) {
      body.set(name, form.elements[name].value);
    }
    body.set("exact_location_public", form.elements.exact_location_public.checked ? "true" : "false");
    if (geometry) body.set("geometry", JSON.stringify(geometry));
    for (const file of form.elements.photos.files) body.append("photos", file);
    try {
      const response = await fetch(config.api, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          Accept: "application/geo+json, application/json",
          "Accept-Language": config.language,
          "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
        },
        body,
      });
      if (response.status === 201) {
        const feature = await response.json();
        const published = feature.properties.moderation === "published";
        if (published) {
          // Once only, even if a reload of the pins already brought it.
          pins.sentHere.set(feature.id, feature);
          for (const layer of pins.getLayers()) {
            if (layer.feature?.id === feature.id) pins.removeLayer(layer);
          }
          pins.addData(feature);
          map.getContainer().dataset.pins = String(pins.getLayers().length);
          list.querySelector(".empty")?.remove();
          list.prepend(listItem(feature));
          const count = document.querySelector("#list-heading .count");
          count.dataset.count = String(Number(count.dataset.count) + 1);
          count.textContent = `(${count.dataset.count})`;
        }
        resetAfterSending();
        status.textContent = published ? t.sent : t.sentPending;
      } else if (response.status === 400 || response.status === 429) {
        status.textContent = "";
        showErrors(await response.json());
      } else {
        throw new Error(String(response.status));
      }
    } catch {
      status.textContent = t.failed;
    } finally {
      sending = false;
      button.disabled = false;
    }
  });
}

window.addEventListener("map:init", (event) => setupMap(event.detail.map));
