"""Root URLs: pages under language prefixes (Finnish unprefixed), API and health outside them."""

from django.apps import apps
from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.db import connection
from django.db.utils import DatabaseError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.urls import include, path, re_path
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control
from django.views.decorators.http import last_modified
from django.views.defaults import bad_request as django_bad_request
from django.views.defaults import page_not_found
from django.views.defaults import server_error as django_server_error
from django.views.i18n import JavaScriptCatalog
from drf_spectacular.views import SpectacularAPIView

from config.api_docs import api_docs
from config.media import media_serve
from engagement.common.api import request_too_large_message
from engagement.interop.ogc.views import landing as ogc_landing
from engagement.participation.api import contribution_tile
from engagement.participation.offline import service_worker
from geo.basemap.views import basemap_file


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
    # The campaign pages' service worker, at the root so that its scope covers every
    # language's pages (engagement/participation/offline.py, decision 0046).
    path("sw.js", service_worker, name="service-worker"),
    path("api/v1/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/v1/pilots/", include("toolkit.pilots.api_urls")),
    path("api/v1/places/", include("geo.api_urls")),
    path("api/v1/", include("engagement.api_urls")),
    path("open311/v2/", include("engagement.interop.open311.urls")),
    # OGC API - Features (decision 0042): the landing page answers with and without the slash.
    path("features", ogc_landing, name="ogc-landing"),
    path("features/", include("engagement.interop.ogc.urls")),
    path(
        "tiles/contributions/<int:z>/<int:x>/<int:y>.mvt",
        contribution_tile,
        name="contribution-tile",
    ),
    # The self-hosted vector base map, in byte ranges (geo/basemap/views.py, decision 0023).
    path("basemap/<str:name>.pmtiles", basemap_file, name="basemap-file"),
]

# Uploaded files, each only to whoever may see it (config/media.py); with
# MEDIA_ACCEL_REDIRECT_PREFIX set, nginx sends the bytes after the check.
urlpatterns.append(
    re_path(rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.+)$", media_serve, name="media")
)

urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("jsi18n/", javascript_catalog, name="javascript-catalog"),
    path("exports/", include("engagement.interop.exports.urls")),
    # The API's documentation for people, in each language (config/api_docs.py, decision 0045).
    path("api/v1/docs/", api_docs, name="api-docs"),
    path("", include("toolkit.urls")),
    path("", include("engagement.urls")),
    prefix_default_language=False,
)

# After the pages, so that reverse() names these: the staff sign-in and its callback have one
# address in every language, the one registered at the city's identity provider (decision 0035);
# the language the sign-in began in travels in its state.
if apps.is_installed("allauth.socialaccount.providers.openid_connect"):
    urlpatterns.append(
        path("accounts/", include("allauth.socialaccount.providers.openid_connect.urls"))
    )


MACHINE_PREFIXES = ("/api/", "/tiles/", "/features/", "/basemap/")


def not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Machine doors answer an unknown address in JSON, pages with the site's 404 page."""
    if request.path_info.startswith(MACHINE_PREFIXES):
        return JsonResponse({"detail": _("There is no such address in the API.")}, status=404)
    return page_not_found(request, exception)


handler404 = not_found


def bad_request(request: HttpRequest, exception: Exception) -> HttpResponse:
    """A request Django could not read (a body over DATA_UPLOAD_MAX_MEMORY_SIZE, too many
    fields or files): machine doors answer in JSON, a body too large with 413; pages with the
    site's 400 page."""
    if not request.path_info.startswith(MACHINE_PREFIXES):
        return django_bad_request(request, exception)
    if isinstance(exception, RequestDataTooBig):
        return JsonResponse({"detail": request_too_large_message()}, status=413)
    if isinstance(exception, TooManyFieldsSent | TooManyFilesSent):
        return JsonResponse({"detail": _("The request has too many fields or files.")}, status=400)
    return JsonResponse({"detail": _("The request could not be read.")}, status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    """Machine doors report a server error in JSON, pages with the site's 500 page."""
    if request.path_info.startswith(MACHINE_PREFIXES):
        return JsonResponse({"detail": _("Something went wrong on our side.")}, status=500)
    return django_server_error(request)


handler400 = bad_request
handler500 = server_error
