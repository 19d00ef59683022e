// The map's symbols, drawn once here for the pins and for the legend beside the map.
// Shape carries the kind (an idea is round with a light bulb, a need is a diamond with an
// exclamation mark), a badge carries the status, colour carries the theme (also named in the
// popup and the legend). Every symbol has a dark edge and a white ring, so it stays visible on any
// background, and is 32 CSS px: more than the 24 px target of WCAG 2.5.8.
// Built with DOM calls, not HTML strings: a theme colour never becomes markup (and no style
// attribute reaches the page, for the Content-Security-Policy).

const SVG = "http://www.w3.org/2000/svg";
export const SYMBOL_SIZE = 32;
// Where the symbol's place is: the centre of its shape (the badge sits top right of it).
export const SYMBOL_ANCHOR = [15, 17];
const INK = "#1a1a1a";
const HALO = "#ffffff";

function svgNode(tag, attrs) {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, String(value));
  return node;
}

// The kind's outline around the symbol's centre (15, 17).
const SHAPES = {
  idea: { tag: "circle", attrs: { cx: 15, cy: 17, r: 11 } },
  need: { tag: "path", attrs: { d: "M15 4.5 27.5 17 15 29.5 2.5 17Z" } },
};

// The kind's glyph, white on the theme colour.
const GLYPHS = {
  // A light bulb: the glass and two lines of its base.
  idea: [
    { tag: "path", attrs: { d: "M15 10a4.6 4.6 0 0 0-2.7 8.3v1.9h5.4v-1.9A4.6 4.6 0 0 0 15 10Z" } },
    {
      tag: "path",
      attrs: {
        d: "M12.6 22h4.8M13.3 24h3.4",
        fill: "none",
        stroke: HALO,
        "stroke-width": 1.4,
        "stroke-linecap": "round",
      },
    },
  ],
  // An exclamation mark.
  need: [
    { tag: "path", attrs: { d: "M13.5 10.5h3l-.5 8.5h-2Z" } },
    { tag: "circle", attrs: { cx: 15, cy: 22.3, r: 1.7 } },
  ],
};

// A status's mark, dark on a white badge; a new contribution has none.
const BADGE = { cx: 25.5, cy: 6.5, r: 6 };
const STROKE = {
  fill: "none",
  stroke: INK,
  "stroke-width": 1.7,
  "stroke-linecap": "round",
  "stroke-linejoin": "round",
};
const STATUS_MARKS = {
  new: null,
  // Three dots: being thought about.
  under_consideration: [22.7, 25.5, 28.3].map((cx) => ({
    tag: "circle",
    attrs: { cx, cy: 6.5, r: 1.1, fill: INK },
  })),
  // An arrow forward: going ahead.
  planned: [{ tag: "path", attrs: { d: "M22.3 6.5h6M25.8 3.8l2.7 2.7-2.7 2.7", ...STROKE } }],
  // A half-filled circle: under way in a pilot.
  in_pilot: [
    {
      tag: "circle",
      attrs: { cx: 25.5, cy: 6.5, r: 3.4, fill: "none", stroke: INK, "stroke-width": 1.3 },
    },
    { tag: "path", attrs: { d: "M25.5 3.1a3.4 3.4 0 0 1 0 6.8Z", fill: INK } },
  ],
  // A tick.
  done: [{ tag: "path", attrs: { d: "M22.6 6.7l2 2 3.8-4.3", ...STROKE } }],
  // A cross.
  not_possible: [{ tag: "path", attrs: { d: "M23.2 4.2l4.6 4.6M27.8 4.2l-4.6 4.6", ...STROKE } }],
};

export const KINDS = Object.keys(SHAPES);
export const STATUSES = Object.keys(STATUS_MARKS);

/**
 * The symbol of a contribution as an <svg> element: kind as shape and glyph, status as badge,
 * theme as fill. Unknown kinds are drawn as ideas, unknown statuses without a badge.
 */
export function symbolSvg({ kind, status, colour }) {
  const k = SHAPES[kind] ? kind : "idea";
  const svg = svgNode("svg", {
    class: `map-symbol-svg kind-${k} status-${STATUS_MARKS[status] ? status : "new"}`,
    width: SYMBOL_SIZE,
    height: SYMBOL_SIZE,
    viewBox: `0 0 ${SYMBOL_SIZE} ${SYMBOL_SIZE}`,
    "aria-hidden": "true",
    focusable: "false",
  });
  const { tag, attrs } = SHAPES[k];
  // The dark edge under the white ring: seen on a light and on a dark background alike.
  const line = { "stroke-linejoin": "round" };
  const edge = { class: "symbol-edge", fill: INK, stroke: INK, "stroke-width": 5 };
  svg.append(svgNode(tag, { ...attrs, ...line, ...edge }));
  svg.append(
    svgNode(tag, {
      ...attrs,
      ...line,
      class: "symbol-body",
      fill: colour,
      stroke: HALO,
      "stroke-width": 2.5,
    }),
  );
  const glyph = svgNode("g", { class: "symbol-glyph", fill: HALO });
  for (const part of GLYPHS[k]) glyph.append(svgNode(part.tag, part.attrs));
  svg.append(glyph);
  const marks = STATUS_MARKS[status];
  if (marks) {
    const badge = svgNode("g", { class: "symbol-badge" });
    badge.append(svgNode("circle", { ...BADGE, fill: HALO, stroke: INK, "stroke-width": 1.5 }));
    for (const part of marks) badge.append(svgNode(part.tag, part.attrs));
    svg.append(badge);
  }
  return svg;
}

