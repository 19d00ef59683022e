"""API keys for integrations: `Authorization: Api-Key <key>` on the REST API."""

from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions
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
            "description": "`Api-Key <key>`; keys are made and revoked in the admin.",
        }
