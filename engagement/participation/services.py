"""Writes of participation: participants, contributions, comments, supports and follows."""

import hashlib
import uuid
from collections.abc import Sequence

from django.conf import settings
from django.contrib.auth.models import User
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from engagement.background.services import background_answers_claim
from engagement.common.errors import Errors, refusal_error
from engagement.models import (
    Campaign,
    Comment,
    Contribution,
    Follow,
    ModerationAction,
    Participant,
    Photo,
    Support,
    Theme,
)
from engagement.moderation.log import log_action
from engagement.participation.limits import (
    address_hash,
    participant_accountable,
    rate_limit,
)
from engagement.participation.photos import photos_check, photos_clean, photos_store
from engagement.participation.places import contribution_place_assign
from engagement.rules import can_change_contribution, contribute_refusal
from engagement.walks.selectors import walk_session_for_code
from geo.selectors import area_smallest_containing
from geo.services import geometry_validate_in_area

TITLE_MIN, TITLE_MAX = 3, 120
BODY_MIN, BODY_MAX = 1, 5000
COMMENT_MIN, COMMENT_MAX = 1, 3000
GEOMETRY_KIND_OF_TYPE = {
    "Point": Campaign.GeometryKind.POINT,
    "LineString": Campaign.GeometryKind.LINE,
    "Polygon": Campaign.GeometryKind.POLYGON,
}


# Participants -------------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def participant_for_user(*, user: User) -> Participant:
    """The participant of a signed-in user, created on first use."""
    participant, _created = Participant.objects.get_or_create(user=user)
    return participant


def participant_for_token(*, token: str, create: bool) -> Participant | None:
    """The anonymous participant a browser's token stands for (created when asked)."""
    if not token:
        return None
    token_hash = _token_hash(token)
    if create:
        participant, _created = Participant.objects.get_or_create(token_hash=token_hash)
        return participant
    return Participant.objects.filter(token_hash=token_hash).first()


@transaction.atomic
def participant_claim(*, anonymous: Participant, user: User) -> int:
    """Move a browser's anonymous input into the user's account; returns how many items moved.

    Supports and follows the user already has are kept once. The anonymous participant is deleted,
    so its token no longer stands for anyone.
    """
    if anonymous.user_id is not None:
        raise PermissionDenied(_("This input already belongs to an account."))
    target = participant_for_user(user=user)
    moved = Contribution.objects.filter(participant=anonymous).update(participant=target)
    moved += Comment.objects.filter(participant=anonymous).update(participant=target)
    for model in (Support, Follow):
        duplicates = model.objects.filter(
            participant=anonymous,
            contribution__in=model.objects.filter(participant=target).values("contribution"),
        )
        duplicates.delete()
        moved += model.objects.filter(participant=anonymous).update(participant=target)
    background_answers_claim(anonymous=anonymous, target=target)
    anonymous.delete()
    return moved


@transaction.atomic
def account_delete(*, user: User, remove_contributions: bool) -> None:
    """Delete a user's account. Their contributions and comments stay, anonymised, unless asked."""
    participant = Participant.objects.filter(user=user).first()
    if participant is not None:
        if remove_contributions:
            Contribution.objects.filter(participant=participant).delete()
            Comment.objects.filter(participant=participant).delete()
        # Supports and follows go with the participant; contributions and comments keep a null
        # participant and so no longer point at anyone.
        participant.delete()
    user.delete()


# Idempotency and bots -----------------------------------------------------------------------


def _earlier(model, *, participant: Participant, idempotency_key: uuid.UUID | None):
    """What the participant already made with this key: a double click or a retried request."""
    if idempotency_key is None:
        return None
    return model.objects.filter(participant=participant, idempotency_key=idempotency_key).first()


def _create_once(model, *, participant: Participant, idempotency_key: uuid.UUID | None, **fields):
    """(row, True) when created; (row, False) when a parallel request with the same key won."""
    try:
        with transaction.atomic():
            row = model.objects.create(
                participant=participant, idempotency_key=idempotency_key, **fields
            )
            return row, True
    except IntegrityError:
        if idempotency_key is None:
            raise
        return model.objects.get(participant=participant, idempotency_key=idempotency_key), False


