"""Reads of the OGC API - Features door: a collection's extent, a page of its features and one
feature, each Feature written by PostGIS as JSON text in the asked CRS."""

from datetime import date

from django.contrib.gis.db.models import Extent
from django.contrib.gis.db.models.functions import AsGeoJSON, Transform
from django.db.models import DateTimeField, F, JSONField, Max, Min, Q, QuerySet, TextField, Value
from django.db.models.functions import Cast, JSONObject

from engagement.interop.ogc.params import CRS84, CRS_PRECISION, CRS_SRID, ItemsQuery
from engagement.interop.ogc.registry import Collection


def collection_extent(*, collection: Collection) -> dict:
    """The collection's spatial extent (CRS84) and temporal extent of its public rows."""
    aggregates = {"box": Extent("public_geometry")}
    if collection.temporal:
        aggregates["first"] = Min(collection.temporal[0])
        aggregates["last"] = Max(collection.temporal[1])
    row = collection.rows().annotate(public_geometry=collection.geometry).aggregate(**aggregates)
    box = list(row["box"]) if row["box"] else [-180.0, -90.0, 180.0, 90.0]
    extent = {"spatial": {"bbox": [box], "crs": CRS84}}
    if collection.temporal:
        extent["temporal"] = {
            "interval": [[_iso(row["first"]), _iso(row["last"])]],
            "trs": "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian",
        }
    return extent


def _iso(value) -> str | None:
    if value is None:
        return None
    if isinstance(value, date) and not hasattr(value, "hour"):
        return f"{value.isoformat()}T00:00:00Z"
    return value.isoformat().replace("+00:00", "Z")


def _temporal_q(collection: Collection, query: ItemsQuery) -> Q:
    start_field, end_field = collection.temporal
    model = collection.rows().model
    q = Q()
    for name, bound, lookup in ((end_field, query.start, "gte"), (start_field, query.end, "lte")):
        if bound is None:
            continue
        if not isinstance(model._meta.get_field(name), DateTimeField):
            bound = bound.date()
        q &= Q(**{f"{name}__{lookup}": bound})
    return q


def _matching(collection: Collection, query: ItemsQuery) -> QuerySet:
    rows = collection.rows()
    if query.box is not None:
        rows = rows.filter(collection.intersects(query.box))
    if query.timed and collection.temporal:
        rows = rows.filter(_temporal_q(collection, query))
    return rows


def _feature_texts(collection: Collection, rows: QuerySet, crs: str, site: str) -> list[str]:
    geometry = collection.geometry
    if CRS_SRID[crs] != 4326:
        geometry = Transform(geometry, CRS_SRID[crs])
    feature = JSONObject(
        type=Value("Feature"),
        id=F("pk"),
        geometry=Cast(AsGeoJSON(geometry, precision=CRS_PRECISION[crs]), output_field=JSONField()),
        properties=JSONObject(**collection.properties(site)),
    )
    return list(
        rows.annotate(feature=Cast(feature, output_field=TextField())).values_list(
            "feature", flat=True
        )
    )


def collection_items(
    *, collection: Collection, query: ItemsQuery, site: str
) -> tuple[list[str], int]:
    """One page of the matching features, by id, and the number matched."""
    rows = _matching(collection, query).order_by("pk")
    matched = rows.count()
    page = rows[query.offset : query.offset + query.limit]
    return _feature_texts(collection, page, query.crs, site), matched


def collection_item(*, collection: Collection, pk: str, crs: str, site: str) -> str | None:
    """One public feature as JSON text; None when there is no such public one."""
    if not pk.isdigit() or len(pk) > 18:
        return None
    texts = _feature_texts(collection, collection.rows().filter(pk=int(pk)), crs, site)
    return texts[0] if texts else None
