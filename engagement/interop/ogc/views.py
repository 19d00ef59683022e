"""The OGC API - Features door under /features/ (Part 1 Core and GeoJSON, Part 2 CRS;
decision 0042): it parses, reads one selector and answers JSON, the landing page also HTML."""

import json
from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from engagement.interop.ogc.openapi import OPENAPI, definition
from engagement.interop.ogc.params import (
    CRS84,
    CRS_SRID,
    BadParameter,
    crs_param,
    items_query,
    unknown_params,
)
from engagement.interop.ogc.registry import collection_by_id, collections_all
from engagement.interop.ogc.selectors import collection_extent, collection_item, collection_items

GEOJSON = "application/geo+json"
JSON = "application/json"
HTML = "text/html"
CONFORMANCE = [
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
    "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
    "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
]
TITLE = "Yhdessä: OGC API - Features"


def _error(status: int, code: str, description: str) -> JsonResponse:
    return JsonResponse({"code": code, "description": description}, status=status)


def _bad(error: BadParameter) -> JsonResponse:
    return _error(400, "InvalidParameterValue", str(error))


def _not_found() -> JsonResponse:
    return _error(404, "NotFound", _("There is no such collection or feature."))


def _root(request: HttpRequest) -> str:
    return request.build_absolute_uri("/features")


def _wants_html(request: HttpRequest) -> bool:
    f = request.GET.get("f")
    if f is not None:
        if f not in ("json", "html"):
            raise BadParameter(_("f must be json or html."))
        return f == "html"
    accept = request.headers.get("Accept", "")
    return HTML in accept and "json" not in accept.split(HTML)[0]


def _json_only(request: HttpRequest, allowed: set[str]) -> None:
    unknown_params(request.GET, allowed)
    if request.GET.get("f", "json") != "json":
        raise BadParameter(_("This resource is offered only as JSON (f=json)."))


@require_safe
def landing(request: HttpRequest) -> HttpResponse:
    try:
        unknown_params(request.GET, {"f"})
        html = _wants_html(request)
    except BadParameter as error:
        return _bad(error)
    root = _root(request)
    links = [
        {
            "rel": "self",
            "type": HTML if html else JSON,
            "href": f"{root}/?f={'html' if html else 'json'}",
        },
        {
            "rel": "alternate",
            "type": JSON if html else HTML,
            "href": f"{root}/?f={'json' if html else 'html'}",
        },
        {"rel": "service-desc", "type": OPENAPI, "href": f"{root}/api"},
        {
            "rel": "service-doc",
            "type": HTML,
            "href": f"{root}/?f=html",
            "title": _("How to use this API"),
        },
        {"rel": "conformance", "type": JSON, "href": f"{root}/conformance"},
        {"rel": "data", "type": JSON, "href": f"{root}/collections"},
    ]
    title = _("Yhdessä open data: OGC API - Features")
    description = _(
        "The public contributions of each campaign, the areas and the pilots, for GIS clients."
    )
    if html:
        collections = [{"id": c.id, "title": c.title} for c in collections_all()]
        context = {
            "title": title,
            "description": description,
            "root": root,
            "collections": collections,
        }
        return render(request, "engagement/ogc_landing.html", context)
    return JsonResponse({"title": title, "description": description, "links": links})


@require_safe
def api_definition(request: HttpRequest) -> HttpResponse:
    try:
        _json_only(request, {"f"})
    except BadParameter as error:
        return _bad(error)
    response = JsonResponse(definition(root=_root(request), title=TITLE))
    response["Content-Type"] = OPENAPI
    return response


@require_safe
def conformance(request: HttpRequest) -> HttpResponse:
    try:
        _json_only(request, {"f"})
    except BadParameter as error:
        return _bad(error)
    return JsonResponse({"conformsTo": CONFORMANCE})


