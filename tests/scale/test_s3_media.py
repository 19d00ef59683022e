"""Uploads in an S3-compatible bucket, with a real local S3 (moto in server mode, started once for
the session on a free port) and the storage settings AWS_STORAGE_BUCKET_NAME gives.

A photo is sent through the campaign form as a resident's browser sends it, found in the bucket
with boto3, fetched through /media/ as the page links it, and refused once hidden: the app's
check holds whatever the storage (docs/decisions/0015, 0029).
"""

import io
import json
import os
import re
import socket
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client
from PIL import Image

from config.settings.backends import media_storage
from tests.test_media import _jpeg, _submit_with_photo

try:
    import boto3
    import moto  # noqa: F401  (the server below runs it)
except ImportError:  # requirements/base.lock and dev.lock have them
    if os.environ.get("CI") == "true":
        raise
    pytest.skip("boto3 or moto is not installed", allow_module_level=True)

ROOT = Path(__file__).resolve().parent.parent.parent
BUCKET = "yhdessa-media-test"
REGION = "eu-north-1"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def s3_endpoint(tmp_path_factory):
    """moto's S3 on 127.0.0.1:<port>, with the test bucket."""
    port = _free_port()
    log = (tmp_path_factory.mktemp("moto") / "moto.log").open("w")
    process = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    endpoint = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("moto_server did not start") from None
            time.sleep(0.05)
    _s3(endpoint).create_bucket(
        Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION}
    )
    yield endpoint
    process.terminate()
    process.wait(timeout=10)
    log.close()


def _s3(endpoint: str):
    return boto3.client(
        "s3",
        endpoint_url=endpoint,
        region_name=REGION,
        aws_access_key_id="test",
        aws_secret_access_key="test",
    )


def _objects(endpoint: str) -> dict[str, bytes]:
    client = _s3(endpoint)
    listed = client.list_objects_v2(Bucket=BUCKET).get("Contents", [])
    return {
        item["Key"]: client.get_object(Bucket=BUCKET, Key=item["Key"])["Body"].read()
        for item in listed
    }


@pytest.fixture
def bucket(s3_endpoint, settings):
    """STORAGES["default"] as the bucket's variables give it, the bucket emptied."""
    client = _s3(s3_endpoint)
    for item in client.list_objects_v2(Bucket=BUCKET).get("Contents", []):
        client.delete_object(Bucket=BUCKET, Key=item["Key"])
    settings.STORAGES = {
        **settings.STORAGES,
        "default": media_storage(
            bucket=BUCKET,
            endpoint_url=s3_endpoint,
            region=REGION,
            access_key="test",
            secret_key="test",
        ),
    }
    return s3_endpoint


