// The toolkit editor's texts, one language at a time (docs/decisions/0039). Without this
// script the page shows every language's section one after another, each under its heading;
// with it, the sections become the panels of a tab list (the WAI-ARIA tabs pattern with
// automatic activation: the arrow keys, Home and End move between the tabs). Each tab tells
// how many of its language's texts are still empty, as the editor types. A link of the error
// summary opens the tab of the field it names.

import { gettext, interpolate, ngettext } from "./lib/i18n.js";

for (const root of document.querySelectorAll("[data-editor-tabs]")) {
  const tablist = root.querySelector("[role=tablist]");
  const tabs = [...tablist.querySelectorAll("[role=tab]")];
  const panels = new Map(
    [...root.querySelectorAll("[data-panel]")].map((panel) => [panel.dataset.panel, panel]),
  );
  const chosen = root.closest("form").querySelector("[data-editor-language]");

  function select(tab, focus) {
    for (const other of tabs) {
      const selected = other === tab;
      other.setAttribute("aria-selected", String(selected));
      other.tabIndex = selected ? 0 : -1;
      panels.get(other.dataset.lang).hidden = !selected;
    }
    if (chosen) chosen.value = tab.dataset.lang;
    if (focus) tab.focus();
  }

  function count(lang) {
    const panel = panels.get(lang);
    const missing = [];
    for (const mark of panel.querySelectorAll("[data-missing-mark]")) {
      const label = mark.closest("label");
      const input = document.getElementById(label.htmlFor);
      const empty = !input || input.value.trim() === "";
      mark.hidden = !empty;
      if (empty) missing.push(label.querySelector("[data-label]").textContent.trim());
    }
    const text = missing.length
      ? interpolate(
          ngettext("%(count)s field missing", "%(count)s fields missing", missing.length),
          { count: missing.length },
        )
      : gettext("complete");
    for (const place of root.querySelectorAll(
      `#tab-${lang} [data-missing-count], #heading-${lang} [data-missing-count]`,
    )) {
      place.textContent = text;
    }
    const list = panel.querySelector("[data-missing-list]");
    if (list) {
      list.textContent = missing.join(", ");
      list.parentElement.hidden = missing.length === 0;
    }
  }

  for (const tab of tabs) {
    const panel = panels.get(tab.dataset.lang);
    panel.setAttribute("role", "tabpanel");
    panel.setAttribute("aria-labelledby", tab.id);
    tab.addEventListener("click", () => select(tab, false));
    tab.addEventListener("keydown", (event) => {
      const at = tabs.indexOf(tab);
      const next = {
        ArrowRight: (at + 1) % tabs.length,
        ArrowLeft: (at - 1 + tabs.length) % tabs.length,
        Home: 0,
        End: tabs.length - 1,
      }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      select(tabs[next], true);
    });
    panel.addEventListener("input", () => count(tab.dataset.lang));
  }

  tablist.hidden = false;
  root.classList.add("editor-tabbed");
  const open = tabs.find((tab) => tab.dataset.lang === root.dataset.open) ?? tabs[0];
  select(open, false);

  // A summary link (or an address ending in a field's id) opens the field's tab first.
  function reveal(id) {
    const field = id ? document.getElementById(id) : null;
    const panel = field?.closest("[data-panel]");
    if (!panel || !root.contains(panel)) return null;
    select(tabs.find((tab) => tab.dataset.lang === panel.dataset.panel), false);
    return field;
  }
  for (const link of document.querySelectorAll("a[data-editor-link]")) {
    link.addEventListener("click", (event) => {
      const field = reveal(link.hash.slice(1));
      if (!field) return;
      event.preventDefault();
      field.focus();
      field.scrollIntoView({ block: "center" });
    });
  }
  reveal(decodeURIComponent(location.hash.slice(1)));
}

// After a refused save the summary takes the focus, so the editor hears what to correct.
document.getElementById("error-summary")?.focus();