def _collection_json(collection, root: str) -> dict:
    href = f"{root}/collections/{collection.id}"
    return {
        "id": collection.id,
        "title": collection.title,
        "description": collection.description,
        "keywords": list(collection.keywords),
        "itemType": "feature",
        "extent": collection_extent(collection=collection),
        "crs": list(CRS_SRID),
        "storageCrs": CRS84,
        "links": [
            {"rel": "self", "type": JSON, "href": href},
            {"rel": "items", "type": GEOJSON, "href": f"{href}/items"},
        ],
    }


@require_safe
def collection_list(request: HttpRequest) -> HttpResponse:
    try:
        _json_only(request, {"f"})
    except BadParameter as error:
        return _bad(error)
    root = _root(request)
    return JsonResponse(
        {
            "links": [{"rel": "self", "type": JSON, "href": f"{root}/collections"}],
            "crs": list(CRS_SRID),
            "collections": [_collection_json(c, root) for c in collections_all()],
        }
    )


@require_safe
def collection_detail(request: HttpRequest, collection_id: str) -> HttpResponse:
    collection = collection_by_id(collection_id)
    if collection is None:
        return _not_found()
    try:
        _json_only(request, {"f"})
    except BadParameter as error:
        return _bad(error)
    return JsonResponse(_collection_json(collection, _root(request)))


def _geojson(text: str, crs: str) -> HttpResponse:
    response = HttpResponse(text, content_type=GEOJSON)
    response["Content-Crs"] = f"<{crs}>"
    return response


@require_safe
def items(request: HttpRequest, collection_id: str) -> HttpResponse:
    collection = collection_by_id(collection_id)
    if collection is None:
        return _not_found()
    try:
        query = items_query(request.GET)
        _json_only(request, set(request.GET))
    except BadParameter as error:
        return _bad(error)
    site = request.build_absolute_uri("/")
    features, matched = collection_items(collection=collection, query=query, site=site)
    href = f"{_root(request)}/collections/{collection.id}/items"

    def link(rel: str, offset: int | None = None, **extra) -> dict:
        params = request.GET.copy()
        params.pop("f", None)
        if offset is not None:
            params["offset"] = str(offset)
        params["limit"] = str(query.limit)
        return {
            "rel": rel,
            "type": GEOJSON,
            "href": f"{href}?{urlencode(list(params.items()))}",
            **extra,
        }

    links = [link("self", query.offset)]
    if query.offset + len(features) < matched:
        links.append(link("next", query.offset + query.limit))
    if query.offset > 0:
        links.append(link("prev", max(0, query.offset - query.limit)))
    links.append(
        {"rel": "collection", "type": JSON, "href": f"{_root(request)}/collections/{collection.id}"}
    )
    timestamp = timezone.now().replace(microsecond=0).isoformat().replace("+00:00", "Z")
    text = (
        f'{{"type":"FeatureCollection","timeStamp":"{timestamp}",'
        f'"numberMatched":{matched},"numberReturned":{len(features)},'
        f'"links":{json.dumps(links)},"features":[{",".join(features)}]}}'
    )
    return _geojson(text, query.crs)


@require_safe
def item(request: HttpRequest, collection_id: str, feature_id: str) -> HttpResponse:
    collection = collection_by_id(collection_id)
    if collection is None:
        return _not_found()
    try:
        _json_only(request, {"f", "crs"})
        crs = crs_param(request.GET)
    except BadParameter as error:
        return _bad(error)
    feature = collection_item(
        collection=collection, pk=feature_id, crs=crs, site=request.build_absolute_uri("/")
    )
    if feature is None:
        return _not_found()
    href = f"{_root(request)}/collections/{collection.id}"
    links = [
        {"rel": "self", "type": GEOJSON, "href": f"{href}/items/{feature_id}"},
        {"rel": "collection", "type": JSON, "href": href},
    ]
    return _geojson(f'{feature[:-1]},"links":{json.dumps(links)}}}', crs)