def test_the_settings_read_the_bucket_variables():
    """config.settings.base as a deployment loads it: the bucket named, then not."""
    code = "import json; from config.settings import base as s; print(json.dumps(s.STORAGES))"
    env = {**os.environ, "SECRET_KEY": "x" * 50}
    named = {
        "AWS_STORAGE_BUCKET_NAME": "city-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.fi",
        "AWS_S3_REGION_NAME": "fi-1",
        "AWS_ACCESS_KEY_ID": "key",
        "AWS_SECRET_ACCESS_KEY": "secret",
    }
    answers = []
    for extra in (named, {"AWS_STORAGE_BUCKET_NAME": ""}):
        done = subprocess.run(
            [sys.executable, "-c", code],
            env={**env, **extra},
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        answers.append(json.loads(done.stdout)["default"])
    with_bucket, without = answers
    assert with_bucket["BACKEND"] == "config.bucket.MediaBucketStorage"
    options = with_bucket["OPTIONS"]
    assert options["bucket_name"] == "city-media"
    assert options["endpoint_url"] == "https://s3.example.fi"
    assert options["region_name"] == "fi-1"
    assert (options["access_key"], options["secret_key"]) == ("key", "secret")
    assert options["default_acl"] is None  # private: no public-read ACL on any object
    assert without == {"BACKEND": "django.core.files.storage.FileSystemStorage"}


def test_a_photo_sent_through_the_form_lands_in_the_bucket_and_is_served_through_media(
    bucket, theme, settings
):
    author = Client()
    # Other tests in this worker may have left their own photos on the disk: none is added.
    on_disk = set(Path(settings.MEDIA_ROOT).rglob("*"))
    contribution = _submit_with_photo(author, theme)
    photo = contribution.photos.get()
    stored = _objects(bucket)
    assert set(stored) == {photo.image.name, photo.thumbnail.name}
    assert set(Path(settings.MEDIA_ROOT).rglob("*")) == on_disk  # nothing on the local disk

    page = Client().get(f"/contributions/{contribution.pk}/").content.decode()
    urls = list(dict.fromkeys(re.findall(r'(?:href|src)="(/media/[^"]+)"', page)))
    assert urls == [photo.image.url, photo.thumbnail.url]
    assert bucket not in page  # the bucket is never linked to
    for url, name in zip(urls, (photo.image.name, photo.thumbnail.name), strict=True):
        response = Client().get(url)
        assert response.status_code == 200
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "public, max-age=300"
        assert b"".join(response.streaming_content) == stored[name]
        with Image.open(io.BytesIO(stored[name])) as image:
            assert image.format == "JPEG"


def test_a_hidden_contributions_photo_in_the_bucket_answers_404(bucket, theme, moderator_client):
    author = Client()
    contribution = _submit_with_photo(author, theme)
    url = contribution.photos.get().image.url
    assert Client().get(url).status_code == 200

    response = moderator_client.post(
        f"/moderation/contributions/{contribution.pk}/", {"action": "hide", "reason": "spam"}
    )
    assert response.status_code == 302
    assert Client().get(url).status_code == 404
    assert Client().head(url).status_code == 404
    # Still in the bucket (a restore must bring it back), and its moderators still see it,
    # never through a shared cache.
    assert contribution.photos.get().image.name in _objects(bucket)
    seen = moderator_client.get(url)
    assert seen.status_code == 200
    assert seen["Cache-Control"] == "private, no-cache"
    # A name no row names is 404 too, though the object exists.
    default_storage.save("photos/stray.jpg", ContentFile(_jpeg().getvalue()))
    assert Client().get("/media/photos/stray.jpg").status_code == 404


def test_the_sweep_deletes_orphans_in_the_bucket_and_keeps_named_files(bucket, theme):
    from config.uploads import photos_sweep

    contribution = _submit_with_photo(Client(), theme)
    photo = contribution.photos.get()
    orphan = default_storage.save("photos/2026/12/orphan.jpg", ContentFile(b"left over"))
    assert photos_sweep(older_than=timedelta(hours=1)) == []  # too young to be sure
    assert photos_sweep(older_than=timedelta(0)) == [orphan]
    assert set(_objects(bucket)) == {photo.image.name, photo.thumbnail.name}


def test_a_bucket_is_archived_and_restored_through_the_storage(bucket, theme, tmp_path):
    """What platform/backup.sh and restore.sh run with AWS_STORAGE_BUCKET_NAME set: the archive
    has MEDIA_ROOT's layout, and importing it makes the bucket hold exactly its files."""
    import tarfile

    from django.core.management import call_command

    contribution = _submit_with_photo(Client(), theme)
    photo = contribution.photos.get()
    before = _objects(bucket)
    archive = tmp_path / "media.tar.gz"
    call_command("media_archive", "export", str(archive), stdout=io.StringIO())
    with tarfile.open(archive) as opened:
        assert {m.name: opened.extractfile(m).read() for m in opened.getmembers()} == before

    _s3(bucket).delete_object(Bucket=BUCKET, Key=photo.image.name)
    default_storage.save("photos/later.jpg", ContentFile(b"after the backup"))
    out = io.StringIO()
    call_command("media_archive", "import", str(archive), stdout=out)
    assert out.getvalue().strip() == "2 files"
    assert _objects(bucket) == before
    assert Client().get(photo.image.url).status_code == 200
