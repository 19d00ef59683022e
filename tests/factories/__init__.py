"""factory_boy factories: a small Tampere > Tesoma world unless a test says otherwise."""

import factory
from django.contrib.auth import get_user_model
from django.contrib.gis.geos import MultiPolygon, Point, Polygon

from engagement.models import Campaign, Comment, Contribution, Participant, Theme
from geo.models import Area

# A 2 km x 1.1 km box around Länsikeskus, Tesoma.
TESOMA_BOX = (23.61, 61.495, 23.65, 61.505)
INSIDE = Point(23.63, 61.50, srid=4326)
# About 1.1 km north of the box.
OUTSIDE = Point(23.63, 61.515, srid=4326)


def box(west: float, south: float, east: float, north: float) -> MultiPolygon:
    return MultiPolygon(Polygon.from_bbox((west, south, east, north)), srid=4326)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"resident{n}")
    email = factory.LazyAttribute(lambda u: f"{u.username}@example.org")
    password = factory.django.Password("correct horse battery")


class ParticipantFactory(factory.django.DjangoModelFactory):
    """An anonymous participant unless given a user."""

    class Meta:
        model = Participant

    token_hash = factory.Sequence(lambda n: f"{n:064x}")


class AreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Area
        django_get_or_create = ("slug",)

    name = "Tesoma"
    slug = factory.Sequence(lambda n: f"area-{n}")
    kind = Area.Kind.DISTRICT
    boundary = factory.LazyFunction(lambda: box(*TESOMA_BOX))


class CampaignFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Campaign

    title = factory.Sequence(lambda n: f"Campaign {n}")
    slug = factory.Sequence(lambda n: f"campaign-{n}")
    description = "Tell us what Tesoma needs."
    area = factory.SubFactory(AreaFactory)
    allow_anonymous = True
    moderation = Campaign.Moderation.POST
    geometry_kinds = factory.LazyFunction(lambda: ["point", "line", "polygon"])


class ThemeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Theme

    campaign = factory.SubFactory(CampaignFactory)
    name = factory.Sequence(lambda n: f"Theme {n}")
    slug = factory.Sequence(lambda n: f"theme-{n}")
    color = "#1f5fa8"


class ContributionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contribution

    campaign = factory.SubFactory(CampaignFactory)
    theme = factory.SubFactory(ThemeFactory, campaign=factory.SelfAttribute("..campaign"))
    kind = Contribution.Kind.IDEA
    title = factory.Sequence(lambda n: f"Idea number {n}")
    body = "A bench by the path would help older residents rest on the way to the shops."
    geometry = factory.LazyFunction(lambda: Point(23.63, 61.50, srid=4326))
    area = factory.SelfAttribute("campaign.area")
    moderation_state = Contribution.ModerationState.PUBLISHED
    participant = factory.SubFactory(ParticipantFactory)


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    contribution = factory.SubFactory(ContributionFactory)
    participant = factory.SubFactory(ParticipantFactory)
    body = "Good idea, I would use it."
