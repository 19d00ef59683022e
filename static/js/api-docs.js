// Starts Swagger UI (drf-spectacular-sidecar's bundle, loaded before this file) on the API
// documentation page, from the schema address the page names. A file, not an inline script,
// so the page needs no 'unsafe-inline' (docs/decisions/0045).
const container = document.getElementById("swagger-ui");
if (container && window.SwaggerUIBundle) {
  window.SwaggerUIBundle({
    url: container.dataset.schemaUrl,
    domNode: container,
    // Without deep links: Swagger UI would put each path's link inside its summary button.
    deepLinking: false,
    // A signed-in session's writes need the page's CSRF token, as the site's own forms send it.
    requestInterceptor: (request) => {
      request.headers["X-CSRFToken"] = container.dataset.csrfToken;
      return request;
    },
    // No call to validator.swagger.io: the badge would fetch from another site.
    validatorUrl: null,
    defaultModelsExpandDepth: 0,
    docExpansion: "list",
    tryItOutEnabled: false,
    // Plain examples: the highlighter's colours on its dark background fall below 4.5:1.
    syntaxHighlight: { activated: false },
    onComplete: () => {
      // Swagger UI wraps the operations in a second <main>, inside the site's own: the same
      // children move into a <div> (React keeps its references to them; main's one child, the
      // row, never changes).
      for (const main of container.querySelectorAll("main")) {
        const div = document.createElement("div");
        div.id = main.id;
        div.append(...main.childNodes);
        main.replaceWith(div);
      }
      labelFields();
      new MutationObserver(labelFields).observe(container, { childList: true, subtree: true });
      container.removeAttribute("aria-busy");
    },
  });
}

// Swagger UI's parameter fields and example lists have no label: each field is named by its
// parameter, each list of examples by the page's word for them.
function labelFields() {
  // Each opened operation's regions (its responses) are named alike: the operation tells them apart.
  for (const block of container.querySelectorAll(".opblock")) {
    const method = block.querySelector(".opblock-summary-method")?.textContent ?? "";
    const path = block.querySelector(".opblock-summary-path")?.textContent ?? "";
    for (const region of block.querySelectorAll("[role=region], section[aria-labelledby]")) {
      if (region.dataset.named) continue;
      const by = region.getAttribute("aria-labelledby");
      const name = region.getAttribute("aria-label") ?? document.getElementById(by)?.textContent;
      region.setAttribute("aria-label", `${name ?? ""} – ${method} ${path}`.trim());
      region.dataset.named = "yes";
    }
  }
  // An example wider than its box scrolls: the keyboard must reach it too.
  for (const code of container.querySelectorAll(".highlight-code > pre, pre.microlight")) {
    if (!code.hasAttribute("tabindex")) code.setAttribute("tabindex", "0");
  }
  for (const select of container.querySelectorAll(".examples-select select")) {
    if (!select.hasAttribute("aria-label")) {
      select.setAttribute("aria-label", container.dataset.examplesLabel);
    }
  }
  for (const row of container.querySelectorAll("tr[data-param-name]")) {
    for (const field of row.querySelectorAll("select, input, textarea")) {
      if (!field.hasAttribute("aria-label")) {
        field.setAttribute("aria-label", row.dataset.paramName);
      }
    }
  }
}
