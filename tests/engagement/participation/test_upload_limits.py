"""Uploads over HTTP: nothing is decoded before the rate limit and the cheap checks have passed;
one request's files are capped in bytes and in the pixels decoding would produce; refusals are
translated, name the photos field, and the HTML form keeps what the resident typed."""

import io
import json
import time

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, RequestFactory
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart
from PIL import Image, ImageFile

from engagement.common.uploads import NotKeptUpload
from engagement.models import Contribution, Photo

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"


def encode(size, fmt: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (40, 120, 200)).save(buffer, fmt)
    return buffer.getvalue()


@pytest.fixture(scope="module")
def huge_png() -> bytes:
    """6,300 x 6,300 pixels in about 130 kB: seconds and hundreds of MB to decode."""
    return encode((6300, 6300), "PNG")


@pytest.fixture
def decoded(monkeypatch) -> list:
    """The size of every image Pillow's decoder (ImageFile.load) decoded in this test."""
    calls = []
    seen = set()
    original = ImageFile.ImageFile.load

    def spy(self):
        if id(self) not in seen:  # Pillow calls load again on an image it has decoded
            seen.add(id(self))
            calls.append(self.size)
        return original(self)

    monkeypatch.setattr(ImageFile.ImageFile, "load", spy)
    return calls


def fields(theme, **overrides) -> dict:
    return {
        "campaign": theme.campaign.slug,
        "kind": "idea",
        "theme": theme.slug,
        "title": "Broken bench by the pond",
        "body": "See the photos: two slats are gone.",
        "geometry": json.dumps({"type": "Point", "coordinates": [23.631, 61.501]}),
        **overrides,
    }


def photo(data: bytes, name: str = "photo.png", content_type: str = "image/png"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def api_post(theme, photos, client=None, **overrides):
    return (client or Client()).post(
        API, fields(theme, photos=photos, **overrides), headers={"accept-language": "en"}
    )


def test_a_6300_px_png_is_refused_from_its_header_without_decoding(theme, huge_png, decoded):
    started = time.monotonic()
    response = api_post(theme, [photo(huge_png, "pond.png")])
    elapsed = time.monotonic() - started
    assert response.status_code == 400
    (message,) = response.json()["photos"]
    assert "pond.png is too large to process: at most 16 megapixels" in message
    assert decoded == []
    assert elapsed < 1.5  # decoding it takes seconds
    assert not Contribution.objects.exists()


def test_the_refusal_is_translated(theme, huge_png):
    response = Client().post(
        API, fields(theme, photos=[photo(huge_png, "lampi.png")]), headers={"accept-language": "fi"}
    )
    assert response.status_code == 400
    assert "lampi.png" in response.json()["photos"][0]
    assert "megapikseli" in response.json()["photos"][0]


def test_a_rate_limited_client_gets_429_and_its_photo_is_not_decoded(theme, settings, decoded):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "contribution": (1, 3600)}
    browser = Client()
    small = encode((64, 48), "PNG")
    assert api_post(theme, [photo(small)], browser).status_code == 201
    assert len(decoded) == 1
    response = api_post(theme, [photo(small)], browser)
    assert response.status_code == 429
    assert response["Retry-After"]
    assert len(decoded) == 1  # the refused request's photo was never decoded
    assert Photo.objects.count() == 1


def test_decoded_pixels_are_capped_per_request(theme, settings, decoded):
    settings.MAX_DECODED_PIXELS_PER_REQUEST = 3_000_000
    each = encode((1000, 1000), "PNG")  # 1 megapixel each: allowed alone, four are too many
    response = api_post(theme, [photo(each, f"p{n}.png") for n in range(4)])
    assert response.status_code == 400
    assert "together have more than 3 megapixels" in response.json()["photos"][0]
    assert decoded == []
    assert api_post(theme, [photo(each, f"p{n}.png") for n in range(3)]).status_code == 201


