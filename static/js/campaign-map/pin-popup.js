// What a marker of the campaign map opens: a single contribution's popup (title link, kind ·
// theme, place), or the list of the contributions in a privacy cell or a cluster, each a link.
// Focus moves into the popup when it has loaded; Escape closes it and gives focus back to the
// marker's button.

import { el } from "../lib/dom.js";
import { gettext, interpolate, ngettext } from "../lib/i18n.js";
import { symbolSvg } from "../lib/symbols.js";

/** A single contribution's popup, as the map has always shown it. */
export function popupContent(feature, kinds) {
  const p = feature.properties;
  return el(
    "div",
    { class: "pin-popup" },
    el("a", { href: p.url }, p.title),
    el("br"),
    `${kinds[p.kind] ?? p.kind} · ${p.theme_name}`,
    ...(p.place ? [el("br"), p.place] : []),
  );
}

/** A cell's or a cluster's name, e.g. "4 contributions here: 3 ideas, 1 need". */
export function countLabel(p) {
  const head =
    p.type === "cell"
      ? ngettext("%(count)s contribution here", "%(count)s contributions here", p.count)
      : ngettext("%(count)s contribution near here", "%(count)s contributions near here", p.count);
  const parts = [];
  if (p.ideas) {
    parts.push(interpolate(ngettext("%(count)s idea", "%(count)s ideas", p.ideas), { count: p.ideas }));
  }
  if (p.needs) {
    parts.push(interpolate(ngettext("%(count)s need", "%(count)s needs", p.needs), { count: p.needs }));
  }
  const name = interpolate(head, { count: p.count });
  return parts.length ? `${name}: ${parts.join(", ")}` : name;
}

let listNumber = 0;

/**
 * The list of a cell's or a cluster's contributions: a heading, then one link per contribution
 * with its symbol, title, kind · theme and place. `more` says how many were left out; `zoomIn`
 * (a cluster's) adds the button "Zoom in here".
 */
export function listContent(features, { heading, kinds, total, zoomIn }) {
  const id = `pin-list-${++listNumber}`;
  const items = features.map((feature) => {
    const p = feature.properties;
    const symbol = symbolSvg({ kind: p.kind, status: p.status, colour: p.color });
    symbol.setAttribute("class", `${symbol.getAttribute("class")} pin-list-symbol`);
    return el(
      "li",
      {},
      el(
        "a",
        { href: p.url, class: "pin-list-link" },
        symbol,
        el(
          "span",
          { class: "pin-list-text" },
          el("span", { class: "pin-list-title" }, p.title),
          el("span", { class: "pin-list-meta" }, `${kinds[p.kind] ?? p.kind} · ${p.theme_name}`),
          ...(p.place ? [el("span", { class: "pin-list-place" }, p.place)] : []),
        ),
      ),
    );
  });
  const parts = [
    el("h3", { class: "pin-list-heading", id }, heading),
    el("ul", { class: "pin-list-items", "aria-labelledby": id }, ...items),
  ];
  if (total > features.length) {
    const text = gettext("The newest %(shown)s of %(count)s are listed. Zoom in to see them all.");
    parts.push(el("p", { class: "pin-list-more" }, interpolate(text, { shown: features.length, count: total })));
  }
  if (zoomIn) {
    const button = el("button", { type: "button", class: "secondary small" }, gettext("Zoom in here"));
    button.addEventListener("click", zoomIn);
    parts.push(el("p", { class: "pin-list-zoom" }, button));
  }
  return el("div", { class: "pin-list" }, ...parts);
}

/** The button inside a marker's icon: the element that had focus, and gets it back. */
export function markerButton(marker) {
  return marker.getElement()?.querySelector("button") ?? null;
}

/**
 * Opens a popup on the marker at once ("Loading…"), fills it with what `build(signal)` gives, and
 * moves focus to its first link or button. Escape, the close button or the marker leaving the map
 * close it; focus returns to the marker when it was inside the popup.
 */
export function openPopup(map, marker, build) {
  const controller = new AbortController();
  const content = el("div", { class: "pin-popup-body" }, el("p", {}, gettext("Loading…")));
  // Narrower than the map on a phone (the popup's own margins take some 50 px more).
  const room = map.getSize().x - 64;
  const popup = L.popup(
    { maxWidth: Math.min(280, room), minWidth: Math.min(200, room), maxHeight: 320 },
    marker,
  )
    .setLatLng(marker.getLatLng())
    .setContent(content);
  const giveBack = () => {
    const button = markerButton(marker);
    if (button?.isConnected) button.focus();
  };
  const close = () => map.closePopup(popup);
  marker.once("remove", close);
  popup.on("remove", () => {
    controller.abort();
    marker.off("remove", close);
    // Closed from inside (its close button) or as its content left the page: back to the marker.
    if (document.activeElement === document.body || !document.activeElement) giveBack();
  });
  popup.openOn(map);
  popup.getElement().addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    event.stopPropagation();
    close();
    giveBack();
  });
  build(controller.signal).then(
    (node) => {
      if (controller.signal.aborted) return;
      content.replaceChildren(node);
      popup.update();
      content.querySelector("a[href], button")?.focus();
    },
    (error) => {
      if (controller.signal.aborted || error.name === "AbortError") return;
      const text = gettext("The contributions could not be loaded. The list below the map shows them.");
      content.replaceChildren(el("p", { role: "alert" }, text));
      popup.update();
    },
  );
  return popup;
}
