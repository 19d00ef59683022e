"""The OpenAPI 3.0 definition of the OGC API - Features door (served at /features/api), which
GIS clients read for the parameters and the largest page."""

from engagement.interop.ogc.params import CRS_SRID, DEFAULT_LIMIT, MAX_LIMIT

OPENAPI = "application/vnd.oai.openapi+json;version=3.0"


def _param(name: str, schema: dict, description: str, where: str = "query", **extra) -> dict:
    return {"name": name, "in": where, "schema": schema, "description": description, **extra}


def _json(description: str, media: str = "application/json") -> dict:
    return {"description": description, "content": {media: {"schema": {"type": "object"}}}}


def definition(*, root: str, title: str) -> dict:
    collection_id = _param(
        "collectionId", {"type": "string"}, "Collection id.", "path", required=True
    )
    crs = _param("crs", {"type": "string", "enum": list(CRS_SRID)}, "CRS of the answer.")
    errors = {"400": _json("A bad parameter."), "404": _json("No such collection or feature.")}
    items_params = [
        collection_id,
        _param(
            "limit",
            {"type": "integer", "minimum": 1, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT},
            "Features per page; a larger number gives the maximum.",
            style="form",
            explode=False,
        ),
        _param("offset", {"type": "integer", "minimum": 0, "default": 0}, "Features skipped."),
        _param(
            "bbox",
            {"type": "array", "minItems": 4, "maxItems": 6, "items": {"type": "number"}},
            "Lower left and upper right corners, in bbox-crs (CRS84 by default).",
            style="form",
            explode=False,
        ),
        _param("bbox-crs", {"type": "string", "enum": list(CRS_SRID)}, "CRS of bbox."),
        _param("datetime", {"type": "string"}, "An RFC 3339 instant or interval (../ open)."),
        crs,
    ]
    return {
        "openapi": "3.0.3",
        "info": {"title": title, "version": "1.0"},
        "servers": [{"url": root}],
        "paths": {
            "/": {"get": {"operationId": "landing", "responses": {"200": _json("Landing page.")}}},
            "/conformance": {
                "get": {"operationId": "conformance", "responses": {"200": _json("Classes.")}}
            },
            "/collections": {
                "get": {"operationId": "collections", "responses": {"200": _json("Collections.")}}
            },
            "/collections/{collectionId}": {
                "get": {
                    "operationId": "collection",
                    "parameters": [collection_id],
                    "responses": {"200": _json("A collection."), **errors},
                }
            },
            "/collections/{collectionId}/items": {
                "get": {
                    "operationId": "items",
                    "parameters": items_params,
                    "responses": {
                        "200": _json("Features.", "application/geo+json"),
                        **errors,
                    },
                }
            },
            "/collections/{collectionId}/items/{featureId}": {
                "get": {
                    "operationId": "item",
                    "parameters": [
                        collection_id,
                        _param(
                            "featureId", {"type": "string"}, "Feature id.", "path", required=True
                        ),
                        crs,
                    ],
                    "responses": {"200": _json("A feature.", "application/geo+json"), **errors},
                }
            },
        },
    }
