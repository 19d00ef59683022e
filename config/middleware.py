"""Language selection for URLs outside the language-prefixed pages; refusal of NUL in URLs;
the Permissions-Policy header."""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.middleware.locale import LocaleMiddleware as DjangoLocaleMiddleware
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _

# Machine-facing URLs carry no language prefix; they answer in the Accept-Language of the request.
UNPREFIXED_PREFIXES = ("/api/", "/open311/", "/tiles/", "/basemap/", "/healthz", "/features")


class LocaleMiddleware(DjangoLocaleMiddleware):
    """Django's middleware, except that unprefixed API paths follow Accept-Language.

    With `prefix_default_language=False`, Django treats every unprefixed path as the default
    language (Finnish), which suits pages but would make the API deaf to Accept-Language.
    """

    def process_request(self, request: HttpRequest) -> None:
        if request.path_info.startswith(UNPREFIXED_PREFIXES):
            translation.activate(translation.get_language_from_request(request))
            request.LANGUAGE_CODE = translation.get_language()
            return
        super().process_request(request)


# Machine-facing paths answer in JSON; Open311 in its own error list.
JSON_PREFIXES = ("/api/", "/tiles/", "/features/", "/basemap/")
OPEN311_PREFIX = "/open311/"


def _holds_nul(query: QueryDict) -> bool:
    return any(
        "\x00" in key or any("\x00" in value for value in values) for key, values in query.lists()
    )


class RefuseNulMiddleware:
    """A NUL character in the path or the query string is answered with a 400 before any view.

    PostgreSQL's text cannot hold NUL, so such a value reaching a query raised a DataError (a
    500) in every view that filters by a slug, a search or a code. Browsers never send one;
    form fields refuse it themselves (Django's ProhibitNullCharactersValidator), so nothing a
    person typed is lost.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        params = [request.GET]
        # Machine doors read form posts directly (Open311); pages' forms refuse NUL themselves
        # and keep what was typed.
        if request.path_info.startswith((OPEN311_PREFIX, *JSON_PREFIXES)):
            params.append(request.POST)
        if "\x00" in request.path or any(_holds_nul(query) for query in params):
            return self._refusal(request)
        return self.get_response(request)

    @staticmethod
    def _refusal(request: HttpRequest) -> HttpResponse:
        message = _("The address contains a character that is not allowed (NUL).")
        path = request.path_info
        if path.startswith(OPEN311_PREFIX):
            return JsonResponse([{"code": 400, "description": message}], status=400, safe=False)
        if path.startswith(JSON_PREFIXES) or "/exports/" in path:
            return JsonResponse({"detail": message}, status=400)
        return render(request, "400.html", {"message": message}, status=400)


def permissions_policy_header(policy: dict[str, list[str]]) -> str:
    """`{"geolocation": ["self"], "camera": []}` as `geolocation=(self), camera=()`.

    `self` and `*` are keywords; anything else is an origin and is quoted, as the header's
    structured-field syntax requires.
    """

    def item(source: str) -> str:
        return source if source in ("self", "*") else f'"{source}"'

    return ", ".join(
        f"{feature}=({' '.join(item(source) for source in sources)})"
        for feature, sources in policy.items()
    )


class PermissionsPolicyMiddleware:
    """Adds `Permissions-Policy` from settings.PERMISSIONS_POLICY to every response.

    Placed before WhiteNoise so static files carry it too. A view that sets its own header
    keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.header = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if self.header:
            response.headers.setdefault("Permissions-Policy", self.header)
        return response
