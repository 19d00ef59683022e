"""The neighbours of a place: who to ask about something done there (docs/decisions/0041).

Everyone who pinned, supported or follows a published contribution that is either named
(the contributions a pilot answers) or whose public location lies within a distance of the
place. Only what the public may see counts: a pending, hidden or withdrawn contribution invites
no one, and the distance is measured to the public location (the privacy cell's centre unless
the author chose the exact point), never to a blurred point's exact place. Participants
blocked in the campaign, and those without an active account with an e-mail address, are left
out.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.gis.db.models import GeometryField
from django.contrib.gis.geos import GEOSGeometry
from django.db.models import Q, Value

from engagement.models import Block, Campaign, Follow, Participant, Support
from engagement.participation.selectors import contribution_public_location, contributions_public
from geo.selectors import WithinMetres


@dataclass(frozen=True)
class Neighbour:
    participant_id: int
    user_id: int
    email: str
    language: str


def _language(code: str | None) -> str | None:
    known = {language for language, _name in settings.LANGUAGES}
    return code if code in known else None


def contribution_neighbours(
    *,
    campaign: Campaign,
    linked_ids: Iterable[int],
    place: GEOSGeometry,
    distance_m: float,
) -> list[Neighbour]:
    """The people of the linked and the nearby public contributions of the campaign, each once,
    with the language to write to them in: that of the page where they chose to follow, else of
    a contribution they wrote, else of one they support, else the site's."""
    here = Value(place, output_field=GeometryField(srid=4326))
    contributions = dict(
        contributions_public(campaign=campaign)
        .annotate(near=WithinMetres(contribution_public_location(), here, Value(distance_m)))
        .filter(Q(pk__in=list(linked_ids)) | Q(near=True))
        .values_list("pk", "language")
    )
    ids = list(contributions)
    languages: dict[int, list[str | None]] = {}

    def add(participant_id: int | None, language: str | None, rank: int) -> None:
        if participant_id is not None:
            languages.setdefault(participant_id, [None, None, None])
            found = languages[participant_id]
            found[rank] = found[rank] or _language(language)

    for follow in Follow.objects.filter(contribution_id__in=ids).values(
        "participant_id", "language", "contribution_id"
    ):
        add(
            follow["participant_id"],
            follow["language"] or contributions[follow["contribution_id"]],
            0,
        )
    for pk, author in (
        contributions_public(campaign=campaign)
        .filter(pk__in=ids)
        .values_list("pk", "participant_id")
    ):
        add(author, contributions[pk], 1)
    for support in Support.objects.filter(contribution_id__in=ids).values(
        "participant_id", "contribution_id"
    ):
        add(support["participant_id"], contributions[support["contribution_id"]], 2)
    blocked = Block.objects.filter(campaign=campaign).values("participant_id")
    people = (
        Participant.objects.filter(pk__in=list(languages), user__is_active=True)
        .exclude(pk__in=blocked)
        .exclude(user__email="")
        .select_related("user")
        .order_by("pk")
    )
    return [
        Neighbour(
            participant_id=person.pk,
            user_id=person.user_id,
            email=person.user.email,
            language=next((code for code in languages[person.pk] if code), settings.LANGUAGE_CODE),
        )
        for person in people
    ]
