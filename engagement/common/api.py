"""API pieces every context uses: GeoJSON responses and a service's refusal as a 400."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from rest_framework import status
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

GEOJSON = "application/geo+json"


class GeoJSONRenderer(JSONRenderer):
    """Lets clients ask for application/geo+json; errors still render as JSON."""

    media_type = GEOJSON
    format = "geojson"


def refusal_response(
    error: DjangoValidationError, rename: dict[str, str] | None = None
) -> Response:
    """A service's refusal as DRF words it: messages per field, general ones under
    non_field_errors; 429 with Retry-After when the refusal is a rate limit, else 400."""
    names = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **(rename or {})}
    body = {names.get(field, field): messages for field, messages in error.message_dict.items()}
    by_field = (
        error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.error_list}
    )
    limits = [e for errors in by_field.values() for e in errors if e.code == "rate_limited"]
    if not limits:
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    waits = [(e.params or {}).get("retry_after") for e in limits]
    headers = {"Retry-After": str(max(w for w in waits if w))} if any(waits) else None
    return Response(body, status=status.HTTP_429_TOO_MANY_REQUESTS, headers=headers)


def exception_handler(exc: Exception, context: dict) -> Response | None:
    """REST_FRAMEWORK["EXCEPTION_HANDLER"]: a service's refusal (Django's ValidationError)
    answers like a serializer's, so API views need no try/except around services. A view
    whose parameters are named differently from the service's sets `refusal_field_names`
    ({"parent": "reply_to"})."""
    if isinstance(exc, DjangoValidationError):
        set_rollback()
        rename = getattr(context.get("view"), "refusal_field_names", None)
        return refusal_response(exc, rename)
    return drf_exception_handler(exc, context)


def _geojson_response(text: str, status_code: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(text, content_type=GEOJSON, status=status_code)
    for key, value in headers.items():
        response[key] = value
    return response
