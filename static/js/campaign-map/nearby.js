// "Already reported near here": once a theme and a place are chosen, the published
// contributions of that theme near the place, each with "Support this instead". Nothing the
// resident typed is touched: continuing only closes the panel. The panel's count is read out
// by its live region; the list itself is not, so a screen reader hears one sentence, not all.

import { pageLanguage } from "../lib/config.js";
import { debounce, el } from "../lib/dom.js";
import { formatDate, gettext, interpolate, ngettext } from "../lib/i18n.js";

function item(result, { onSupport }) {
  const meta = [
    interpolate(gettext("%(metres)s m away"), {
      metres: new Intl.NumberFormat(pageLanguage()).format(result.distance_m),
    }),
    result.status_label,
    interpolate(ngettext("%(count)s support", "%(count)s supports", result.supports), {
      count: result.supports,
    }),
    formatDate(result.created_at),
  ].join(" · ");
  const button = el("button", { type: "button", class: "secondary small" });
  const label = {
    set(text) {
      button.textContent = text;
      // The visible words first, then which one: a screen reader's list of buttons tells them apart.
      button.setAttribute("aria-label", `${text}: ${result.title}`);
    },
  };
  label.set(gettext("Support this instead"));
  if (result.supported) {
    label.set(gettext("You support this"));
    button.setAttribute("aria-disabled", "true");
  }
  button.addEventListener("click", () => {
    if (button.getAttribute("aria-disabled") === "true") return;
    onSupport(result, button, label);
  });
  const title = el("a", { href: result.url, target: "_blank", rel: "noopener" }, result.title);
  return el("li", { class: "nearby-item", "data-id": String(result.id) },
    el("div", { class: "nearby-title" }, title),
    el("p", { class: "meta" }, meta),
    button,
  );
}

/** Watches the theme and the place; shows the panel when something is near. */
export function setupNearby({ form, draft, api }) {
  const panel = form.querySelector("#nearby");
  const list = panel.querySelector("#nearby-list");
  const status = form.querySelector("#nearby-status");
  const heading = panel.querySelector("#nearby-heading");
  const token = form.elements.csrfmiddlewaretoken.value;
  let controller = null;
  let dismissedFor = ""; // the query the resident chose to continue past
  let shownFor = "";

  const hide = () => {
    panel.hidden = true;
    list.replaceChildren();
    shownFor = "";
  };

  const support = async (result, button, label) => {
    button.setAttribute("aria-disabled", "true");
    try {
      const response = await fetch(result.support_url, {
        method: "POST",
        credentials: "same-origin",
        headers: { Accept: "application/json", "Accept-Language": pageLanguage(), "X-CSRFToken": token },
      });
      const body = await response.json().catch(() => ({}));
      if (!response.ok) throw new Error(body.detail ?? Object.values(body).flat()[0] ?? "");
      label.set(gettext("You support this"));
      status.textContent = interpolate(
        gettext("Thank you: your support was added to “%(title)s”. You need not send your own; what you typed is kept if you still want to."),
        { title: result.title },
      );
    } catch (error) {
      button.removeAttribute("aria-disabled");
      status.textContent = error.message || gettext("Supporting failed. Please try again.");
    }
  };

  const check = debounce(async () => {
    const theme = form.elements.theme.value;
    const place = draft.placePoint();
    if (!theme || !place) {
      hide();
      return;
    }
    const query = new URLSearchParams({ theme, lat: place.lat.toFixed(6), lon: place.lon.toFixed(6) });
    const key = query.toString();
    if (key === dismissedFor || key === shownFor) return;
    controller?.abort();
    controller = new AbortController();
    let body;
    try {
      const response = await fetch(`${api}?${key}`, {
        signal: controller.signal,
        headers: { Accept: "application/json", "Accept-Language": pageLanguage() },
      });
      if (!response.ok) return hide(); // the form itself will say what is wrong with the place
      body = await response.json();
    } catch {
      return; // aborted by a newer place, or offline: sending still works
    }
    if (body.results.length === 0) {
      hide();
      return;
    }
    shownFor = key;
    list.replaceChildren(...body.results.map((r) => item(r, { onSupport: support })));
    panel.hidden = false;
    const count = body.results.length;
    const text = interpolate(
      ngettext(
        "Already reported near here: %(count)s contribution on the same theme within %(metres)s m.",
        "Already reported near here: %(count)s contributions on the same theme within %(metres)s m.",
        count,
      ),
      { count, metres: body.distance_m },
    );
    heading.textContent = gettext("Already reported near here");
    status.textContent = text;
  }, 400);

  panel.querySelector("#nearby-continue").addEventListener("click", () => {
    dismissedFor = shownFor;
    hide();
    status.textContent = gettext("Continuing with your own contribution. Everything you typed is kept.");
    form.querySelector("#submit-contribution").focus();
  });
  form.elements.theme.addEventListener("change", check);
  form.addEventListener("place-change", check);
}
