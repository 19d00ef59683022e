"""Permission predicates for engagement, checked by views and services alike."""

from django.contrib.auth.models import AnonymousUser, User
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _

from engagement.models import ApiKey, Block, Campaign, Contribution, Participant, Role
from geo.selectors import area_with_descendant_ids


def contribute_refusal(
    user: User | AnonymousUser | None,
    campaign: Campaign,
    participant: Participant | None = None,
) -> str | None:
    """Why this user (or participant) may not contribute to the campaign now, or None."""
    if not campaign.is_open():
        return _("This campaign is not open for input now.")
    integration = (
        participant is not None and ApiKey.objects.filter(participant=participant).exists()
    )
    if not (user and user.is_authenticated) and not integration and not campaign.allow_anonymous:
        return _("Sign in to take part in this campaign.")
    if (
        participant is not None
        and Block.objects.filter(campaign=campaign, participant=participant).exists()
    ):
        return _("A moderator has blocked you from taking part in this campaign.")
    return None


def can_change_contribution(participant: Participant | None, contribution: Contribution) -> bool:
    """Authors may edit or withdraw their own contribution until a moderator has acted on it."""
    return (
        participant is not None
        and contribution.participant_id == participant.pk
        and contribution.moderated_at is None
        and contribution.moderation_state
        in (Contribution.ModerationState.PENDING, Contribution.ModerationState.PUBLISHED)
    )


def _campaigns_with_role(user: User | AnonymousUser | None, kinds: tuple[str, ...]) -> QuerySet:
    """Campaigns where the user holds one of the roles, directly or through an area above."""
    if not (user and user.is_authenticated):
        return Campaign.objects.none()
    if user.is_superuser:
        return Campaign.objects.all()
    roles = Role.objects.filter(user=user, kind__in=kinds)
    area_ids: list[int] = []
    for role in roles.exclude(area=None).select_related("area"):
        area_ids.extend(area_with_descendant_ids(area=role.area))
    return Campaign.objects.filter(
        Q(pk__in=roles.exclude(campaign=None).values("campaign")) | Q(area_id__in=area_ids)
    )


def role_kinds(user: User | AnonymousUser | None) -> set[str]:
    """The kinds of role the user holds anywhere (every kind for an administrator): what the
    site's navigation offers them, in one query."""
    if not (user and user.is_authenticated):
        return set()
    if user.is_superuser:
        return set(Role.Kind.values)
    return set(Role.objects.filter(user=user).values_list("kind", flat=True).distinct())


def moderated_campaigns(user: User | AnonymousUser | None) -> QuerySet:
    """Campaigns the user may moderate and answer in."""
    return _campaigns_with_role(user, (Role.Kind.MODERATOR,))


def analysed_campaigns(user: User | AnonymousUser | None) -> QuerySet:
    """Campaigns whose input the user may analyse: analysts and moderators."""
    return _campaigns_with_role(user, (Role.Kind.ANALYST, Role.Kind.MODERATOR))


def can_moderate(user: User | AnonymousUser | None, campaign: Campaign) -> bool:
    """Moderators of the campaign, or of an area containing it, and administrators."""
    return moderated_campaigns(user).filter(pk=campaign.pk).exists()


def moderator_role(user: User, campaign: Campaign) -> Role | None:
    """The role whose title and unit sign this user's responses in the campaign."""
    roles = Role.objects.filter(user=user, kind=Role.Kind.MODERATOR)
    direct = roles.filter(campaign=campaign).first()
    if direct:
        return direct
    for role in roles.exclude(area=None):
        if campaign.area_id in area_with_descendant_ids(area=role.area):
            return role
    return None


def facilitated_campaigns(user: User | AnonymousUser | None) -> QuerySet:
    """Campaigns whose walk sessions the user may start, end and read: facilitators and
    moderators of the campaign or of an area containing it, and administrators."""
    return _campaigns_with_role(user, (Role.Kind.FACILITATOR, Role.Kind.MODERATOR))


def can_facilitate(user: User | AnonymousUser | None, campaign: Campaign) -> bool:
    """Who may run walk sessions in the campaign (engagement/walks/)."""
    return facilitated_campaigns(user).filter(pk=campaign.pk).exists()