/**
 * A button around `content`, named by `label`: what makes a marker a real keyboard stop (Tab
 * reaches it, Enter and Space press it) without Leaflet's own keyboard handling of markers.
 */
export function markerButton(label, className, ...content) {
  const button = document.createElement("button");
  button.type = "button";
  button.className = className;
  button.setAttribute("aria-label", label);
  button.append(...content);
  return button;
}

/**
 * A Leaflet icon holding the symbol; its box is the whole 32 px target. With a `label` the
 * symbol is a button so named (the campaign map's pins); without, a picture only.
 */
export function symbolIcon({ kind, status, colour, label }) {
  const svg = symbolSvg({ kind, status, colour });
  return L.divIcon({
    className: `map-symbol map-symbol-${SHAPES[kind] ? kind : "idea"}`,
    html: label ? markerButton(label, "map-marker-button", svg) : svg,
    iconSize: [SYMBOL_SIZE, SYMBOL_SIZE],
    iconAnchor: SYMBOL_ANCHOR,
    popupAnchor: [0, -14],
  });
}

/**
 * The side of a count marker in CSS px, growing with the number's digits: 32 px at least, more
 * than the 24 px target of WCAG 2.5.8.
 */
export function countSize(count) {
  const digits = String(count).length;
  return Math.min(SYMBOL_SIZE + 6 * Math.max(0, digits - 1), 56);
}

/**
 * The icon of several contributions: their number, white on the site's dark blue, in a rounded
 * square for one privacy cell (`cell`, all at one spot) and in a ringed circle for a `cluster`
 * (near each other, grouped at a low zoom); a button named by `label` (site.css: .map-count).
 */
export function countIcon({ count, type, label }) {
  const size = countSize(count);
  const number = document.createElement("span");
  number.setAttribute("aria-hidden", "true");
  number.textContent = String(count);
  return L.divIcon({
    className: `map-count-marker map-count-marker-${type}`,
    html: markerButton(label, `map-count map-count-${type}`, number),
    iconSize: [size, size],
    popupAnchor: [0, -size / 2 + 2],
  });
}

/** A route's or an area's line: solid for an idea, dashed for a need, in the theme colour. */
export const LINE_DASH = { idea: null, need: "10 7" };

/** A line sample for the legend: how a route of this kind is drawn. */
export function lineSvg({ kind, colour = INK }) {
  const svg = svgNode("svg", {
    class: `map-line-svg kind-${kind}`,
    width: SYMBOL_SIZE,
    height: 16,
    viewBox: `0 0 ${SYMBOL_SIZE} 16`,
    "aria-hidden": "true",
    focusable: "false",
  });
  const attrs = { d: "M2 8H30", fill: "none", stroke: colour, "stroke-width": 4 };
  if (LINE_DASH[kind]) attrs["stroke-dasharray"] = "7 5";
  svg.append(svgNode("path", attrs));
  return svg;
}

/**
 * Draws the legend's symbols into the page's legend (engagement/_map_legend.html), and opens it
 * on a wide screen: each
 * [data-symbol-kind], [data-symbol-status] and [data-line-kind] gets its picture. The legend's
 * words are in the page itself, so they are there without this script too.
 */
export function drawLegend(root = document) {
  const legend = root.querySelector("details.map-legend");
  // Open where the map has room beside or above it; folded on a phone, one tap away.
  if (legend && window.matchMedia("(min-width: 48rem)").matches) legend.open = true;
  const neutral = "#5c5c5c";
  for (const slot of root.querySelectorAll("[data-symbol-kind]")) {
    const kind = slot.dataset.symbolKind;
    slot.replaceChildren(symbolSvg({ kind, status: "new", colour: neutral }));
  }
  for (const slot of root.querySelectorAll("[data-symbol-status]")) {
    const status = slot.dataset.symbolStatus;
    slot.replaceChildren(symbolSvg({ kind: "idea", status, colour: neutral }));
  }
  for (const slot of root.querySelectorAll("[data-line-kind]")) {
    slot.replaceChildren(lineSvg({ kind: slot.dataset.lineKind }));
  }
}
