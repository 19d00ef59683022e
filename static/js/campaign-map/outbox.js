// "Waiting to be sent": the contributions made without a connection (docs/decisions/0046).
// They wait in IndexedDB (../offline/store.js), are listed under the form with Edit and
// Delete, and are sent in the order they were made when the connection returns (the `online`
// event, the page's load and every RETRY_MS), each with its own idempotency key: an entry whose
// answer was lost is sent again and the server answers with the contribution it already has.
// A Web Lock keeps two tabs from sending at once. A refusal keeps the entry here with the
// server's messages; Edit puts it back into the form, messages beside the fields, same key.

import { pageLanguage } from "../lib/config.js";
import { el } from "../lib/dom.js";
import { gettext, interpolate, ngettext } from "../lib/i18n.js";
import {
  onOutboxChange,
  outboxDelete,
  outboxEntries,
  outboxGet,
  outboxPut,
} from "../offline/store.js";
import { clearErrors, offlineFailure, post, requestBody, showErrors } from "./submission.js";

const RETRY_MS = 30_000;
const SEND_TIMEOUT_MS = 60_000;
const REFUSALS = [400, 403, 413];
// "Too many in a short time" (429) is no refusal of the entry: the round stops, and the entries
// go by themselves after the server's Retry-After (a walk's group sending at once, decision 0047).
const TOO_MANY = 429;

function fieldValue(entry, name) {
  return entry.fields.find(([field]) => field === name)?.[1] ?? "";
}

/** The label a field has on the form, for a message shown away from it. */
function fieldLabel(form, field) {
  const label = form.querySelector(`#field-${field} > legend, label[for="id_${field}"]`);
  if (!label) return "";
  const copy = label.cloneNode(true);
  for (const extra of copy.querySelectorAll(".required")) extra.remove();
  // "Photos (optional)", "Title (required)": the name alone.
  return copy.textContent.trim().replace(/\s*\([^)]*\)$/, "");
}

/** The place back on the map as the draft's own controls would have made it. */
function restoreGeometry(draft, geometry) {
  draft.reset();
  if (!geometry) return;
  if (geometry.type === "Point") {
    draft.chooseShape("point");
    const [lon, lat] = geometry.coordinates;
    draft.placePin(L.latLng(lat, lon), { speak: false });
    draft.map.panTo([lat, lon]);
    return;
  }
  const line = geometry.type === "LineString";
  draft.chooseShape(line ? "line" : "polygon");
  const points = line ? geometry.coordinates : geometry.coordinates[0].slice(0, -1);
  draft.vertices = points.map(([lon, lat]) => L.latLng(lat, lon));
  draft.render();
}

function fillForm(form, entry) {
  for (const input of form.elements) {
    if (!input.name || input.name === "csrfmiddlewaretoken" || input.type === "file") continue;
    const values = entry.fields.filter(([name]) => name === input.name).map(([, v]) => v);
    if (input.type === "radio") {
      if (input.name !== "shape") input.checked = values.includes(input.value);
    } else if (input.type === "checkbox") {
      input.checked = input.name === "exact_location_public" ? entry.exactPublic : values.length > 0;
    } else if (!["button", "submit", "fieldset"].includes(input.type)) {
      input.value = values[0] ?? "";
    }
  }
  const byField = new Map();
  for (const { field, file } of entry.files) {
    if (!byField.has(field)) byField.set(field, new DataTransfer());
    byField.get(field).items.add(file);
  }
  for (const input of form.querySelectorAll("input[type=file]")) {
    input.files = (byField.get(input.name) ?? new DataTransfer()).files;
  }
}

export class Outbox {
  constructor({ form, draft, api, config, onPublished }) {
    this.form = form;
    this.draft = draft;
    this.api = api;
    this.config = config;
    this.campaign = form.dataset.campaign;
    this.onPublished = onPublished;
    this.section = document.getElementById("outbox");
    this.heading = document.getElementById("outbox-heading");
    this.list = document.getElementById("outbox-list");
    this.status = document.getElementById("outbox-status");
    this.editing = null; // the key of the entry now in the form
    this.sending = false;
    // English dates for a European reader, as the templates write them (config/formats).
    const language = pageLanguage() === "en" ? "en-GB" : pageLanguage();
    this.dates = new Intl.DateTimeFormat(language, { dateStyle: "medium", timeStyle: "short" });
  }

