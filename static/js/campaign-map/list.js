// The list beside the map, kept in step when a contribution is sent from this page.

import { el } from "../lib/dom.js";
import { formatDate } from "../lib/i18n.js";

/** A list item like templates/engagement/_contribution_item.html, built from a Feature. */
function listItem(feature, labels) {
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
      el("span", { class: `kind kind-${p.kind}` }, labels.kinds[p.kind] ?? p.kind),
      " · ",
      el("span", { class: "theme" }, swatch, p.theme_name),
      " · ",
      el("span", { class: "status" }, labels.statuses[p.status] ?? p.status),
      " · ",
      el("time", { datetime: p.created_at }, formatDate(p.created_at)),
    ),
    el("p", { class: "excerpt" }, p.excerpt),
  );
}

/** Puts a newly published contribution at the top of the list and counts it in the heading. */
export function listPrepend(feature, labels) {
  const list = document.getElementById("contribution-list");
  list.querySelector(".empty")?.remove();
  list.prepend(listItem(feature, labels));
  const count = document.querySelector("#list-heading .count");
  count.dataset.count = String(Number(count.dataset.count) + 1);
  count.textContent = `(${count.dataset.count})`;
}
