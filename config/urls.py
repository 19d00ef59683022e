"""Root URLs: pages under language prefixes (Finnish unprefixed), API and health outside them."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path, re_path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import last_modified
from django.views.defaults import page_not_found
from django.views.i18n import JavaScriptCatalog
from django.views.static import serve
from drf_spectacular.views import SpectacularAPIView


def healthz(request: HttpRequest) -> HttpResponse:
    """200 only when the database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except DatabaseError:
        return HttpResponse("database unavailable\n", status=503, content_type="text/plain")
    return HttpResponse("ok\n", content_type="text/plain")


# The scripts' words change only with a deployment (a restart): browsers keep the catalog an
# hour, then ask again and get 304 Not Modified until the next restart.
_CATALOG_DATE = timezone.now()
javascript_catalog = cache_control(public=True, max_age=3600)(
    last_modified(lambda request, **kwargs: _CATALOG_DATE)(JavaScriptCatalog.as_view())
)


urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/pilots/", include("toolkit.pilots.api_urls")),
    path("api/v1/", include("engagement.api_urls")),
    path("open311/v2/", include("engagement.interop.open311.urls")),
]

if settings.SERVE_MEDIA:
    # Uploaded photos from MEDIA_ROOT; in production a web server or object storage serves them.
    urlpatterns.append(
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    )

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("jsi18n/", javascript_catalog, name="javascript-catalog"),
    path("exports/", include("engagement.interop.exports.urls")),
    path("", include("toolkit.urls")),
    path("", include("engagement.urls")),
    prefix_default_language=False,
)


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Machine doors answer an unknown address in JSON, pages with the site's 404 page."""
    if request.path_info.startswith(("/api/", "/tiles/", "/features/")):
        return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)
    return page_not_found(request, exception)


handler404 = not_found
