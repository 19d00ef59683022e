// What the server tells a script: one JSON element per fact, written with Django's json_script.

/** The parsed content of <script type="application/json" id="...">, or null when absent. */
export function readJSON(id) {
  const node = document.getElementById(id);
  return node ? JSON.parse(node.textContent) : null;
}

/** The page's map configuration (API addresses, filters, page size, choice labels). */
export function pageConfig() {
  return readJSON("map-config") ?? {};
}

/** The page's language, as the server set it on <html lang>: the API answers in it too. */
export function pageLanguage() {
  return document.documentElement.lang || "fi";
}
