"""The overall cap on one request's uploaded files (MAX_UPLOAD_BYTES_PER_REQUEST).

Django bounds a request's form fields (DATA_UPLOAD_MAX_MEMORY_SIZE) and the number of its files
(DATA_UPLOAD_MAX_NUMBER_FILES), not the bytes of its files: without this handler every part is
written to a temporary file, however many megabytes arrive. `RequestUploadLimitHandler`, first in
FILE_UPLOAD_HANDLERS, counts the bytes of every file part as they stream in. Once the total
passes the cap, the file being received and every later one are not kept (nothing more is
written anywhere); each becomes a `NotKeptUpload` that carries only its name and size. The
request's text fields are still parsed, so the form the resident filled in is shown again with
everything they typed, and the photo check (engagement.participation.photos.photos_check)
refuses the photos with a translated message before anything is decoded.

Staff (the admin's imports) and signed-in users of views marked with `large_uploads` (the
toolkit's videos) are not capped here; the proxy's body size limit still applies to them.
"""

import io
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.core.files.uploadhandler import FileUploadHandler, StopFutureHandlers

View = TypeVar("View", bound=Callable)


def large_uploads(view: View) -> View:
    """Marks a view whose trusted users upload large files (videos): not capped per request."""
    view.large_uploads = True
    return view


class NotKeptUpload(UploadedFile):
    """A file part past the request's cap: its name and size as received, none of its bytes."""

    over_request_limit = True

    def __init__(self, name: str, content_type: str, size: int, charset: str | None) -> None:
        super().__init__(io.BytesIO(), name, content_type, size, charset)


def _capped(request) -> bool:
    """Every request but staff's, and a signed-in user's to a `large_uploads` view (its form is
    parsed by the CSRF check before the view can refuse an anonymous visitor)."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return True
    if user.is_staff:
        return False
    match = getattr(request, "resolver_match", None)
    return not getattr(getattr(match, "func", None), "large_uploads", False)


class RequestUploadLimitHandler(FileUploadHandler):
    """Counts a request's file bytes and keeps none past MAX_UPLOAD_BYTES_PER_REQUEST."""

    def __init__(self, request=None) -> None:
        super().__init__(request)
        self.limit: int | None = None
        self.total = 0
        self.over = False
        self.size = 0
        self.dropping = False

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.limit = settings.MAX_UPLOAD_BYTES_PER_REQUEST if _capped(self.request) else None
        self.total, self.over = 0, False

    def new_file(self, *args, **kwargs) -> None:
        super().new_file(*args, **kwargs)
        self.size = 0
        self.dropping = self.over
        if self.over:
            raise StopFutureHandlers  # the later handlers never open a file for it

    def receive_data_chunk(self, raw_data: bytes, start: int) -> bytes | None:
        self.size += len(raw_data)
        if self.limit is None:
            return raw_data
        self.total += len(raw_data)
        if self.dropping:
            return None
        if self.total > self.limit:
            self.over = self.dropping = True
            self._close_partial_files()
            return None
        return raw_data

    def file_complete(self, file_size: int) -> UploadedFile | None:
        if not self.dropping:
            return None  # the next handler (memory or temporary file) returns the file
        return NotKeptUpload(self.file_name, self.content_type, self.size, self.charset)

    def _close_partial_files(self) -> None:
        """The later handlers hold the first part of the file that passed the cap: a temporary
        file is deleted when closed."""
        handlers = list(getattr(self.request, "upload_handlers", []))
        for handler in handlers[handlers.index(self) + 1 :] if self in handlers else []:
            partial = getattr(handler, "file", None)
            if partial is not None:
                partial.close()
