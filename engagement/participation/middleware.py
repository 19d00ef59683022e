"""Who is taking part: `request.get_participant(create=...)` for views and API views alike."""

import ipaddress
import secrets
from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

from engagement.interop.authentication import api_key_from_header
from engagement.interop.services import api_key_check
from engagement.models import Participant
from engagement.participation.services import participant_for_token, participant_for_user


class ParticipantMiddleware:
    """Resolves the participant lazily and sets the anonymous browser token when one is minted.

    A signed-in user is their own participant. An anonymous browser gets a random token in an
    HttpOnly cookie on its first write; the database keeps only the token's hash.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        minted: list[str] = []

        def get_participant(create: bool = False) -> Participant | None:
            if request.user.is_authenticated:
                return participant_for_user(user=request.user)
            key = api_key_from_header(request.META.get("HTTP_AUTHORIZATION", ""))
            if key is not None:
                # An integration writes as its key's participant; the API refuses a bad key.
                api_key = api_key_check(key=key)
                return api_key.participant if api_key else None
            token = request.COOKIES.get(settings.PARTICIPANT_COOKIE) or (minted and minted[0])
            if not token and create:
                token = secrets.token_urlsafe(32)
                minted.append(token)
            return participant_for_token(token=token or "", create=create)

        def anonymous_participant() -> Participant | None:
            """The browser's anonymous participant, even when a user is signed in (for claims)."""
            token = request.COOKIES.get(settings.PARTICIPANT_COOKIE, "")
            return participant_for_token(token=token, create=False)

        def participant_cookie_ensure() -> None:
            """A browser shown a form it may send without an account gets its token now, not
            with its first write: a send whose answer is lost on the way (a walk's patchy
            connection) is sent again as the same participant, so its idempotency key holds
            (decision 0046). No row is made until the first write."""
            if request.user.is_authenticated or request.COOKIES.get(settings.PARTICIPANT_COOKIE):
                return
            if not minted:
                minted.append(secrets.token_urlsafe(32))

        request.get_participant = get_participant
        request.anonymous_participant = anonymous_participant
        request.participant_cookie_ensure = participant_cookie_ensure
        response = self.get_response(request)
        if minted:
            response.set_cookie(
                settings.PARTICIPANT_COOKIE,
                minted[0],
                max_age=settings.PARTICIPANT_COOKIE_AGE,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


def client_address(request: HttpRequest) -> str | None:
    """The client's address for rate limits, looking past NUM_PROXIES trusted proxies.

    Each trusted proxy appends the address it saw to X-Forwarded-For, so the client is the
    NUM_PROXIES-th entry from the right; entries further left are whatever the client sent.
    With no proxy configured the header is ignored, since anyone can send it. A missing or
    malformed entry falls back to the socket's address rather than to a value a client chose.
    """
    if settings.NUM_PROXIES:
        forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= settings.NUM_PROXIES:
            candidate = forwarded[-settings.NUM_PROXIES]
            try:
                return str(ipaddress.ip_address(candidate))
            except ValueError:
                pass
    return request.META.get("REMOTE_ADDR") or None
