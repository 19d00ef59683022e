"""Reads of organisations and pilots that other apps call."""

from django.db.models import QuerySet

from toolkit.models import Pilot

PUBLIC_STATUSES = (Pilot.Status.APPROVED, Pilot.Status.REPORTED, Pilot.Status.DECLINED)


def pilots_answering(*, contribution) -> QuerySet[Pilot]:
    """The public pilots that answer a contribution, newest first."""
    return (
        Pilot.objects.filter(contributions=contribution, status__in=PUBLIC_STATUSES)
        .select_related("organisation")
        .order_by("-starts_on")
    )


def pilots_in_campaign(*, campaign) -> QuerySet[Pilot]:
    """The campaign's public pilots, for its page and map."""
    return (
        Pilot.objects.filter(campaign=campaign, status__in=PUBLIC_STATUSES)
        .select_related("organisation")
        .order_by("-starts_on")
    )
