"""Uploads in a private S3-compatible bucket (django-storages), read only through the app.

The bucket is never linked to: a file's URL is its address under MEDIA_URL, as on disk, so the
pages' links go through the one door (config/media.py), which checks who may see the file and
then streams it from the bucket. No public or presigned bucket URL is ever made
(docs/decisions/0029).
"""

from urllib.parse import urljoin

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage


class MediaBucketStorage(S3Storage):
    """S3Storage whose `url` is the app's /media/ address of the object."""

    def url(
        self,
        name: str,
        parameters: dict | None = None,
        expire: int | None = None,
        http_method: str | None = None,
    ) -> str:
        """The file's address under MEDIA_URL; never the bucket's."""
        return urljoin(settings.MEDIA_URL, filepath_to_uri(name).lstrip("/"))
