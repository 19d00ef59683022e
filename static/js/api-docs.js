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

// Swagger UI's parameter fields have no label: each is named by its parameter.
function labelFields() {
  for (const row of container.querySelectorAll("tr[data-param-name]")) {
    for (const field of row.querySelectorAll("select, input, textarea")) {
      if (!field.hasAttribute("aria-label")) {
        field.setAttribute("aria-label", row.dataset.paramName);
      }
    }
  }
}