def _refuse_honeypot(honeypot: str) -> None:
    if honeypot:
        raise refusal_error(_("Your message could not be accepted."), "honeypot")


# Contributions ------------------------------------------------------------------------------


def _initial_state(campaign: Campaign) -> str:
    """Public at once under post-moderation; waiting for a moderator under pre-moderation."""
    if campaign.moderation == Campaign.Moderation.POST:
        return Contribution.ModerationState.PUBLISHED
    return Contribution.ModerationState.PENDING


def contribution_texts_validate(errors: Errors, *, title: str, body: str) -> None:
    """The lengths of a contribution's title and description, for residents and moderators."""
    errors.check_length(
        "title",
        title,
        (TITLE_MIN, TITLE_MAX),
        _("Write a title of %(min)d to %(max)d characters (now %(count)d)."),
        "title_length",
    )
    errors.check_length(
        "body",
        body,
        (BODY_MIN, BODY_MAX),
        _("Write a description of %(min)d to %(max)d characters (now %(count)d)."),
        "body_length",
    )


def _validate_contribution(
    errors: Errors,
    *,
    campaign: Campaign,
    kind: str,
    theme: Theme | None,
    title: str,
    body: str,
    geometry: GEOSGeometry | None,
) -> None:
    if kind not in Contribution.Kind.values:
        errors.add("kind", _("Choose whether this is an idea or a need."), "invalid_kind")
    if theme is None or theme.campaign_id != campaign.pk:
        errors.add("theme", _("Choose one of this campaign's themes."), "invalid_theme")
    contribution_texts_validate(errors, title=title, body=body)
    if geometry is None:
        errors.add("geometry", _("Place a pin on the map."), "required")
    elif GEOMETRY_KIND_OF_TYPE.get(geometry.geom_type) not in campaign.geometry_kinds:
        allowed = ", ".join(
            str(Campaign.GeometryKind(kind).label) for kind in campaign.geometry_kinds
        )
        errors.add(
            "geometry",
            _("This campaign takes only these shapes: %(allowed)s."),
            "geometry_kind",
            {"allowed": allowed},
        )
    else:
        try:
            geometry_validate_in_area(geometry=geometry, area=campaign.area)
        except ValidationError as error:
            errors.extend("geometry", error)


@transaction.atomic
def contribution_submit(
    *,
    campaign: Campaign,
    participant: Participant,
    kind: str,
    theme: Theme | None,
    title: str,
    body: str,
    geometry: GEOSGeometry | None,
    exact_location_public: bool = False,
    photos: Sequence[UploadedFile] = (),
    language: str = "",
    idempotency_key: uuid.UUID | None = None,
    address: str | None = None,
    honeypot: str = "",
    walk_code: str = "",
    kiosk: str = "",
) -> Contribution:
    """Validate a resident's contribution against the campaign's rules and store it.

    A walk code (engagement/walks/) joins it to that walk session of the campaign, while the
    session goes on or within its grace period; any other code is refused on `walk_code`.

    A repeated idempotency key from the same participant returns the contribution it already
    made, so a double click or a retried request stores one. `kiosk` is the device id of an
    activated kiosk screen, checked by its door (engagement/kiosk/devices.py): the screen's rate
    limits apply, and the contribution is marked as made there.
    """
    earlier = _earlier(Contribution, participant=participant, idempotency_key=idempotency_key)
    if earlier is not None:
        return earlier
    _refuse_honeypot(honeypot)
    errors = Errors()
    refusal = contribute_refusal(participant.user, campaign, participant)
    if refusal:
        errors.add(NON_FIELD_ERRORS, refusal, "not_allowed")
    title, body = (title or "").strip(), (body or "").strip()
    _validate_contribution(
        errors,
        campaign=campaign,
        kind=kind,
        theme=theme,
        title=title,
        body=body,
        geometry=geometry,
    )
    walk_session, walk_refusal = walk_session_for_code(campaign=campaign, code=walk_code)
    if walk_refusal:
        errors.add("walk_code", walk_refusal, "invalid_walk_code")
    try:
        photos_check(photos)  # headers only: nothing is decoded before the rate limit
    except ValidationError as error:
        errors.extend("photos", error)
    errors.raise_if_any()
    rate_limit(
        action="contribution",
        participant=participant,
        address=address,
        kiosk=kiosk,
        walk=walk_session.pk if walk_session else None,
    )
    try:
        clean_photos = photos_clean(photos)
    except ValidationError as error:
        errors.extend("photos", error)
    errors.raise_if_any()

    contribution, created = _create_once(
        Contribution,
        participant=participant,
        idempotency_key=idempotency_key,
        campaign=campaign,
        kind=kind,
        theme=theme,
        title=title,
        body=body,
        geometry=geometry,
        area=area_smallest_containing(geometry=geometry) or campaign.area,
        exact_location_public=exact_location_public,
        language=language,
        moderation_state=_initial_state(campaign),
        walk_session=walk_session,
        channel=Contribution.Channel.KIOSK if kiosk else Contribution.Channel.WEB,
    )
    if not created:
        return contribution  # a parallel request with the same key stored it, photos too
    contribution_place_assign(contribution)
    photos_store(model=Photo, photos=clean_photos, contribution=contribution)
    return contribution


