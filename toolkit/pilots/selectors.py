"""Reads of organisations and pilots, for the pilot pages, the API and other apps' pages."""

from django.db.models import Exists, OuterRef, Q, QuerySet

from engagement.common.media import MediaFile
from engagement.participation.selectors import contributions_public
from geo.models import Area
from geo.selectors import area_with_descendant_ids
from toolkit.models import Pilot, PilotPhoto
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
