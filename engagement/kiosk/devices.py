"""An activated kiosk screen: a signed, HttpOnly cookie that names the campaign (decision 0048).

A moderator of the campaign activates a screen once, on the screen. The cookie is the device's
configuration, not a person's: it holds the campaign's id, a random id for the screen (its rate
limits count by it) and the activating moderator's user id. It is honoured only for that
campaign and only while that user may still moderate it, so taking the role away deactivates
every screen they activated; the screen's own "stop" button removes the cookie.
"""

import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.http import HttpRequest, HttpResponse

from engagement.models import Campaign
from engagement.rules import can_moderate

SALT = "engagement.kiosk.device"


def _max_age() -> int:
    return settings.KIOSK_DEVICE_DAYS * 24 * 3600


def kiosk_device(request: HttpRequest, campaign: Campaign) -> str:
    """The id of the activated kiosk screen this request comes from, "" when it is none (no
    cookie, a bad or expired signature, another campaign, or an activator no longer allowed)."""
    raw = request.COOKIES.get(settings.KIOSK_DEVICE_COOKIE, "")
    if not raw:
        return ""
    try:
        data = signing.loads(raw, salt=SALT, max_age=_max_age())
    except signing.BadSignature:
        return ""
    if not isinstance(data, dict) or data.get("c") != campaign.pk:
        return ""
    device, user_id = data.get("d"), data.get("u")
    if not isinstance(device, str) or not isinstance(user_id, int):
        return ""
    user = get_user_model().objects.filter(pk=user_id, is_active=True).first()
    if user is None or not can_moderate(user, campaign):
        return ""
    return device


def kiosk_device_set(response: HttpResponse, *, campaign: Campaign, user_id: int) -> None:
    """Marks the browser as a kiosk screen of the campaign, with a new screen id."""
    value = signing.dumps({"c": campaign.pk, "d": secrets.token_hex(8), "u": user_id}, salt=SALT)
    response.set_cookie(
        settings.KIOSK_DEVICE_COOKIE,
        value,
        max_age=_max_age(),
        httponly=True,
        samesite="Strict",
        secure=settings.SESSION_COOKIE_SECURE,
    )


def kiosk_device_clear(response: HttpResponse) -> None:
    response.delete_cookie(settings.KIOSK_DEVICE_COOKIE, samesite="Strict")
