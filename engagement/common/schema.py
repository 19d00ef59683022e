"""The API's client errors in its OpenAPI schema: every operation lists each 4xx it can answer,
with the shape `exception_handler`, `refusal_response` and the JSON doors of config return.

A postprocessing hook of drf-spectacular (SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]), so a
new view needs no declaration of its own; `tests/test_api_schema_fuzz.py` checks the schema
against the answers. See docs/decisions/0014-input-limits-and-error-schema.md.
"""

from typing import Any

WRITE_METHODS = {"post", "put", "patch", "delete"}

ERROR = {
    "type": "object",
    "description": "A request refused as a whole, with the reason in the request's language.",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
REFUSAL = {
    "type": "object",
    "description": (
        "Input refused, with messages in the request's language: a list of messages per "
        "field (the field's name as key; an object keyed by position or by sub-field for a "
        "list or an object), general ones under non_field_errors, or one `detail` when the "
        "request could not be read at all (not JSON, nested too deeply, a NUL character)."
    ),
    "properties": {
        "detail": {"type": "string"},
        "non_field_errors": {"type": "array", "items": {"type": "string"}},
    },
    "additionalProperties": {
        "anyOf": [
            {"type": "array", "items": {"type": "string"}},
            {"type": "object"},
            {"type": "string"},
        ]
    },
}
RETRY_AFTER = {
    "Retry-After": {
        "description": "Seconds until the limit allows another request.",
        "schema": {"type": "integer", "minimum": 0},
    }
}
# What each status means, and whether it carries field messages (Refusal) or a reason (Error).
STATUSES = {
    "400": ("Refusal", "The input or the request could not be accepted."),
    "403": ("Error", "Not allowed: sign in, use a valid API key, or lack of permission."),
    "404": ("Error", "No such object, or not visible to the caller."),
    "406": ("Error", "None of the media types in Accept can be answered."),
    # A Refusal: the photos of a request over MAX_UPLOAD_BYTES_PER_REQUEST are refused under
    # their field, like any other input (engagement.participation.photos.photos_check).
    "413": (
        "Refusal",
        "The request body, or its uploaded files, are larger than the site accepts.",
    ),
    "415": ("Error", "The request body's media type is not one the operation takes."),
    "429": ("Refusal", "Too many requests: a rate limit; Retry-After says when to try again."),
}

# One example of each error's body, shown on /api/v1/docs/ (decision 0045).
EXAMPLES = {
    "400": {"title": ["Write at least 3 characters."], "non_field_errors": []},
    "403": {"detail": "You do not have permission to perform this action."},
    "404": {"detail": "Not found."},
    "406": {"detail": "Could not satisfy the request Accept header."},
    "413": {"photos": ["The photos together are larger than 30 MB."]},
    "415": {"detail": 'Unsupported media type "text/plain" in request.'},
    "429": {"detail": "You have sent a lot in a short time. Try again in a while."},
}


def _statuses(path: str, method: str, operation: dict) -> list[str]:
    """The client errors an operation can answer: any may be refused (400: NUL in the query,
    a bad parameter), forbidden (403: a CSRF failure, an unknown API key, a permission) or not
    acceptable (406); with a path parameter the object may be missing (404); a write may be
    too large (413) and rate-limited (429); a body may be of a media type it does not take
    (415)."""
    statuses = ["400", "403", "406"]
    if "{" in path:
        statuses.append("404")
    if method in WRITE_METHODS:
        statuses += ["413", "429"]
    if "requestBody" in operation:
        statuses.append("415")
    return sorted(statuses)


def _media_types(operations: dict) -> list[str]:
    """JSON, and any other media type a success answer at the path uses (GeoJSON): DRF renders
    an error in the media type it negotiated (`?format=geojson`), also for an operation, like
    a DELETE, whose own success has no body; one view serves a path, with one set of
    renderers."""
    types = {"application/json"}
    for operation in operations.values():
        for code, response in operation.get("responses", {}).items():
            if str(code).startswith("2"):
                types.update(response.get("content", {}))
    return sorted(types)


def error_responses(result: dict, generator: Any, request: Any, public: bool) -> dict:
    """drf-spectacular postprocessing hook: the error components, and each operation's client
    errors referring to them (replacing any looser declaration of a view)."""
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    schemas["Error"] = ERROR
    schemas["Refusal"] = REFUSAL
    for path, operations in result.get("paths", {}).items():
        media_types = _media_types(operations)
        for method, operation in operations.items():
            if method not in {"get", "head", "options", *WRITE_METHODS}:
                continue
            responses = operation.setdefault("responses", {})
            for code in _statuses(path, method, operation):
                component, description = STATUSES[code]
                schema = {"$ref": f"#/components/schemas/{component}"}
                responses[code] = {
                    "description": description,
                    "content": {
                        media: {"schema": schema, "example": EXAMPLES[code]}
                        for media in media_types
                    },
                }
                if code == "429":
                    responses[code]["headers"] = RETRY_AFTER
    return result
