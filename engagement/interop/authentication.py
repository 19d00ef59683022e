"""How the REST API knows who writes: API keys for integrations (`Authorization: Api-Key
<key>`), and the browser's cookies (the session, the anonymous participant cookie) only for
requests that come from this site's own pages."""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.http import is_same_domain
from django.utils.translation import gettext as _
from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
from rest_framework.permissions import SAFE_METHODS
from rest_framework.request import Request

from engagement.interop.services import api_key_check

KEYWORD = "Api-Key"


def api_key_from_header(header: str) -> str | None:
    """The key in an `Authorization: Api-Key <key>` header, or None for any other header."""
    parts = header.split()
    if len(parts) == 2 and parts[0] == KEYWORD:
        return parts[1]
    return None


class ApiKeyAuthentication(authentication.BaseAuthentication):
    """Refuses unknown and revoked keys; a valid key's writes belong to its participant
    (ParticipantMiddleware resolves it) and are not rate-limited like anonymous browsers."""

    def authenticate(self, request: Request):
        key = api_key_from_header(request.META.get("HTTP_AUTHORIZATION", ""))
        if key is None:
            return None
        api_key = api_key_check(key=key)
        if api_key is None:
            raise exceptions.AuthenticationFailed(_("Unknown or revoked API key."))
        return AnonymousUser(), api_key

    def authenticate_header(self, request: Request) -> str:
        return KEYWORD


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "engagement.interop.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema) -> dict:
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "`Api-Key <key>`; an organisation's members make and revoke its keys on the "
                "site's API keys page (/api-keys/), administrators in the admin too."
            ),
        }


def _origin_trusted(request: Request, origin: str) -> bool:
    """This site's own origin (scheme and host of the request), or one in CSRF_TRUSTED_ORIGINS
    ("https://*.example.fi" allows its subdomains), as Django's CSRF check decides."""
    if origin == f"{request.scheme}://{request.get_host()}":
        return True
    if origin in settings.CSRF_TRUSTED_ORIGINS:
        return True
    parsed = urlsplit(origin)
    for trusted in settings.CSRF_TRUSTED_ORIGINS:
        if "*" in trusted:
            wanted = urlsplit(trusted)
            if parsed.scheme == wanted.scheme and is_same_domain(
                parsed.netloc, wanted.netloc.lstrip("*")
            ):
                return True
    return False


def cross_site_write(request: Request) -> bool:
    """True for a write a browser sent from another site's page. A browser names the page's
    origin in `Origin` on every POST, PUT, PATCH and DELETE (`null` from a sandboxed or
    privacy-stripped context, which is refused too); without one, an https request must name
    this site in `Referer`, as Django's CSRF check asks. A client that is not a browser sends
    neither over plain http (development, tests) and is let through: no page can make a
    browser do that, and rate limits bound it."""
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        return not _origin_trusted(request, origin)
    if not request.is_secure():
        return False
    referer = urlsplit(request.META.get("HTTP_REFERER", ""))
    if not referer.scheme or not referer.netloc:
        return True
    return not _origin_trusted(request, f"{referer.scheme}://{referer.netloc}")


class SameOriginSessionAuthentication(authentication.SessionAuthentication):
    """DRF's session authentication, which checks CSRF for signed-in users only, plus an
    origin check for every write that a browser's cookies may carry: the anonymous participant
    cookie is as much a credential as the session (decision 0013). A write with an API key
    carries no cookie authority and is left to ApiKeyAuthentication."""

    def authenticate(self, request: Request):
        if (
            request.method not in SAFE_METHODS
            and api_key_from_header(request.META.get("HTTP_AUTHORIZATION", "")) is None
            and cross_site_write(request)
        ):
            raise exceptions.PermissionDenied(
                _("This request came from another website. Send it from this site's own pages.")
            )
        return super().authenticate(request)


class SameOriginSessionScheme(SessionScheme):
    """Describes the session cookie in the API schema, as for DRF's own session class."""

    target_class = "engagement.interop.authentication.SameOriginSessionAuthentication"
