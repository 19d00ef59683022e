"""Who may see an uploaded file: the answer every app gives for the files it stores.

Uploaded files (residents' photos, pilots' photos, story videos) are never served straight from
MEDIA_ROOT: a file's unguessable name would stay valid after a moderator hid it. The one door
(`config.media.media_serve`) asks the app that stored a file, by its name, whether it is public
and, if not, whether this requester may still see it, by the same rule its pages follow.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.contrib.auth.models import AnonymousUser, User

from engagement.models import Participant

# (user, participant) -> may this requester see the file although the public may not?
Viewer = Callable[[User | AnonymousUser, Participant | None], bool]


def _nobody(user: User | AnonymousUser, participant: Participant | None) -> bool:
    return False


@dataclass(frozen=True)
class MediaFile:
    """A stored file's audience: `public` for anyone, else only those `visible_to` admits.

    `visible_to` is asked only for a file that is not public, so serving a public file never
    reads the session or the participant cookie.
    """

    public: bool
    visible_to: Viewer = _nobody
