// Sending the form through the API without a page reload: one idempotency key per
// contribution, the API's messages beside the fields, the typed text kept when sending fails.
// The focus never falls to the page: after a send it is on the thanks, after a refusal on the
// error summary, and a link of the summary takes it to its field (the place: its controls).
// Without a connection the contribution goes to the outbox (outbox.js, decision 0046) with its
// key, and is sent from there when the connection returns.

import { pageLanguage } from "../lib/config.js";
import { el } from "../lib/dom.js";
import { gettext } from "../lib/i18n.js";

const FIELDS = ["kind", "theme", "title", "body", "geometry", "photos", "walk_code"];
// The form's fields that only the page reads: the API gets the place as `geometry` (GeoJSON)
// and the flag as true or false. Every other field is sent as it is (a field another part of
// the site adds to the form, too).
const PAGE_ONLY = new Set(["csrfmiddlewaretoken", "lat", "lon", "shape", "geometry"]);

export function uuid4() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function clearErrors(form) {
  for (const name of FIELDS) {
    form.querySelector(`#error-${name}`)?.replaceChildren();
    form.querySelector(`#field-${name}`)?.classList.remove("field-invalid");
  }
  for (const input of form.querySelectorAll("[aria-invalid]")) {
    input.removeAttribute("aria-invalid");
  }
  const summary = form.querySelector("#form-errors");
  summary.hidden = true;
  summary.querySelector("ul").replaceChildren();
}

/** The input a message about a field points to, as the template's error summary does. */
function targetId(field, draft) {
  if (field === "geometry") return draft.locationControl().id;
  return field === "kind" ? "id_kind_0" : `id_${field}`;
}

/**
 * A link of the error summary focuses its field, its label or legend in view: a fragment link
 * alone would only scroll. The place's link goes to the controls of the place being given now
 * (the coordinates, or "Draw on the map"), which the server's summary names as id_lat.
 */
function followSummaryLinks(form, draft) {
  form.querySelector("#form-errors").addEventListener("click", (event) => {
    const link = event.target.closest("a[href^='#']");
    if (!link) return;
    const id = link.getAttribute("href").slice(1);
    const location = id === "id_lat" || id === draft.locationControl().id;
    const target = location ? draft.locationControl() : document.getElementById(id);
    if (!target) return;
    event.preventDefault();
    (target.closest("fieldset, .field") ?? target).scrollIntoView({ block: "start" });
    target.focus({ preventScroll: true });
  });
}

function markInvalid(form, field) {
  form.querySelector(`#field-${field}`).classList.add("field-invalid");
  const inputs =
    field === "geometry"
      ? [form.elements.lat, form.elements.lon]
      : form.querySelectorAll(`[name="${field}"]`);
  for (const input of inputs) input.setAttribute("aria-invalid", "true");
}

/** Messages per field beside each field, and all of them in the summary, which gets focus. */
export function showErrors(form, draft, errors) {
  const items = [];
  for (const [field, messages] of Object.entries(errors)) {
    const known = FIELDS.includes(field);
    for (const message of [].concat(messages)) {
      if (!known) {
        items.push(el("li", {}, message));
        continue;
      }
      form.querySelector(`#error-${field}`).append(el("p", { class: "field-error" }, message));
      items.push(el("li", {}, el("a", { href: `#${targetId(field, draft)}` }, message)));
    }
    if (known) markInvalid(form, field);
  }
  const summary = form.querySelector("#form-errors");
  summary.querySelector("ul").replaceChildren(...items);
  summary.hidden = false;
  summary.focus();
}

/**
 * The form as it is now, as the outbox keeps it: its fields by name (whatever fields the form
 * has), the files chosen, the place as GeoJSON and the exact-location flag.
 */
export function formSnapshot(form, geometry) {
  const fields = [];
  const files = [];
  for (const [name, value] of new FormData(form)) {
    if (name === "csrfmiddlewaretoken") continue;
    if (value instanceof File) {
      if (value.name) files.push({ field: name, file: value });
    } else if (name !== "exact_location_public") {
      fields.push([name, value]);
    }
  }
  return {
    key: form.elements.idempotency_key.value,
    fields,
    files,
    geometry: geometry && !geometry.error ? geometry : null,
    exactPublic: form.elements.exact_location_public.checked,
  };
}

