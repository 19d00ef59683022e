"""Writes of walk sessions: a facilitator starts one with a new code and ends it.

Starting and ending change nothing the public sees, so they write no moderation log entry (the
log records official acts on residents' input; decision 0047). The session keeps who started it.
"""

import secrets

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from engagement.common.errors import Errors
from engagement.models import Campaign, WalkSession
from engagement.models.walks import WALK_CODE_ALPHABET, WALK_CODE_LENGTH
from engagement.rules import can_facilitate

TITLE_MIN, TITLE_MAX = 3, 120
CODE_ATTEMPTS = 10


def walk_code_new() -> str:
    """A random code of the unambiguous alphabet (31^6, about 900 million codes)."""
    return "".join(secrets.choice(WALK_CODE_ALPHABET) for _ in range(WALK_CODE_LENGTH))


def _refuse_unless_facilitator(actor: User, campaign: Campaign) -> None:
    if not can_facilitate(actor, campaign):
        raise PermissionDenied(_("Only the campaign's facilitators and moderators run walks."))


@transaction.atomic
def walk_session_start(*, actor: User, campaign: Campaign, title: str) -> WalkSession:
    """A new session with a code no other session has."""
    _refuse_unless_facilitator(actor, campaign)
    title = " ".join((title or "").split())
    errors = Errors()
    errors.check_length(
        "title",
        title,
        (TITLE_MIN, TITLE_MAX),
        _("Write a title of %(min)d to %(max)d characters (now %(count)d)."),
        "title_length",
    )
    errors.raise_if_any()
    for _attempt in range(CODE_ATTEMPTS):
        try:
            with transaction.atomic():
                return WalkSession.objects.create(
                    campaign=campaign, code=walk_code_new(), title=title, started_by=actor
                )
        except IntegrityError:
            continue  # the code was taken: draw again
    raise RuntimeError(f"no free walk code after {CODE_ATTEMPTS} attempts")


@transaction.atomic
def walk_session_end(*, actor: User, session: WalkSession) -> WalkSession:
    """The session ends now; pins sent with its code are taken for the grace period after it.
    Ending an ended session changes nothing."""
    _refuse_unless_facilitator(actor, session.campaign)
    session = WalkSession.objects.select_for_update().get(pk=session.pk)
    if session.ended_at is None:
        session.ended_at = timezone.now()
        session.save(update_fields=["ended_at"])
    return session