@transaction.atomic
def contribution_update(
    *,
    contribution: Contribution,
    participant: Participant,
    kind: str,
    theme: Theme | None,
    title: str,
    body: str,
    geometry: GEOSGeometry | None,
    exact_location_public: bool,
) -> Contribution:
    """The author edits their contribution, until a moderator has acted on it."""
    if not can_change_contribution(participant, contribution):
        raise PermissionDenied(_("You can no longer change this contribution."))
    errors = Errors()
    title, body = (title or "").strip(), (body or "").strip()
    _validate_contribution(
        errors,
        campaign=contribution.campaign,
        kind=kind,
        theme=theme,
        title=title,
        body=body,
        geometry=geometry,
    )
    errors.raise_if_any()
    contribution.kind, contribution.theme = kind, theme
    contribution.title, contribution.body = title, body
    contribution.geometry = geometry
    contribution.area = area_smallest_containing(geometry=geometry) or contribution.campaign.area
    contribution.exact_location_public = exact_location_public
    contribution.save()
    contribution_place_assign(contribution)
    return contribution


@transaction.atomic
def contribution_withdraw(*, contribution: Contribution, participant: Participant) -> None:
    """The author takes their contribution back, until a moderator has acted on it. The log
    shows that its author did, not who they are."""
    if not can_change_contribution(participant, contribution):
        raise PermissionDenied(_("You can no longer change this contribution."))
    contribution.moderation_state = Contribution.ModerationState.WITHDRAWN
    contribution.save(update_fields=["moderation_state", "updated_at"])
    log_action(
        actor=participant.user,
        campaign=contribution.campaign,
        action=ModerationAction.Action.WITHDRAW,
        target=contribution,
        signature=_("The author"),
    )


# Comments, supports, follows ----------------------------------------------------------------


def _interaction_refusal(participant: Participant, contribution: Contribution) -> str | None:
    if contribution.moderation_state != Contribution.ModerationState.PUBLISHED:
        return _("This contribution is not public.")
    return contribute_refusal(participant.user, contribution.campaign, participant)


def _replied_comment(contribution: Contribution, parent: Comment | int) -> Comment | None:
    """The comment a reply answers: public, top-level and on this contribution; else None."""
    if isinstance(parent, int):
        parent = Comment.objects.filter(pk=parent).first()
    if (
        parent is None
        or parent.contribution_id != contribution.pk
        or parent.parent_id is not None
        or parent.moderation_state != Contribution.ModerationState.PUBLISHED
    ):
        return None
    return parent


