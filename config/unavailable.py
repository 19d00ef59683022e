"""A database that is away (restarting, failing over, out of connections) answers 503, not 500.

While PostgreSQL restarts, every query raises OperationalError (or InterfaceError on a connection
the server closed). Django would answer that with its 500 page, which tells the visitor the site
is broken and tells a proxy or monitor nothing useful. Here it becomes a translated 503 with
`Retry-After`: the client knows to retry, and the next request reconnects by itself
(`CONN_HEALTH_CHECKS` replaces a dead persistent connection), so the app needs no restart.

Nothing is half-written: the request's transaction was open on the connection that failed, and
PostgreSQL rolls back every transaction that did not commit. Photo files a failed request wrote
are swept later (`config.uploads.photos_sweep`).

Two paths lead here: an exception in a view (or its template) reaches `process_exception`; one
raised in another middleware (a session read, say) has already become a 500 response when it
reaches this middleware, listed before them, so a `got_request_exception` receiver marks the
request and the 500 is replaced.
"""

import logging
import sys
from collections.abc import Callable

import psycopg
from django.core.signals import got_request_exception
from django.db.utils import InterfaceError, OperationalError
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)

# Connection refused or lost, server shutting down or starting up, too many clients, deadlock,
# statement timeout: all transient, all worth a retry. psycopg's own classes too: a few of its
# errors pass Django's wrapper unwrapped (closing a server-side cursor, as a form's choices of a
# queryset do, raises AdminShutdown as it is when the server goes down meanwhile).
UNAVAILABLE = (
    OperationalError,
    InterfaceError,
    psycopg.OperationalError,
    psycopg.InterfaceError,
)
RETRY_AFTER_SECONDS = 5
_MARK = "_database_unavailable"


def unavailable_response(request: HttpRequest) -> HttpResponse:
    """A 503 in the door's own format, built without touching the database."""
    message = _("The service is briefly unavailable. Please try again in a moment.")
    path = request.path_info
    if path.startswith("/open311/"):
        response: HttpResponse = JsonResponse(
            [{"code": 503, "description": message}], status=503, safe=False
        )
    elif path.startswith(("/api/", "/tiles/", "/features/")):
        response = JsonResponse({"detail": message}, status=503)
    else:
        # A page of its own: base.html would ask the database who is signed in.
        try:
            response = render(request, "503.html", {"message": message}, status=503)
        except Exception:  # the answer to a failure must not fail in turn
            logger.exception("503.html could not be rendered")
            response = HttpResponse(message, status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 with Retry-After when the database cannot be reached.

    Listed before every middleware that may query the database (sessions, accounts).
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if response.status_code == 500 and getattr(request, _MARK, False):
            return unavailable_response(request)
        return response

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, UNAVAILABLE):
            return None
        logger.warning("database unavailable for %s: %s", request.path, exception)
        return unavailable_response(request)


@receiver(got_request_exception, dispatch_uid="config.unavailable.mark")
def _mark_unavailable(sender: object, request: HttpRequest | None = None, **kwargs: object) -> None:
    """Marks a request whose middleware failed for want of the database (see the module)."""
    if request is not None and isinstance(sys.exc_info()[1], UNAVAILABLE):
        setattr(request, _MARK, True)
