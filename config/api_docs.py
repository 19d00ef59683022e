"""The API's documentation page: a text for people above Swagger UI, which renders the OpenAPI
schema of `/api/v1/schema/` from the files of drf-spectacular-sidecar (no CDN). Swagger UI is
started by a static script, as every script of the site, so the page runs under the site's
Content-Security-Policy unchanged (docs/decisions/0045-api-documentation-page.md)."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse


def api_docs(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "api_docs.html",
        {
            "schema_url": f"{reverse('api-schema')}?format=json",
            "open311_url": reverse("open311:discovery", kwargs={"fmt": "json"}),
            "exports": {fmt: reverse(f"contributions-{fmt}") for fmt in ("csv", "geojson", "gpkg")},
        },
    )