/** The API's request body for a snapshot of the form. */
export function requestBody(campaign, snapshot) {
  const body = new FormData();
  body.set("campaign", campaign);
  for (const [name, value] of snapshot.fields) {
    if (!PAGE_ONLY.has(name)) body.append(name, value);
  }
  body.set("exact_location_public", snapshot.exactPublic ? "true" : "false");
  if (snapshot.geometry) body.set("geometry", JSON.stringify(snapshot.geometry));
  for (const { field, file } of snapshot.files) body.append(field, file);
  return body;
}

/** The CSRF token: the cookie's (newest, also for a page opened from the device), else the
 * form's. */
function csrfToken(form) {
  const cookie = document.cookie.split("; ").find((part) => part.startsWith("csrftoken="));
  return cookie ? decodeURIComponent(cookie.slice(10)) : form.elements.csrfmiddlewaretoken.value;
}

export function post(form, url, body, { signal } = {}) {
  return fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      Accept: "application/geo+json, application/json",
      "Accept-Language": pageLanguage(),
      "X-CSRFToken": csrfToken(form),
    },
    body,
    signal,
  });
}

/** A failure of the connection rather than an answer of the server. */
export function offlineFailure(error) {
  return !navigator.onLine || error instanceof TypeError || error?.name === "AbortError";
}

export function resetForm(form, draft) {
  for (const name of ["title", "body", "photos"]) form.elements[name].value = "";
  draft.reset();
  // A new contribution needs a new key; a retry of a failed send keeps the old one.
  form.elements.idempotency_key.value = uuid4();
}

/** Sends the form; answers with the status line's text once the API has answered. */
async function send({ form, draft, api, geometry, onPublished, outbox }) {
  const snapshot = formSnapshot(form, geometry);
  let response;
  try {
    if (outbox && !navigator.onLine) throw new TypeError("offline");
    response = await post(form, api, requestBody(form.dataset.campaign, snapshot));
  } catch (error) {
    if (!outbox || !offlineFailure(error)) throw error;
    await outbox.keep(snapshot);
    resetForm(form, draft);
    return gettext("No connection: your contribution is kept on this device and will be sent when the connection returns.");
  }
  if (response.status === 201) {
    const feature = await response.json();
    await outbox?.sent(snapshot.key);
    const published = feature.properties.moderation === "published";
    if (published) onPublished(feature);
    resetForm(form, draft);
    // The optional background questions (decision 0034), offered once something was sent.
    form.querySelector("#background-invite")?.removeAttribute("hidden");
    return published
      ? gettext("Thank you! Your contribution is on the map and in the list.")
      : gettext("Thank you! Your contribution will be public once a moderator has read it.");
  }
  // Refusals with messages: bad input, another site's request, too large uploads, too many.
  if ([400, 403, 413, 429].includes(response.status)) {
    const errors = await response.json();
    await outbox?.refused(snapshot, errors);
    showErrors(form, draft, errors);
    return "";
  }
  throw new Error(String(response.status));
}

/** Takes over the form's submit; without this script the form posts to the page as usual. */
export function setupSubmission({ form, draft, api, onPublished, outbox }) {
  const button = form.querySelector("#submit-contribution");
  const status = form.querySelector("#form-status");
  const summary = form.querySelector("#form-errors");
  followSummaryLinks(form, draft);
  // The server's own summary, after a send without this script: it gets the focus as ours does.
  if (!summary.hidden) summary.focus();
  // A page opened from the device (the outbox's) has the key it had when it was kept.
  if (outbox) form.elements.idempotency_key.value = uuid4();
  let sending = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (sending) return;
    clearErrors(form);
    const geometry = draft.geometry();
    if (geometry?.error) {
      showErrors(form, draft, { geometry: [geometry.error] });
      return;
    }
    sending = true;
    // aria-disabled rather than disabled: a disabled button would drop the focus to the page.
    button.setAttribute("aria-disabled", "true");
    status.textContent = gettext("Sending…");
    try {
      const thanks = await send({ form, draft, api, geometry, onPublished, outbox });
      status.textContent = thanks;
      if (thanks) status.focus(); // sent: the thanks says where the contribution is now
    } catch {
      status.textContent = "";
      showErrors(form, draft, {
        __all__: [gettext("Sending failed. Your text is kept; please try again.")],
      });
    } finally {
      sending = false;
      button.removeAttribute("aria-disabled");
    }
  });
}
