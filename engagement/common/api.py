"""API pieces every context uses: GeoJSON responses, the bounded JSON parser, and a service's
refusal (or any other client error) as a JSON answer."""

from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    RequestDataTooBig,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from rest_framework import parsers, status
from rest_framework.exceptions import APIException, NotAcceptable, ParseError
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import exception_handler as drf_exception_handler
from rest_framework.views import set_rollback

from geo.geojson import JSONInputError, json_loads_bounded

GEOJSON = "application/geo+json"


class GeoJSONRenderer(JSONRenderer):
    """Lets clients ask for application/geo+json; errors still render as JSON."""

    media_type = GEOJSON
    format = "geojson"


class RequestTooLarge(APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "too_large"


def request_too_large_message() -> str:
    """The refusal of a body over DATA_UPLOAD_MAX_MEMORY_SIZE, naming the limit."""
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE or 0
    return _("The request is too large: at most %(size)s.") % {"size": filesizeformat(limit)}


class JSONParser(parsers.JSONParser):
    """DRF's JSON parser within bounds (REST_FRAMEWORK["DEFAULT_PARSER_CLASSES"]): a body over
    DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 (DRF reads the stream itself, past Django's check);
    one nested too deeply, not decodable, with NaN or infinities, or not JSON is a 400 whose
    message is translated. The standard parser raised RecursionError (a 500) on deep nesting."""

    def parse(self, stream, media_type=None, parser_context=None):
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        body = stream.read() if limit is None else stream.read(limit + 1)
        if limit is not None and len(body) > limit:
            raise RequestTooLarge(request_too_large_message())
        encoding = parsers.get_encoding(parser_context or {})
        try:
            return json_loads_bounded(body, encoding=encoding)
        except JSONInputError as error:
            raise ParseError(str(error)) from None


class ContentNegotiation(DefaultContentNegotiation):
    """DRF's negotiation, except that an unknown `?format=` is a 406 naming the formats there
    are (REST_FRAMEWORK["DEFAULT_CONTENT_NEGOTIATION_CLASS"]); DRF answered it with a 404, as
    if the object were missing."""

    def filter_renderers(self, renderers, wanted):
        matching = [renderer for renderer in renderers if renderer.format == wanted]
        if not matching:
            raise NotAcceptable(
                _("There is no format “%(format)s” here; choose one of: %(formats)s.")
                % {"format": wanted, "formats": ", ".join(r.format for r in renderers)}
            )
        return matching


def refusal_response(
    error: DjangoValidationError, rename: dict[str, str] | None = None
) -> Response:
    """A service's refusal as DRF words it: messages per field, general ones under
    non_field_errors; 429 with Retry-After when the refusal is a rate limit, 413 when the
    request's uploads are over their cap (MAX_UPLOAD_BYTES_PER_REQUEST), else 400."""
    names = {NON_FIELD_ERRORS: api_settings.NON_FIELD_ERRORS_KEY, **(rename or {})}
    body = {names.get(field, field): messages for field, messages in error.message_dict.items()}
    by_field = (
        error.error_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.error_list}
    )
    limits = [e for errors in by_field.values() for e in errors if e.code == "rate_limited"]
    if not limits:
        too_large = any(
            e.code == "upload_too_large" for errors in by_field.values() for e in errors
        )
        if too_large:
            return Response(body, status=status.HTTP_413_REQUEST_ENTITY_TOO_LARGE)
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
    if isinstance(exc, RequestDataTooBig):
        exc = RequestTooLarge(request_too_large_message())
    elif isinstance(exc, TooManyFieldsSent | TooManyFilesSent):
        exc = ParseError(_("The request has too many fields or files."))
    return drf_exception_handler(exc, context)


def _geojson_response(text: str, status_code: int = 200, **headers: str) -> HttpResponse:
    response = HttpResponse(text, content_type=GEOJSON, status=status_code)
    for key, value in headers.items():
        response[key] = value
    return response
