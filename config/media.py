"""The one door to uploaded files (MEDIA_URL): hidden means hidden for photos too.

A file is served only when a model names it and the app that stored it says this requester may
see it (`engagement.common.media.MediaFile`), by the rule its pages follow: a hidden or withdrawn
contribution's photos answer 404 to the public, as its page does, while its author and the
campaign's moderators still see them where their pages show them. A file no model names (a
leftover, a guessed name) is 404 for everyone.

The app checks; the bytes come from Django itself (in byte ranges, so a story's video streams
and seeks: `config.ranges`), or, with MEDIA_ACCEL_REDIRECT_PREFIX set,
from nginx: the answer then carries `X-Accel-Redirect: <prefix><name>` and nginx sends the file
from an `internal` location that aliases MEDIA_ROOT (README, "Photos and other uploads in
production"). MEDIA_ROOT must never be reachable from outside except through this door. With
media in an S3 bucket (AWS_STORAGE_BUCKET_NAME), the bucket is private and the app streams the
object after the same check (docs/decisions/0029).
"""

import mimetypes
from collections.abc import Callable
from urllib.parse import quote

from django.conf import settings
from django.core.files.storage import FileSystemStorage, default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

from config.ranges import ranged_file_response
from engagement.common.media import MediaFile
from engagement.participation.selectors import photo_file
from toolkit.content.selectors import story_file
from toolkit.pilots.selectors import pilot_photo_file

# Who stored a file, asked in turn: residents' photos first, as they are most of the requests.
FILE_OWNERS: tuple[Callable[..., MediaFile | None], ...] = (
    photo_file,
    pilot_photo_file,
    story_file,
)
# Shared caches may keep a public file this long, so a photo hidden now is gone from them
# within five minutes; a file that is not public is never kept by a shared cache.
PUBLIC_MAX_AGE = 300


def media_file(*, name: str) -> MediaFile | None:
    """Who may see the uploaded file stored under `name`; None when no model names it."""
    for owner in FILE_OWNERS:
        found = owner(name=name)
        if found is not None:
            return found
    return None


@require_safe
def media_serve(request: HttpRequest, path: str) -> HttpResponse:
    """An uploaded file, to whoever may see it; 404 (not 403) otherwise, so a hidden file's
    existence is not confirmed."""
    found = media_file(name=path)
    if found is None:
        raise Http404
    # A public file is answered without reading the session or the participant cookie.
    public = found.public
    if not public and not found.visible_to(request.user, request.get_participant(create=False)):
        raise Http404
    response = _file_response(request, path)
    if public:
        patch_cache_control(response, public=True, max_age=PUBLIC_MAX_AGE)
    else:
        patch_cache_control(response, private=True, no_cache=True)
    return response


def _file_response(request: HttpRequest, name: str) -> HttpResponse:
    if not isinstance(default_storage, FileSystemStorage):
        return _stored_response(name)
    prefix = settings.MEDIA_ACCEL_REDIRECT_PREFIX
    if not prefix:
        return ranged_file_response(request, name)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = HttpResponse(content_type=content_type)
    # nginx keeps Content-Type and Cache-Control from this answer and sends the file itself.
    response["X-Accel-Redirect"] = f"{prefix.rstrip('/')}/{quote(name)}"
    return response


def _stored_response(name: str) -> HttpResponse:
    """The file from the storage's API (an S3 bucket): streamed by the app after its check,
    never a redirect to the bucket (docs/decisions/0029: a presigned URL is a bearer link that
    outlives a moderator's hiding)."""
    try:
        file = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    return FileResponse(file, content_type=content_type)
