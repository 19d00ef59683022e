"""The site's URLs and a minimal view: the yardstick for a cached tile (benchmarks/tiles.py)."""

from django.http import HttpRequest, HttpResponse
from django.urls import path

from config.urls import urlpatterns as site


def minimal(request: HttpRequest) -> HttpResponse:
    """Nothing but a response: what the middleware alone costs."""
    return HttpResponse(b"ok", content_type="text/plain")


urlpatterns = [path("bench/minimal", minimal), *site]
