"""Engagement's collections for the OGC API - Features door: the public contributions of each
campaign, at their public location (decision 0042), and the areas."""

from django.db.models import F, Q, TextField, Value
from django.db.models.functions import Cast, Concat
from django.urls import reverse
from django.utils.translation import gettext as _

from engagement.interop.ogc.registry import Collection, register_collections
from engagement.participation.selectors import (
    campaigns_all,
    contribution_public_location,
    contributions_public,
)
from geo.models import Area


def _contribution_properties(site: str) -> dict:
    # "/contributions/1/" less its "1/": the detail page's URL prefix.
    prefix = site.rstrip("/") + reverse("engagement:contribution-detail", kwargs={"pk": 1})[:-2]
    return {
        "title": F("title"),
        "body": F("body"),
        "kind": F("kind"),
        "theme": F("theme__slug"),
        "status": F("status"),
        "supports": F("supports_count"),
        "comments": F("comments_count"),
        "created_at": F("created_at"),
        "url": Concat(
            Value(prefix),
            Cast("id", output_field=TextField()),
            Value("/"),
            output_field=TextField(),
        ),
    }


def _contributions_intersect(box) -> Q:
    # As the map's bbox filter (contributions_matching): the public point of a point, a route
    # or area as drawn, so that ever smaller boxes cannot find a point's exact place.
    return Q(privacy_cell_x__isnull=False, public_point__intersects=box) | Q(
        privacy_cell_x__isnull=True, geometry__intersects=box
    )


def _campaign_collection(campaign) -> Collection:
    return Collection(
        id=f"contributions-{campaign.slug}",
        title=_("Contributions: %(campaign)s") % {"campaign": campaign.title},
        description=_(
            "Published ideas and needs of the campaign, at their public location: a point at "
            "the centre of its 100 m cell unless its author chose the exact place."
        ),
        rows=lambda: contributions_public(campaign=campaign),
        geometry=contribution_public_location(),
        properties=_contribution_properties,
        intersects=_contributions_intersect,
        temporal=("created_at", "created_at"),
        keywords=("participation", campaign.slug),
    )


def _area_properties(site: str) -> dict:
    return {"name": F("name"), "slug": F("slug"), "kind": F("kind"), "parent": F("parent__slug")}


def engagement_collections() -> list[Collection]:
    campaigns = [_campaign_collection(c) for c in campaigns_all().order_by("slug")]
    areas = Collection(
        id="areas",
        title=_("Areas"),
        description=_("The city, its districts and neighbourhoods, with their boundaries."),
        rows=lambda: Area.objects.all(),
        geometry=F("boundary"),
        properties=_area_properties,
        intersects=lambda box: Q(boundary__intersects=box),
    )
    return [*campaigns, areas]


def register() -> None:
    register_collections(engagement_collections)
