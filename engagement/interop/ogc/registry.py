"""The collections of the OGC API - Features door (decision 0042): engagement offers the
contributions of each campaign and the areas; apps above it (the toolkit's pilots) register
their own collections here at start-up, as they register panels (decision 0009)."""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Expression, Q, QuerySet


@dataclass(frozen=True)
class Collection:
    """One collection: its public rows, the geometry the public may see (SRID 4326), its
    properties (expressions given the site's absolute root URL) and its time, if any."""

    id: str
    title: str
    description: str
    rows: Callable[[], QuerySet]
    geometry: Expression | str
    properties: Callable[[str], dict[str, Expression]]
    # The bbox test against the public geometry, given a polygon in SRID 4326.
    intersects: Callable[[object], Q]
    # (start field, end field) of each row's time; the same field twice for an instant.
    temporal: tuple[str, str] | None = None
    keywords: tuple[str, ...] = field(default_factory=tuple)


_sources: list[Callable[[], list[Collection]]] = []


def register_collections(source: Callable[[], list[Collection]]) -> None:
    """Add a function giving collections (read on every request, so new campaigns appear)."""
    if source not in _sources:
        _sources.append(source)


def collections_all() -> list[Collection]:
    """Every registered collection, in registration order."""
    return [collection for source in _sources for collection in source()]


def collection_by_id(collection_id: str) -> Collection | None:
    return next((c for c in collections_all() if c.id == collection_id), None)
