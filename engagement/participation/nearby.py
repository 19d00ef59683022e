""" "Already reported near here": what a resident sees before sending (docs/decisions/0031).

Only what the public may see anyway: published contributions, at their public location (the
centre of the 100 m privacy cell unless the author chose the exact point), never a pending,
hidden, withdrawn or merged one and never a blurred one's exact place. The distance is measured
from the resident's own place, which is theirs to know, to that public location, and is rounded
to 10 m: finer would say more about a blurred point than the map does.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Exists, OuterRef, Value

from engagement.models import Campaign, Participant, Support, Theme
from engagement.participation.selectors import contribution_public_location, contributions_public
from geo.selectors import MetresBetween, WithinMetres

NEARBY_MAX = 5
ROUND_TO_METRES = 10


@dataclass(frozen=True)
class Nearby:
    id: int
    title: str
    kind: str
    status: str
    supports: int
    created_at: datetime
    distance_m: int
    supported: bool
    location: GEOSGeometry


def contributions_reported_nearby(
    *,
    campaign: Campaign,
    theme: Theme,
    place: GEOSGeometry,
    participant: Participant | None = None,
    limit: int = NEARBY_MAX,
) -> list[Nearby]:
    """Published contributions of the theme whose public location lies within the campaign's
    distance of `place`, nearest first, with whether this participant supports each."""
    here = Value(place, output_field=GeometryField(srid=4326))
    public = contribution_public_location()
    supported = (
        Exists(Support.objects.filter(contribution=OuterRef("pk"), participant=participant))
        if participant is not None
        else Value(False)
    )
    rows = (
        contributions_public(campaign=campaign)
        .filter(theme=theme, duplicate_of=None)
        .annotate(public_location=public)
        .filter(WithinMetres(public, here, Value(campaign.duplicate_distance_m)))
        .annotate(distance_m=MetresBetween(public, here), supported=supported)
        .order_by("distance_m", "-supports_count", "pk")[:limit]
    )
    return [
        Nearby(
            id=row.pk,
            title=row.title,
            kind=row.kind,
            status=row.status,
            supports=row.supports_count,
            created_at=row.created_at,
            distance_m=int(round(row.distance_m / ROUND_TO_METRES) * ROUND_TO_METRES),
            supported=bool(row.supported),
            location=row.public_location,
        )
        for row in rows
    ]
