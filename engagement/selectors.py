"""Reads of the engagement context: what the public may see, and GeoJSON written by PostGIS."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.db.models.functions import AsGeoJSON
from django.contrib.gis.geos import Polygon
from django.db.models import F, JSONField, QuerySet, TextField, Value
from django.db.models.functions import Cast, Coalesce, Concat, JSONObject, Left
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language

from geo.models import Area
from geo.selectors import area_with_descendant_ids

from .models import Campaign, Contribution

EXCERPT_LENGTH = 200


def campaign_default() -> Campaign | None:
    """The campaign shown at `/`: the configured one, else the newest open one."""
    campaign = Campaign.objects.filter(slug=settings.DEFAULT_CAMPAIGN_SLUG).first()
    if campaign:
        return campaign
    now = timezone.now()
    return Campaign.objects.filter(opens_at__lte=now).order_by("-opens_at").first()


def contributions_public(*, campaign: Campaign | None = None) -> QuerySet[Contribution]:
    """Contributions anyone may see."""
    qs = Contribution.objects.filter(moderation_state=Contribution.ModerationState.PUBLISHED)
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    return qs


@dataclass(frozen=True)
class ContributionFilters:
    """Filters of the public list and map, parsed and validated by the door that received them."""

    campaign: Campaign | None = None
    area: Area | None = None
    bbox: tuple[float, float, float, float] | None = None
    theme: str | None = None
    kind: str | None = None
    status: str | None = None


def contributions_filtered(*, filters: ContributionFilters) -> QuerySet[Contribution]:
    """Public contributions matching every given filter, newest first."""
    qs = contributions_public(campaign=filters.campaign)
    if filters.area is not None:
        qs = qs.filter(area_id__in=area_with_descendant_ids(area=filters.area))
    if filters.bbox is not None:
        # Intersects the box, answered from the GiST index on geometry.
        qs = qs.filter(geometry__intersects=Polygon.from_bbox(filters.bbox))
    if filters.theme:
        qs = qs.filter(theme__slug=filters.theme)
    if filters.kind:
        qs = qs.filter(kind=filters.kind)
    if filters.status:
        qs = qs.filter(status=filters.status)
    return qs.order_by("-created_at", "-id")


def _translated(field: str) -> Coalesce:
    """The field in the active language, falling back to Finnish, the default language."""
    lang = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return Coalesce(F(f"{field}_{lang}"), F(f"{field}_fi"), output_field=TextField())


def contributions_feature_texts(*, queryset: QuerySet[Contribution]) -> list[str]:
    """One GeoJSON Feature per row, each written by PostGIS as text, in queryset order.

    Building the JSON in the database is 10-30x cheaper than serialising model instances
    (ARCHITECTURE.md); callers join the texts into a FeatureCollection.
    """
    # "/sv/contributions/1/" less its "1/": the detail URL prefix in the active language.
    url_prefix = reverse("engagement:contribution-detail", kwargs={"pk": 1})[:-2]
    feature = JSONObject(
        type=Value("Feature"),
        id=F("id"),
        geometry=Cast(AsGeoJSON("geometry", precision=6), output_field=JSONField()),
        properties=JSONObject(
            title=F("title"),
            excerpt=Left("body", EXCERPT_LENGTH),
            kind=F("kind"),
            theme=F("theme__slug"),
            theme_name=_translated("theme__name"),
            color=F("theme__color"),
            status=F("status"),
            moderation=F("moderation_state"),
            created_at=F("created_at"),
            url=Concat(
                Value(url_prefix), Cast("id", TextField()), Value("/"), output_field=TextField()
            ),
        ),
    )
    rows = queryset.annotate(feature=Cast(feature, output_field=TextField())).values_list(
        "feature", flat=True
    )
    return list(rows)


def feature_collection_text(*, features: list[str], number_matched: int, links: list[dict]) -> str:
    """A GeoJSON FeatureCollection around feature texts, with OGC API Features paging members."""
    return (
        f'{{"type":"FeatureCollection","numberMatched":{number_matched},'
        f'"numberReturned":{len(features)},"links":{json.dumps(links)},'
        f'"features":[{",".join(features)}]}}'
    )
