"""The site's public address for links that leave it (e-mails), whoever composes them.

`SITE_URL` wins when it is set (production requires it). Without it, a link points to the address
the request came to (its scheme and host, which ALLOWED_HOSTS has checked), so `make run` on any
port or host sends working links. A service does not receive the request: the middleware keeps
the current one for `site_url()`, and a service captures the address when the change happens and
hands it to whatever composes the e-mail later (after the commit, or in the queue's worker).
"""

from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse

_current_request: ContextVar[HttpRequest | None] = ContextVar("current_request", default=None)


def site_url(request: HttpRequest | None = None) -> str:
    """The base address (scheme, host and port, no trailing slash) to put before a path."""
    if settings.SITE_URL:
        return settings.SITE_URL
    request = request if request is not None else _current_request.get()
    if request is not None:
        try:
            return request.build_absolute_uri("/").rstrip("/")
        except DisallowedHost:
            pass  # a host the site does not answer to never goes into a link
    # Outside any request (a management command) in development: the address of `make run`.
    return settings.LOCAL_SITE_URL


class CurrentRequestMiddleware:
    """Keeps the request being served for `site_url()`, for this request's context only."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
