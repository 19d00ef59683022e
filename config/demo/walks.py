"""The demo's walk session (engagement/walks/, decision 0047): the demo facilitator's walk from
Tesoma station, still going on so that its join link can be tried, with four of the demo's pins."""

from django.contrib.auth import get_user_model

from engagement.models import Campaign, Contribution, Role, WalkSession

DEMO_WALK_CODE = "ASEMA7"  # "asema": station; letters of the unambiguous alphabet
DEMO_WALK_TITLE = "Kävely Tesoman asemalta"
DEMO_WALK_PINS = (
    "Katettu pyöräparkki bussipysäkille",
    "Penkki ja lepopaikka mäen puoliväliin",
    "Valaistu kävelyreitti metsän läpi",
    "Turvallinen pyöräreitti Länsikeskuksesta koululle",
)


def demo_walk_load(campaign: Campaign) -> WalkSession:
    """The walk and its pins; a second run changes nothing (the code names the walk)."""
    facilitator = (
        get_user_model()
        .objects.filter(yhdessa_roles__kind=Role.Kind.FACILITATOR)
        .order_by("pk")
        .first()
    )
    session, _created = WalkSession.objects.get_or_create(
        code=DEMO_WALK_CODE,
        defaults={"campaign": campaign, "title": DEMO_WALK_TITLE, "started_by": facilitator},
    )
    Contribution.objects.filter(
        campaign=campaign, title__in=DEMO_WALK_PINS, walk_session=None
    ).update(walk_session=session)
    return session
