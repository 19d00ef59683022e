"""Participation: participants, campaigns, themes, contributions and what residents add to them.

Rows come out as the participation services would leave them: a contribution lies inside its
campaign's area, carries the smallest area containing it, and is public at once only under
post-moderation.
"""

from datetime import timedelta

import factory
from django.db import connection
from django.utils import timezone

from engagement.models import (
    AccessibilityFeedback,
    Campaign,
    Comment,
    Contribution,
    ContributionCell,
    Follow,
    HiddenReason,
    LiveChange,
    Participant,
    Photo,
    StatusChange,
    Support,
    Theme,
)
from tests.factories.accounts import UserFactory
from tests.factories.geo import AreaFactory, area_for, point_in, polygon_in, route_in

# The pixel size of factory photos; the thumbnail keeps the ratio.
PHOTO_SIZE = (64, 48)
THUMB_SIZE = (32, 24)
SIGNATURE = "Area coordinator, Western team"


class ParticipantFactory(factory.django.DjangoModelFactory):
    """An anonymous participant unless `signed_in` (then it has a user and no token)."""

    class Meta:
        model = Participant

    class Params:
        signed_in = factory.Trait(user=factory.SubFactory(UserFactory), token_hash=None)

    token_hash = factory.Sequence(lambda n: f"{n:064x}")


class CampaignFactory(factory.django.DjangoModelFactory):
    """An open, post-moderated campaign over the Tesoma box that takes every shape."""

    class Meta:
        model = Campaign

    class Params:
        pre_moderated = factory.Trait(moderation=Campaign.Moderation.PRE)
        closed = factory.Trait(
            opens_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=60)),
            closes_at=factory.LazyFunction(lambda: timezone.now() - timedelta(days=1)),
        )
        signed_in_only = factory.Trait(allow_anonymous=False)

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


def _initial_state(contribution) -> str:
    """What `contribution_submit` gives: public at once only under post-moderation."""
    if contribution.campaign.moderation == Campaign.Moderation.POST:
        return Contribution.ModerationState.PUBLISHED
    return Contribution.ModerationState.PENDING


class ContributionFactory(factory.django.DjangoModelFactory):
    """A resident's idea, a point at Länsikeskus; `route` and `polygon` draw the other shapes.

    The states: `pending`, `hidden` (by a moderator, as spam), `withdrawn`.
    """

    class Meta:
        model = Contribution

    class Params:
        point = factory.Trait(geometry=factory.LazyAttribute(lambda o: point_in(o.campaign.area)))
        route = factory.Trait(geometry=factory.LazyAttribute(lambda o: route_in(o.campaign.area)))
        polygon = factory.Trait(
            geometry=factory.LazyAttribute(lambda o: polygon_in(o.campaign.area))
        )
        pending = factory.Trait(moderation_state=Contribution.ModerationState.PENDING)
        hidden = factory.Trait(
            moderation_state=Contribution.ModerationState.HIDDEN,
            hidden_reason=HiddenReason.SPAM,
            moderated_at=factory.LazyFunction(timezone.now),
        )
        withdrawn = factory.Trait(moderation_state=Contribution.ModerationState.WITHDRAWN)

    campaign = factory.SubFactory(CampaignFactory)
    theme = factory.SubFactory(ThemeFactory, campaign=factory.SelfAttribute("..campaign"))
    kind = Contribution.Kind.IDEA
    title = factory.Sequence(lambda n: f"Idea number {n}")
    body = "A bench by the path would help older residents rest on the way to the shops."
    geometry = factory.LazyAttribute(lambda o: point_in(o.campaign.area))
    area = factory.LazyAttribute(lambda o: area_for(o.geometry, o.campaign.area))
    language = "fi"
    moderation_state = factory.LazyAttribute(_initial_state)
    participant = factory.SubFactory(ParticipantFactory)


