"""Reads of organisations and pilots, for the pilot pages, the API and other apps' pages."""

import json
from collections.abc import Sequence

from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Avg, Count, Exists, OuterRef, Q, QuerySet, Value
from django.utils.translation import gettext as _

from engagement.background.selectors import min_group
from engagement.common.media import MediaFile
from engagement.participation.selectors import contribution_public_location, contributions_public
from geo.models import Area, Place
from geo.selectors import MetresBetween, WithinMetres, area_with_descendant_ids
from toolkit.models import MethodCard, Pilot, PilotPhoto, Publication
from toolkit.pilots.status import PUBLIC_STATUSES, RUNNING, running_q
from toolkit.rules import can_see_pilot, pilot_is_public


def pilots_public() -> QuerySet[Pilot]:
    """The pilots anyone may see."""
    return Pilot.objects.filter(status__in=PUBLIC_STATUSES)


def pilots_filtered(
    *,
    campaign=None,
    status: str | None = None,
    area: Area | None = None,
    theme: str | None = None,
) -> QuerySet[Pilot]:
    """Public pilots by campaign, shown status ("running" or a public status), area and the
    theme of a public contribution they answer; the latest start first. The pilot list page
    and the API both read it, so they list the same pilots."""
    qs = pilots_public()
    if campaign is not None:
        qs = qs.filter(campaign=campaign)
    if status == RUNNING:
        qs = qs.filter(running_q())
    elif status:
        qs = qs.filter(status=status)
    if area is not None:
        # Pilots of campaigns over the area or over any area nested below it.
        qs = qs.filter(campaign__area_id__in=area_with_descendant_ids(area=area))
    if theme:
        qs = qs.filter(
            Exists(contributions_public().filter(pilots=OuterRef("pk"), theme__slug=theme))
        )
    return qs.order_by("-starts_on", "-id")


def pilots_answering(*, contribution) -> QuerySet[Pilot]:
    """The public pilots that answer a contribution, newest first."""
    return (
        pilots_public()
        .filter(contributions=contribution)
        .select_related("organisation")
        .order_by("-starts_on")
    )


def pilots_in_campaign(*, campaign) -> QuerySet[Pilot]:
    """The campaign's public pilots, for its page and map."""
    return (
        pilots_public()
        .filter(campaign=campaign)
        .select_related("organisation")
        .order_by("-starts_on")
    )


def pilot_contributions(*, pilot: Pilot) -> QuerySet:
    """The public contributions a pilot answers, for its page."""
    return contributions_public().filter(pilots=pilot).select_related("theme")


def pilot_photo_file(*, name: str) -> MediaFile | None:
    """Who may see the pilot photo (image or thumbnail) stored under `name`: whoever may see
    the pilot's page, which shows all its photos; None when no pilot photo has that name."""
    photo = (
        PilotPhoto.objects.filter(Q(image=name) | Q(thumbnail=name))
        .select_related("pilot__organisation", "pilot__campaign")
        .first()
    )
    if photo is None:
        return None
    pilot = photo.pilot
    return MediaFile(
        public=pilot_is_public(pilot),
        visible_to=lambda user, participant: can_see_pilot(user, pilot),
    )


SUGGESTIONS_MAX = 20
ROUND_TO_METRES = 10


def pilot_suggestions(
    *,
    campaign,
    place: GEOSGeometry,
    themes: Sequence[str] = (),
    metres: int,
    limit: int = SUGGESTIONS_MAX,
) -> list[dict]:
    """Public contributions of the campaign (of these theme slugs, if any) whose public location
    lies within `metres` of the drawn place, most supported first, then nearest. Only what the
    public may see, at the place the public sees it (never a hidden one, never an exact point
    its author kept to themselves); distances rounded to 10 m, as "already reported near here"."""
    here = Value(place, output_field=GeometryField(srid=4326))
    public = contribution_public_location()
    rows = contributions_public(campaign=campaign).filter(duplicate_of=None)
    if themes:
        rows = rows.filter(theme__slug__in=list(themes))
    rows = (
        rows.annotate(public_location=public)
        .filter(WithinMetres(public, here, Value(metres)))
        .annotate(distance_m=MetresBetween(public, here))
        .select_related("theme")
        .order_by("-supports_count", "distance_m", "pk")[:limit]
    )
    return [
        {
            "id": row.pk,
            "title": row.title,
            "theme": row.theme.slug,
            "theme_name": row.theme.name,
            "supports": row.supports_count,
            "distance_m": int(round(row.distance_m / ROUND_TO_METRES) * ROUND_TO_METRES),
            "geometry": json.loads(row.public_location.geojson),
        }
        for row in rows
    ]


def contribution_themes(*, ids: Sequence[int]) -> list[str]:
    """The theme slugs of these public contributions: the themes suggestions keep to."""
    return sorted(
        set(contributions_public().filter(pk__in=list(ids)).values_list("theme__slug", flat=True))
    )


def contribution_public_or_none(*, pk) -> object | None:
    """A public contribution by id (for `?contribution=` on the pilot form), or None."""
    try:
        return contributions_public().select_related("campaign").filter(pk=int(pk)).first()
    except (TypeError, ValueError):
        return None


PLACE_CHOICES_MAX = 200
DRAWABLE = ("Point", "LineString", "Polygon")


def method_cards_published() -> QuerySet[MethodCard]:
    """The method cards a pilot may follow: the published ones, by title."""
    return MethodCard.objects.filter(status=Publication.PUBLISHED).order_by("title")


def place_choices(*, campaign) -> list[tuple[str, str, GEOSGeometry]]:
    """Places to choose without the map: the campaign area's sub-areas and the gazetteer's
    places inside it, each as (value, label, geometry)."""
    choices = []
    for area in Area.objects.filter(parent=campaign.area).order_by("name"):
        if len(area.boundary) == 1:
            label = _("%(name)s (the whole sub-area)") % {"name": area.name}
            choices.append((f"area:{area.pk}", label, area.boundary[0]))
    places = Place.objects.filter(point__within=campaign.area.boundary).order_by("name", "pk")
    for place in places[:PLACE_CHOICES_MAX]:
        if place.geometry.geom_type in DRAWABLE:
            label = f"{place.name} ({place.get_kind_display()})"
            choices.append((f"place:{place.pk}", label, place.geometry))
    return choices


def pilot_feedback_summary(*, pilot: Pilot) -> dict:
    """The residents' feedback: how many answered, and their average only from k answers (the
    neighbours' rating's rule, decision 0041), on the page and in the API alike."""
    feedback = pilot.feedback.aggregate(count=Count("id"), average=Avg("rating"))
    k = min_group()
    average = feedback["average"] if feedback["count"] >= k else None
    return {"count": feedback["count"], "average": average, "k": k}