def test_a_large_jpeg_counts_at_the_scale_it_is_decoded(theme, settings, decoded):
    """A phone's 24 MP JPEG is decoded at half scale (the stored image is 2,048 px at most):
    6 MP of work, so it is not refused by the per-photo cap."""
    big = encode((5712, 4284), "JPEG")
    response = api_post(theme, [photo(big, "phone.jpg", "image/jpeg")])
    assert response.status_code == 201, response.content
    assert decoded == [(2856, 2142)]
    assert Photo.objects.get().width == 2048


def test_too_many_bytes_in_one_request_is_413_through_the_api(theme, settings, decoded):
    settings.MAX_UPLOAD_BYTES_PER_REQUEST = 100_000
    noisy = [Image.effect_noise((200, 200), 80).convert("RGB") for _ in range(3)]
    files = []
    for n, img in enumerate(noisy):
        buffer = io.BytesIO()
        img.save(buffer, "PNG")
        files.append(photo(buffer.getvalue(), f"n{n}.png"))
    assert sum(f.size for f in files) > 100_000
    response = api_post(theme, files)
    assert response.status_code == 413
    assert response.json()["photos"] == [
        "The photos together are larger than 97.7\xa0KB. Attach fewer or smaller ones."
    ]
    assert decoded == []
    assert not Contribution.objects.exists()


def test_too_many_bytes_on_the_html_form_keeps_the_typed_text(theme, settings, decoded):
    settings.MAX_UPLOAD_BYTES_PER_REQUEST = 1024 * 1024
    big = bytes(600 * 1024)  # two of them pass the cap; what they contain is never read
    response = Client().post(
        f"/en{theme.campaign.get_absolute_url()}",
        {
            "kind": "need",
            "theme": theme.slug,
            "title": "Lights on the forest path",
            "body": "The path to the school is dark in winter, says Aino.",
            "lat": "61.501",
            "lon": "23.631",
            "photos": [photo(big, "a.png"), photo(big, "b.png")],
        },
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The photos together are larger than 1.0\xa0MB" in html
    assert 'id="error-photos"' in html
    form = response.context["form"]
    assert form.errors["photos"] == [
        "The photos together are larger than 1.0\xa0MB. Attach fewer or smaller ones."
    ]
    assert "The path to the school is dark in winter, says Aino." in html
    assert 'value="Lights on the forest path"' in html
    assert decoded == []
    assert not Contribution.objects.exists()


def test_files_past_the_cap_are_not_kept(settings, tmp_path):
    """The upload handler keeps the files within MAX_UPLOAD_BYTES_PER_REQUEST; of the file that
    passes it and every later one only the name and size remain (no temporary file is left),
    and the text fields are kept."""
    settings.MAX_UPLOAD_BYTES_PER_REQUEST = 300_000
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1000  # files go to temporary files on disk
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    body = encode_multipart(
        BOUNDARY,
        {
            "title": "Kept",
            "photos": [
                SimpleUploadedFile("one.jpg", b"1" * 200_000),
                SimpleUploadedFile("two.jpg", b"2" * 200_000),
                SimpleUploadedFile("three.jpg", b"3" * 50_000),
            ],
        },
    )
    request = RequestFactory().generic("POST", "/", body, content_type=MULTIPART_CONTENT)
    request.user = AnonymousUser()
    one, two, three = request.FILES.getlist("photos")
    assert request.POST["title"] == "Kept"
    assert not isinstance(one, NotKeptUpload) and one.read() == b"1" * 200_000
    assert isinstance(two, NotKeptUpload) and isinstance(three, NotKeptUpload)
    assert (two.name, two.size, two.read()) == ("two.jpg", 200_000, b"")
    assert (three.name, three.size, three.read()) == ("three.jpg", 50_000, b"")
    assert [path.stat().st_size for path in tmp_path.iterdir()] == [200_000]  # one.jpg's


def test_too_many_files_in_one_request_is_a_translated_400(theme, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FILES = 3
    tiny = encode((8, 8), "PNG")
    response = api_post(theme, [photo(tiny, f"t{n}.png") for n in range(4)])
    assert response.status_code == 400
    assert "too many fields or files" in json.dumps(response.json())
