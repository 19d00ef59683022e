"""Examples of the API's common calls, shown on /api/v1/docs/ (decision 0045).
The errors' examples are written with the errors, by engagement/common/schema.py."""

from drf_spectacular.utils import OpenApiExample

from engagement.common.api import GEOJSON

FEATURE = {
    "type": "Feature",
    "id": 42,
    "geometry": {"type": "Point", "coordinates": [23.6305, 61.5012]},
    "properties": {
        "title": "Benches along the forest path",
        "excerpt": "A place to rest halfway to Länsikeskus.",
        "kind": "idea",
        "theme": "green",
        "theme_name": "Green and recreation",
        "color": "#2e7d32",
        "status": "received",
        "moderation": "published",
        "supports": 3,
        "comments": 1,
        "place": "near Länsikeskus, Tesoma",
        "created_at": "2026-11-02T09:14:00+02:00",
        "url": "/contributions/42/",
    },
}

CONTRIBUTIONS_LIST = [
    OpenApiExample(
        "A campaign's contributions in a box",
        summary="GET /api/v1/contributions/?campaign=tesoma-together&bbox=23.60,61.49,23.67,61.52",
        value={
            "type": "FeatureCollection",
            "numberMatched": 1,
            "numberReturned": 1,
            "links": [],
            "features": [FEATURE],
        },
        response_only=True,
        status_codes=["200"],
        media_type=GEOJSON,
    ),
]
CONTRIBUTION_DETAIL = [
    OpenApiExample(
        "One contribution",
        value=FEATURE,
        response_only=True,
        status_codes=["200"],
        media_type=GEOJSON,
    ),
]
CONTRIBUTION_POST = [
    OpenApiExample(
        "A point, as JSON",
        value={
            "campaign": "tesoma-together",
            "kind": "idea",
            "theme": "green",
            "title": "Benches along the forest path",
            "body": "A place to rest halfway to Länsikeskus.",
            "geometry": {"type": "Point", "coordinates": [23.6305, 61.5012]},
            "exact_location_public": False,
            "idempotency_key": "9f1c2e34-5b6a-4c7d-8e9f-0a1b2c3d4e5f",
        },
        request_only=True,
    ),
    OpenApiExample(
        "Created", value=FEATURE, response_only=True, status_codes=["201"], media_type=GEOJSON
    ),
]
SUPPORT = [
    OpenApiExample(
        "Supported",
        value={"supported": True, "supports": 4},
        response_only=True,
        status_codes=["200"],
    ),
]