  start() {
    this.render();
    onOutboxChange(() => this.render());
    window.addEventListener("online", () => this.flush());
    setInterval(() => this.flush(), RETRY_MS);
    this.flush();
  }

  // Called by submission.js ---------------------------------------------------------------
  async keep(snapshot) {
    const old = await outboxGet(snapshot.key);
    await outboxPut({
      ...snapshot,
      campaign: this.campaign,
      created: old?.created ?? new Date().toISOString(),
      errors: null,
    });
    this.editing = null;
    await this.render();
  }

  async sent(key) {
    if (this.editing === key) this.editing = null;
    if (await outboxGet(key)) {
      await outboxDelete(key);
      await this.render();
    }
  }

  /** A refusal of an entry sent again from the form: it keeps the new text and messages. */
  async refused(snapshot, errors) {
    const old = await outboxGet(snapshot.key);
    if (!old) return;
    await outboxPut({ ...old, ...snapshot, errors });
    await this.render();
  }

  // Sending ----------------------------------------------------------------------------------
  /** Sends the waiting entries in order; one tab at a time (a Web Lock where there is one). */
  flush() {
    if (!navigator.onLine || this.sending || Date.now() < (this.waitUntil ?? 0)) {
      return Promise.resolve();
    }
    const run = async () => {
      this.sending = true;
      try {
        await this.sendAll();
      } finally {
        this.sending = false;
      }
    };
    if (navigator.locks) {
      return navigator.locks.request("yhdessa-outbox", { ifAvailable: true }, (lock) =>
        lock ? run() : undefined,
      );
    }
    return run();
  }

  async sendAll() {
    this.announced = false; // this round's first outcome replaces the last round's
    for (const entry of await outboxEntries(this.campaign)) {
      if (entry.errors || entry.key === this.editing) continue; // waits for the resident
      // Another tab may have sent it since the list was read.
      if (!(await outboxGet(entry.key))) continue;
      const outcome = await this.sendOne(entry);
      if (outcome === "offline" || outcome === "wait") break;
    }
    await this.render();
  }

  async sendOne(entry) {
    const abort = new AbortController();
    const timer = setTimeout(() => abort.abort(), SEND_TIMEOUT_MS);
    let response;
    try {
      response = await post(this.form, this.api, requestBody(this.campaign, entry), {
        signal: abort.signal,
      });
    } catch (error) {
      return offlineFailure(error) ? "offline" : "error";
    } finally {
      clearTimeout(timer);
    }
    const title = fieldValue(entry, "title");
    if (response.status === 201) {
      const feature = await response.json();
      await outboxDelete(entry.key);
      const published = feature.properties?.moderation === "published";
      if (published) this.onPublished(feature);
      const text = published
        ? gettext("“%(title)s” was sent: it is on the map and in the list.")
        : gettext("“%(title)s” was sent: it will be public once a moderator has read it.");
      this.announce(interpolate(text, { title }), { add: this.announced });
      this.announced = true;
      return "sent";
    }
    if (response.status === TOO_MANY) {
      const seconds = Math.max(1, Number(response.headers.get("Retry-After")) || 60);
      this.waitUntil = Date.now() + seconds * 1000;
      window.setTimeout(() => this.flush(), seconds * 1000 + 250);
      const minutes = Math.ceil(seconds / 60);
      const text = ngettext(
        "The site takes no more for a moment: the waiting contributions are sent by themselves in %(minutes)s minute.",
        "The site takes no more for a moment: the waiting contributions are sent by themselves in %(minutes)s minutes.",
        minutes,
      );
      this.announce(interpolate(text, { minutes }), { add: this.announced });
      this.announced = true;
      return "wait";
    }
    if (REFUSALS.includes(response.status)) {
      let errors;
      try {
        errors = await response.json();
      } catch {
        errors = { __all__: [gettext("The server did not accept this contribution.")] };
      }
      await outboxPut({ ...entry, errors });
      const text = gettext("“%(title)s” was not accepted: see the reason under “Waiting to be sent”.");
      this.announce(interpolate(text, { title }), { add: this.announced });
      this.announced = true;
      return "refused";
    }
    return "error"; // a server error: tried again later
  }

