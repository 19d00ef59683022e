"""Moderation: officials' roles, residents' flags, blocks and the append-only log."""

import factory
from django.utils import timezone

from engagement.models import Block, Flag, ModerationAction, Role
from tests.factories.accounts import UserFactory
from tests.factories.engagement import (
    CampaignFactory,
    CommentFactory,
    ContributionFactory,
    ParticipantFactory,
)
from tests.factories.geo import AreaFactory
from tests.factories.interop import ApiKeyFactory


class RoleFactory(factory.django.DjangoModelFactory):
    """A moderator of one campaign; `analyst` analyses instead, `area_scoped` covers an area."""

    class Meta:
        model = Role

    class Params:
        moderator = factory.Trait(kind=Role.Kind.MODERATOR)
        analyst = factory.Trait(
            kind=Role.Kind.ANALYST, title="Researcher", unit="City of Tampere, data services"
        )
        area_scoped = factory.Trait(campaign=None, area=factory.SubFactory(AreaFactory))

    user = factory.SubFactory(UserFactory, username=factory.Sequence(lambda n: f"official{n}"))
    kind = Role.Kind.MODERATOR
    campaign = factory.SubFactory(CampaignFactory)
    area = None
    title = "Area coordinator"
    unit = "Western team"


class FlagFactory(factory.django.DjangoModelFactory):
    """A resident's flag on a contribution; `on_comment` flags one of its comments."""

    class Meta:
        model = Flag

    class Params:
        on_comment = factory.Trait(
            comment=factory.SubFactory(
                CommentFactory, contribution=factory.SelfAttribute("..contribution")
            )
        )
        resolved = factory.Trait(resolved_at=factory.LazyFunction(timezone.now))

    contribution = factory.SubFactory(ContributionFactory)
    comment = None
    participant = factory.SubFactory(ParticipantFactory)
    reason = Flag.Reason.INAPPROPRIATE
    text = "Insults a neighbour by name."


class BlockFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Block

    campaign = factory.SubFactory(CampaignFactory)
    participant = factory.SubFactory(ParticipantFactory)
    reason = "Repeated spam."


def _campaign_of(target) -> object:
    """The campaign a log entry belongs to, as `log_action` is given it."""
    if hasattr(target, "campaign"):
        return target.campaign
    return target.contribution.campaign


def _actor_id(entry) -> int | None:
    if entry.role is not None:
        return entry.role.user_id
    return entry.administrator.pk if entry.administrator else None


class ModerationActionFactory(factory.django.DjangoModelFactory):
    """A moderator's approval of a contribution, signed with the moderator's role.

    Rows can be inserted and never changed (a trigger refuses UPDATE and DELETE), so every value
    is given at creation. `site_wide` logs an administrator making an integration key.
    """

    class Meta:
        model = ModerationAction

    class Params:
        site_wide = False
        # What the entry is about.
        target = factory.Maybe(
            "site_wide",
            yes_declaration=factory.SubFactory(ApiKeyFactory),
            no_declaration=factory.SubFactory(ContributionFactory),
        )
        # A moderator of the entry's campaign acts; on a site-wide entry, an administrator.
        role = factory.LazyAttribute(
            lambda o: RoleFactory(campaign=o.campaign) if o.campaign else None
        )
        administrator = factory.Maybe(
            "site_wide",
            yes_declaration=factory.SubFactory(
                UserFactory, username="admin", is_staff=True, is_superuser=True
            ),
            no_declaration=None,
        )

    campaign = factory.Maybe(
        "site_wide",
        yes_declaration=None,
        no_declaration=factory.LazyAttribute(lambda o: _campaign_of(o.target)),
    )
    actor_id = factory.LazyAttribute(_actor_id)
    actor = factory.Maybe(
        "site_wide",
        yes_declaration="Administrator",
        no_declaration=factory.LazyAttribute(lambda o: o.role.signature),
    )
    action = factory.Maybe(
        "site_wide",
        yes_declaration=ModerationAction.Action.API_KEY_CREATE,
        no_declaration=ModerationAction.Action.APPROVE,
    )
    target_type = factory.LazyAttribute(lambda o: type(o.target).__name__.lower())
    target_id = factory.LazyAttribute(lambda o: o.target.pk)
    reason = ""
    details = factory.LazyFunction(dict)
