// Campaign map: boundary, pins from the API, placing a pin by mouse or keyboard, and sending
// the form through the API without a page reload. The page works without this script.

const config = JSON.parse(document.getElementById("campaign-config").textContent);
const boundary = JSON.parse(document.getElementById("campaign-boundary").textContent);
const t = config.strings;

const form = document.getElementById("contribution-form");
const list = document.getElementById("contribution-list");
const mapStatus = document.getElementById("map-status");
const FIELDS = ["kind", "theme", "title", "body", "geometry"];

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
  container.dataset.pins = "0";

  let inflight;
  async function loadPins() {
    inflight?.abort();
    inflight = new AbortController();
    const b = map.getBounds().pad(0.25);
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()]
      .map((v) => Math.max(-180, Math.min(180, v)).toFixed(6))
      .join(",");
    const url = `${config.api}?campaign=${encodeURIComponent(config.campaign)}&bbox=${bbox}&limit=5000`;
    try {
      const response = await fetch(url, {
        signal: inflight.signal,
        headers: { Accept: "application/geo+json", "Accept-Language": config.language },
      });
      if (!response.ok) throw new Error(String(response.status));
      const collection = await response.json();
      pins.clearLayers();
      pins.addData(collection);
      container.dataset.pins = String(pins.getLayers().length);
    } catch (error) {
      if (error.name !== "AbortError") mapStatus.textContent = t.loadFailed;
    }
  }
  map.on("moveend", debounce(loadPins, 150));
  loadPins();

  if (form) setupForm(map, pins);
}

function setupForm(map, pins) {
  const lat = form.elements.lat;
  const lon = form.elements.lon;
  const button = form.querySelector("#submit-contribution");
  const status = form.querySelector("#form-status");
  const summary = form.querySelector("#form-errors");
  const centreButton = form.querySelector("#place-at-centre");
  const icon = L.divIcon({ className: "draft-pin", iconSize: [28, 28], iconAnchor: [14, 28] });
  let draft = null;

  function placeDraft(latlng, announce = true) {
    if (!draft) {
      draft = L.marker(latlng, { icon, draggable: true, title: t.draftPin, alt: t.draftPin });
      draft.on("dragend", () => placeDraft(draft.getLatLng()));
      draft.addTo(map);
    }
    draft.setLatLng(latlng);
    lat.value = latlng.lat.toFixed(6);
    lon.value = latlng.lng.toFixed(6);
    form.elements.geometry.value = "";
    if (announce) {
      mapStatus.textContent = format(t.pinPlaced, { lat: lat.value, lon: lon.value });
    }
  }

  function clearDraft() {
    draft?.remove();
    draft = null;
  }

  map.on("click", (event) => placeDraft(event.latlng));
  centreButton.hidden = false;
  centreButton.addEventListener("click", () => placeDraft(map.getCenter()));
  for (const input of [lat, lon]) {
    input.addEventListener("change", () => {
      const la = Number.parseFloat(lat.value);
      const lo = Number.parseFloat(lon.value);
      if (Number.isFinite(la) && Number.isFinite(lo)) placeDraft(L.latLng(la, lo), false);
    });
  }

  function clearErrors() {
    for (const name of FIELDS) {
      form.querySelector(`#error-${name}`).replaceChildren();
      form.querySelector(`#field-${name}`).classList.remove("field-invalid");
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

  function geometryFromForm() {
    if (form.elements.geometry.value) {
      try {
        return JSON.parse(form.elements.geometry.value);
      } catch {
        return undefined;
      }
    }
    if (lat.value.trim() === "" && lon.value.trim() === "") return null;
    const la = Number(lat.value.trim().replace(",", "."));
    const lo = Number(lon.value.trim().replace(",", "."));
    if (!Number.isFinite(la) || !Number.isFinite(lo)) return undefined;
    return { type: "Point", coordinates: [lo, la] };
  }

  let sending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors();
    const geometry = geometryFromForm();
    if (geometry === undefined) {
      showErrors({ geometry: [t.notANumber] });
      return;
    }
    sending = true;
    button.disabled = true;
    status.textContent = t.sending;
    const payload = {
      campaign: form.dataset.campaign,
      kind: form.elements.kind.value,
      theme: form.elements.theme.value,
      title: form.elements.title.value,
      body: form.elements.body.value,
      geometry,
    };
    try {
      const response = await fetch(config.api, {
        method: "POST",
        credentials: "same-origin",
        headers: {
          "Content-Type": "application/json",
          Accept: "application/geo+json, application/json",
          "Accept-Language": config.language,
          "X-CSRFToken": form.elements.csrfmiddlewaretoken.value,
        },
        body: JSON.stringify(payload),
      });
      if (response.status === 201) {
        const feature = await response.json();
        const published = feature.properties.moderation === "published";
        if (published) {
          pins.addData(feature);
          map.getContainer().dataset.pins = String(pins.getLayers().length);
          list.querySelector(".empty")?.remove();
          list.prepend(listItem(feature));
          const count = document.querySelector("#list-heading .count");
          count.dataset.count = String(Number(count.dataset.count) + 1);
          count.textContent = `(${count.dataset.count})`;
        }
        form.elements.title.value = "";
        form.elements.body.value = "";
        lat.value = "";
        lon.value = "";
        clearDraft();
        status.textContent = published ? t.sent : t.sentPending;
      } else if (response.status === 400) {
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
