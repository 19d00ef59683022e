// The list beside the map, kept in step when a contribution is sent from this page.

import { el } from "../lib/dom.js";
import { formatDate, gettext } from "../lib/i18n.js";

const SVG = "http://www.w3.org/2000/svg";

function svgEl(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value);
  return node;
}

/** The theme's colour as the template draws it: an SVG fill, which needs no style attribute. */
function swatch(colour) {
  const attrs = { class: "swatch", viewBox: "0 0 2 2", "aria-hidden": "true", focusable: "false" };
  const svg = svgEl("svg", attrs);
  svg.append(svgEl("circle", { cx: "1", cy: "1", r: ".94", fill: colour }));
  return svg;
}

/** A list item like templates/engagement/_contribution_item.html, built from a Feature. */
function listItem(feature, labels) {
  const p = feature.properties;
  return el(
    "li",
    { class: "contribution", id: `contribution-${feature.id}`, "data-id": String(feature.id) },
    el("h3", {}, el("a", { href: p.url }, p.title)),
    el(
      "p",
      { class: "contribution-meta" },
      el("span", { class: `kind kind-${p.kind}` }, labels.kinds[p.kind] ?? p.kind),
      " · ",
      el("span", { class: "theme" }, swatch(p.color), p.theme_name),
      " · ",
      el("span", { class: "status" }, labels.statuses[p.status] ?? p.status),
      " · ",
      el("time", { datetime: p.created_at }, formatDate(p.created_at)),
    ),
    ...(p.place ? [el("p", { class: "contribution-place" }, `${gettext("Where:")} ${p.place}`)] : []),
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