@transaction.atomic
def comment_add(
    *,
    contribution: Contribution,
    participant: Participant,
    body: str,
    parent: Comment | int | None = None,
    idempotency_key: uuid.UUID | None = None,
    address: str | None = None,
    honeypot: str = "",
) -> Comment:
    """A comment, or a reply to a public top-level comment of the same contribution. `parent`
    may be the id a door received: a reply to a comment that does not exist is refused, never
    turned into a top-level comment."""
    earlier = _earlier(Comment, participant=participant, idempotency_key=idempotency_key)
    if earlier is not None:
        return earlier
    _refuse_honeypot(honeypot)
    errors = Errors()
    refusal = _interaction_refusal(participant, contribution)
    if refusal:
        errors.add(NON_FIELD_ERRORS, refusal, "not_allowed")
    body = (body or "").strip()
    errors.check_length(
        "body",
        body,
        (COMMENT_MIN, COMMENT_MAX),
        _("Write a comment of %(min)d to %(max)d characters (now %(count)d)."),
        "body_length",
    )
    if parent is not None:
        parent = _replied_comment(contribution, parent)
        if parent is None:
            errors.add(
                "parent", _("You can reply only to a comment on this contribution."), "parent"
            )
    errors.raise_if_any()
    rate_limit(action="comment", participant=participant, address=address)
    comment, _created = _create_once(
        Comment,
        participant=participant,
        idempotency_key=idempotency_key,
        contribution=contribution,
        parent=parent,
        body=body,
        moderation_state=_initial_state(contribution.campaign),
    )
    return comment


@transaction.atomic
def support_add(
    *, contribution: Contribution, participant: Participant, address: str | None = None
) -> bool:
    """Support a contribution; a second support is a no-op. True when this call added it.

    Anonymous supports are limited per participant and per address in each campaign
    (ANONYMOUS_RATE_LIMITS["support"]), and at most ANONYMOUS_SUPPORTS_PER_ADDRESS of them
    per contribution come from one address: a client without a cookie is a new participant
    each time, so the address is what keeps "one support per person" (decision 0013). Signed-in
    residents are not capped. The unique constraint decides under concurrency: get_or_create
    catches the IntegrityError of a parallel insert and returns the row that won.
    """
    refusal = _interaction_refusal(participant, contribution)
    if refusal:
        raise refusal_error(refusal, "not_allowed")
    if Support.objects.filter(contribution=contribution, participant=participant).exists():
        return False
    hashed = "" if participant_accountable(participant) else address_hash(address)
    if hashed:
        # One address's supports are counted with the contribution locked, so parallel
        # requests from it cannot all pass the cap.
        Contribution.objects.select_for_update().filter(pk=contribution.pk).first()
        same_address = Support.objects.filter(contribution=contribution, address_hash=hashed)
        if same_address.count() >= settings.ANONYMOUS_SUPPORTS_PER_ADDRESS:
            raise refusal_error(
                _(
                    "Several people from your network have already supported this without "
                    "signing in. Sign in to add your support."
                ),
                "address_limit",
            )
    rate_limit(
        action="support",
        participant=participant,
        address=address,
        scope=f"c{contribution.campaign_id}",
    )
    _support, created = Support.objects.get_or_create(
        contribution=contribution, participant=participant, defaults={"address_hash": hashed}
    )
    return created


def support_remove(*, contribution: Contribution, participant: Participant) -> bool:
    """Take a support back; True when there was one."""
    deleted, _details = Support.objects.filter(
        contribution=contribution, participant=participant
    ).delete()
    return bool(deleted)


def follow_add(*, contribution: Contribution, participant: Participant) -> None:
    """Follow a contribution to hear of its changes by e-mail, which needs an account."""
    if participant.user_id is None:
        raise refusal_error(_("Sign in to follow."), "sign_in_required")
    if contribution.moderation_state != Contribution.ModerationState.PUBLISHED:
        raise refusal_error(_("This contribution is not public."), "hidden")
    Follow.objects.get_or_create(contribution=contribution, participant=participant)


def follow_remove(*, contribution: Contribution, participant: Participant) -> None:
    Follow.objects.filter(contribution=contribution, participant=participant).delete()
