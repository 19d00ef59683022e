"""Writes of the kiosk: a contribution from a shared screen, by a participant of its own."""

import hashlib
import hmac
import secrets
import uuid

from django.conf import settings
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import NON_FIELD_ERRORS
from django.db import transaction
from django.utils.translation import gettext as _

from engagement.common.errors import Errors
from engagement.models import Campaign, Contribution, Theme
from engagement.participation.services import contribution_submit, participant_for_token
from engagement.rules import contribute_refusal


def kiosk_refusal(campaign: Campaign) -> str | None:
    """Why the campaign's kiosk takes no input now, or None: the campaign is closed, takes
    input only from signed-in residents, or asks for routes or areas, which a kiosk does not
    draw."""
    if not campaign.allow_anonymous:
        return _(
            "This campaign takes input only from signed-in residents, so this screen cannot "
            "take part. Please use your own phone or computer."
        )
    refusal = contribute_refusal(None, campaign)
    if refusal:
        return refusal
    if Campaign.GeometryKind.POINT not in campaign.geometry_kinds:
        return _("This campaign asks for routes or areas, which this screen cannot draw.")
    return None


def _kiosk_token(idempotency_key: uuid.UUID | None) -> str:
    """A token nobody holds: one per form shown (so a double click stores one contribution),
    derived with SECRET_KEY so that no browser can present it, random without a key."""
    if idempotency_key is None:
        return secrets.token_urlsafe(32)
    message = f"kiosk:{idempotency_key}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


@transaction.atomic
def kiosk_contribution_submit(
    *,
    campaign: Campaign,
    kind: str,
    theme: Theme | None,
    title: str,
    body: str,
    geometry: GEOSGeometry | None,
    language: str,
    idempotency_key: uuid.UUID | None,
    address: str | None,
    honeypot: str,
    device: str,
) -> Contribution:
    """A contribution from the campaign's kiosk, under the campaign's rules as any other.

    Each is made by a fresh anonymous participant whose token no browser gets, so nothing of
    one visitor is linked to the next. From an activated screen (`device`) the screen's rate
    limits apply and the contribution is marked as the kiosk's; otherwise the anonymous limits
    of the address apply, as to anyone.
    """
    refusal = kiosk_refusal(campaign)
    if refusal:
        errors = Errors()
        errors.add(NON_FIELD_ERRORS, refusal, "not_allowed")
        errors.raise_if_any()
    participant = participant_for_token(token=_kiosk_token(idempotency_key), create=True)
    return contribution_submit(
        campaign=campaign,
        participant=participant,
        kind=kind,
        theme=theme,
        title=title,
        body=body,
        geometry=geometry,
        language=language,
        idempotency_key=idempotency_key,
        address=address,
        honeypot=honeypot,
        kiosk=device,
    )