class ContributionCellFactory(factory.django.DjangoModelFactory):
    """The map's summary row of a published point, as the database's trigger writes it: the
    factory makes the contribution and returns its cell (the table is never written by hand)."""

    class Meta:
        model = ContributionCell

    contribution = factory.SubFactory(
        ContributionFactory, moderation_state=Contribution.ModerationState.PUBLISHED
    )

    @classmethod
    def _create(cls, model_class, *args, contribution, **kwargs):
        contribution.refresh_from_db()  # the generated privacy cell
        return model_class.objects.get(
            campaign=contribution.campaign,
            cell_x=contribution.privacy_cell_x,
            cell_y=contribution.privacy_cell_y,
            kind=contribution.kind,
            status=contribution.status,
            theme=contribution.theme,
        )


class PhotoFactory(factory.django.DjangoModelFactory):
    """A real JPEG made with Pillow and its thumbnail, written through the storage."""

    class Meta:
        model = Photo

    class Params:
        hidden_by_moderator = factory.Trait(hidden=True)

    contribution = factory.SubFactory(ContributionFactory)
    image = factory.django.ImageField(
        filename="photo.jpg", format="JPEG", width=PHOTO_SIZE[0], height=PHOTO_SIZE[1]
    )
    thumbnail = factory.django.ImageField(
        filename="photo-thumb.jpg", format="JPEG", width=THUMB_SIZE[0], height=THUMB_SIZE[1]
    )
    width, height = PHOTO_SIZE
    position = factory.Sequence(lambda n: n % 5)


class CommentFactory(factory.django.DjangoModelFactory):
    """A comment; `reply` answers a comment on the same contribution, `hidden` is hidden as spam."""

    class Meta:
        model = Comment

    class Params:
        reply = factory.Trait(
            parent=factory.SubFactory(
                "tests.factories.engagement.CommentFactory",
                contribution=factory.SelfAttribute("..contribution"),
            )
        )
        hidden = factory.Trait(
            moderation_state=Contribution.ModerationState.HIDDEN,
            hidden_reason=HiddenReason.SPAM,
            moderated_at=factory.LazyFunction(timezone.now),
        )

    contribution = factory.SubFactory(ContributionFactory)
    participant = factory.SubFactory(ParticipantFactory)
    body = "Good idea, I would use it."


class SupportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Support

    contribution = factory.SubFactory(ContributionFactory)
    participant = factory.SubFactory(ParticipantFactory)


class FollowFactory(factory.django.DjangoModelFactory):
    """A follower who reads e-mail in Finnish."""

    class Meta:
        model = Follow

    contribution = factory.SubFactory(ContributionFactory)
    participant = factory.SubFactory(ParticipantFactory, signed_in=True)
    language = "fi"


class StatusChangeFactory(factory.django.DjangoModelFactory):
    """An official's answer; the contribution takes the status, as `contribution_respond` does."""

    class Meta:
        model = StatusChange
        skip_postgeneration_save = True

    contribution = factory.SubFactory(ContributionFactory)
    status = Contribution.Status.PLANNED
    text = "The city plans this for next summer."
    signature = SIGNATURE

    @factory.post_generation
    def apply(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted is not False:
            Contribution.objects.filter(pk=self.contribution_id).update(status=self.status)
            self.contribution.status = self.status


class AccessibilityFeedbackFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AccessibilityFeedback

    message = "The map cannot be used with a keyboard alone."
    email = "palaute@example.org"
    page_url = "/"
    language = "fi"


class LiveChangeFactory(factory.django.DjangoModelFactory):
    """The live screen's change log row that publishing a contribution writes at its commit
    (the table is never written by hand): the factory publishes one and fires the deferred
    trigger at once (a test never commits; SET CONSTRAINTS runs what waited), returning its row."""

    class Meta:
        model = LiveChange

    contribution = factory.SubFactory(
        ContributionFactory, moderation_state=Contribution.ModerationState.PUBLISHED
    )

    @classmethod
    def _create(cls, model_class, *args, contribution, **kwargs):
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS contribution_live_change IMMEDIATE")
        return model_class.objects.filter(contribution_id=contribution.pk).latest("id")