  /** Says what happened in the live region; `add`: after what it says already. */
  announce(text, { add = false } = {}) {
    const line = el("p", {}, text);
    if (add) this.status.append(line);
    else this.status.replaceChildren(line);
  }

  // The list ---------------------------------------------------------------------------------
  async render() {
    const entries = await outboxEntries(this.campaign);
    const text = gettext("Waiting to be sent (%(count)s)");
    this.heading.textContent = interpolate(text, { count: entries.length });
    this.list.replaceChildren(...entries.map((entry) => this.item(entry)));
    this.section.hidden = entries.length === 0;
  }

  item(entry) {
    const title = fieldValue(entry, "title") || gettext("(no title)");
    const headingId = `outbox-${entry.key}`;
    const kind = this.config.kinds?.[fieldValue(entry, "kind")] ?? "";
    const photos = entry.files.length;
    const made = interpolate(gettext("made %(when)s"), {
      when: this.dates.format(new Date(entry.created)),
    });
    const photoText = interpolate(ngettext("%(count)s photo", "%(count)s photos", photos), {
      count: photos,
    });
    const meta = [kind, made, photoText].filter(Boolean).join(" · ");
    const item = el(
      "li",
      { class: "outbox-item", "data-key": entry.key },
      el("h4", { id: headingId }, title),
      el("p", { class: "outbox-meta" }, meta),
    );
    if (entry.errors) {
      item.classList.add("outbox-refused");
      const reasons = el("ul", { class: "outbox-reasons" });
      for (const [field, messages] of Object.entries(entry.errors)) {
        const label = fieldLabel(this.form, field);
        for (const message of [].concat(messages)) {
          reasons.append(el("li", {}, label ? `${label}: ${message}` : String(message)));
        }
      }
      const why = gettext("Not accepted. Edit it and send it again, or delete it:");
      item.append(el("p", { class: "outbox-state" }, why), reasons);
    } else {
      const state =
        entry.key === this.editing
          ? gettext("In the form for editing.")
          : gettext("Waiting for a connection.");
      item.append(el("p", { class: "outbox-state" }, state));
    }
    const hidden = (text) => el("span", { class: "visually-hidden" }, ` “${text}”`);
    const edit = el("button", { type: "button", class: "secondary" }, gettext("Edit"));
    edit.append(hidden(title));
    edit.addEventListener("click", () => this.edit(entry.key));
    const remove = el("button", { type: "button", class: "secondary" }, gettext("Delete"));
    remove.append(hidden(title));
    remove.addEventListener("click", () => this.remove(entry.key, title));
    item.append(el("div", { class: "actions" }, edit, remove));
    return item;
  }

  async edit(key) {
    const entry = await outboxGet(key);
    if (!entry) return;
    this.editing = key;
    clearErrors(this.form);
    fillForm(this.form, entry);
    restoreGeometry(this.draft, entry.geometry);
    this.form.elements.idempotency_key.value = entry.key;
    await this.render();
    if (entry.errors) {
      showErrors(this.form, this.draft, entry.errors); // focuses the summary
    } else {
      const heading = document.getElementById("form-heading");
      heading.scrollIntoView({ block: "start" });
      heading.focus({ preventScroll: true });
    }
  }

  async remove(key, title) {
    const question = gettext("Delete “%(title)s” from this device? It has not been sent.");
    if (!window.confirm(interpolate(question, { title }))) return;
    const items = [...this.list.children];
    const index = items.findIndex((item) => item.dataset.key === key);
    await outboxDelete(key);
    if (this.editing === key) this.editing = null;
    await this.render();
    this.announce(interpolate(gettext("“%(title)s” was deleted from this device."), { title }));
    const next = this.list.children[Math.min(index, this.list.children.length - 1)];
    (next?.querySelector("button") ?? document.getElementById("form-heading")).focus();
  }
}

/** The outbox of the page's form, or null where the browser has no IndexedDB. */
export function setupOutbox(options) {
  if (!window.indexedDB || !document.getElementById("outbox")) return null;
  const outbox = new Outbox(options);
  outbox.start();
  return outbox;
}
