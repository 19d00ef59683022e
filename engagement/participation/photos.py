"""Residents' photo uploads: checked by decoding, re-encoded from pixels only, never stored as sent.

What decoding would cost is checked first, from sizes and headers only (photos_check), so a
refusal, a rate limit among them, never waits for Pillow to decode anything.

A phone photo carries the resident's location, device and often name in EXIF, XMP, IPTC and PNG
text chunks. Only pixel data survives here, so no metadata can leak into the public site. Nothing
in this module touches the database: the engagement service stores the results in its transaction.

Stored image and thumbnail formats:
- JPEG in, JPEG out for both (quality 85, optimised, progressive). A phone's multi-picture JPEG
  (Pillow's "MPO") counts as JPEG; only its first picture is kept.
- PNG in, PNG image (lossless, as drawn) and WebP thumbnail (small, keeps transparency).
- WebP in, WebP out for both (quality 85). Of an animation only the first frame is kept.
"""

import io
import struct
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db.models import Model
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from PIL import Image, ImageCms, ImageOps

MAX_PHOTOS = 5
MAX_BYTES = 10 * 1024 * 1024  # 10 MB
MAX_PIXELS = 40_000_000  # 40 megapixels
MAX_EDGE = 2048  # longest edge of the stored image, pixels
THUMB_EDGE = 400  # longest edge of the thumbnail
ACCEPTED_FORMATS = {"JPEG", "PNG", "WEBP"}

NAME_MAX = 80
# Pillow calls a JPEG with an embedded second picture (many phones write one) "MPO".
_FORMAT_ALIASES = {"MPO": "JPEG"}
_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
_THUMB_FORMATS = {"JPEG": "JPEG", "PNG": "WEBP", "WEBP": "WEBP"}
_SAVE_OPTIONS = {
    "JPEG": {"quality": 85, "optimize": True, "progressive": True},
    "PNG": {},  # the default compression: optimize=True costs seconds on a 2048 px image
    "WEBP": {"quality": 85},
}
# What Pillow raises for data it cannot decode: a broken or truncated file, an unknown format.
_DECODE_ERRORS = (OSError, SyntaxError, ValueError, EOFError, struct.error)


@dataclass(frozen=True)
class CleanPhoto:
    """A photo ready to store: pixels only, at most MAX_EDGE, named by a random id."""

    image: ContentFile
    thumbnail: ContentFile
    width: int
    height: int


class _Refused(Exception):
    """One file's problem, carried to the loop that collects every file's problems."""

    def __init__(self, error: ValidationError) -> None:
        super().__init__(error)
        self.error = error


def photos_check(files: Sequence[UploadedFile]) -> int:
    """Refuse what is too much before anything is decoded; returns the pixels decoding will take.

    Cheap: sizes, then each file's header (Image.open reads no pixel data), so a caller can
    check its rate limit between this and photos_clean. Refused: more than MAX_PHOTOS files,
    together more than MAX_UPLOAD_BYTES_PER_REQUEST (a file the upload handler did not keep
    counts with the size it had), a file over MAX_BYTES or not an accepted format, more than
    MAX_PIXELS declared or MAX_DECODED_PIXELS_PER_PHOTO to decode in one file, and more than
    MAX_DECODED_PIXELS_PER_REQUEST to decode in all. Every problem is named at once.
    """
    if len(files) > MAX_PHOTOS:
        # Refused before reading anything: many files are work for an attacker.
        raise ValidationError(
            ngettext(
                "Attach at most %(limit)d photo.",
                "Attach at most %(limit)d photos.",
                MAX_PHOTOS,
            ),
            code="too_many_photos",
            params={"limit": MAX_PHOTOS, "count": len(files)},
        )
    request_limit = settings.MAX_UPLOAD_BYTES_PER_REQUEST
    not_kept = any(getattr(file, "over_request_limit", False) for file in files)
    if not_kept or sum(file.size or 0 for file in files) > request_limit:
        raise ValidationError(
            _("The photos together are larger than %(size)s. Attach fewer or smaller ones."),
            code="upload_too_large",
            params={"size": filesizeformat(request_limit)},
        )
    errors: list[ValidationError] = []
    total_pixels = 0
    for number, file in enumerate(files, start=1):
        name = _display_name(file, number)
        try:
            img = _open_checked(_read_limited(file, name=name), name=name)
            with img:
                total_pixels += _decoded_pixels(img, name=name)
        except _Refused as refused:
            errors.append(refused.error)
    pixel_limit = settings.MAX_DECODED_PIXELS_PER_REQUEST
    if not errors and total_pixels > pixel_limit:
        errors.append(
            ValidationError(
                _(
                    "The photos together have more than %(limit)d megapixels. Attach fewer or "
                    "smaller ones."
                ),
                code="photos_too_many_pixels",
                params={"limit": pixel_limit // 1_000_000},
            )
        )
    if errors:
        raise ValidationError(errors)
    return total_pixels


def photos_clean(files: Sequence[UploadedFile]) -> list[CleanPhoto]:
    """Validate and re-encode all files, or raise ValidationError naming each bad file.

    photos_check runs first, so nothing is decoded unless every file passed it; then every
    file is decoded before raising, so the form can show all problems at once.
    """
    photos_check(files)
    cleaned: list[CleanPhoto] = []
    errors: list[ValidationError] = []
    for number, file in enumerate(files, start=1):
        try:
            cleaned.append(_photo_clean(file, name=_display_name(file, number)))
        except _Refused as refused:
            errors.append(refused.error)
    if errors:
        raise ValidationError(errors)
    return cleaned


def photos_store(*, model: type[Model], photos: Sequence[CleanPhoto], **owner: object) -> None:
    """Writes cleaned photos in the order given, for their owner (a contribution or a pilot)."""
    for position, photo in enumerate(photos):
        model.objects.create(
            **owner,
            image=photo.image,
            thumbnail=photo.thumbnail,
            width=photo.width,
            height=photo.height,
            position=position,
        )


def _display_name(file: UploadedFile, number: int) -> str:
    """The file's base name, short and printable, to tell the resident which file is meant."""
    name = PurePosixPath((file.name or "").replace("\\", "/")).name
    name = "".join(char for char in name if char.isprintable()).strip()
    if not name:
        return _("Photo %(number)d") % {"number": number}
    return name if len(name) <= NAME_MAX else name[: NAME_MAX - 1] + "…"


def _photo_clean(file: UploadedFile, *, name: str) -> CleanPhoto:
    """Decode one upload and re-encode its pixels, or raise _Refused with the reason."""
    data = _read_limited(file, name=name)
    img = _open_checked(data, name=name)
    try:
        with img:
            fmt = _format_of(img)
            if fmt == "JPEG":
                # Decode a large JPEG at a reduced scale that still covers MAX_EDGE: less memory.
                img.draft("RGB", (MAX_EDGE, MAX_EDGE))
            img.load()
            pixels = _pixels_only(img, fmt)
    except Image.DecompressionBombError as error:
        raise _too_many_pixels(name) from error
    except _DECODE_ERRORS as error:
        raise _Refused(
            ValidationError(
                _("%(name)s could not be read as an image; the file may be damaged."),
                code="not_an_image",
                params={"name": name},
            )
        ) from error

    pixels.thumbnail((MAX_EDGE, MAX_EDGE), Image.Resampling.LANCZOS)
    thumb = pixels.copy()
    thumb.thumbnail((THUMB_EDGE, THUMB_EDGE), Image.Resampling.LANCZOS)
    # A random name: the uploaded one may hold a person's name, an address or a date.
    stem = uuid.uuid4().hex
    thumb_fmt = _THUMB_FORMATS[fmt]
    return CleanPhoto(
        image=ContentFile(_encode(pixels, fmt), name=f"{stem}.{_EXTENSIONS[fmt]}"),
        thumbnail=ContentFile(
            _encode(thumb, thumb_fmt), name=f"{stem}_thumb.{_EXTENSIONS[thumb_fmt]}"
        ),
        width=pixels.width,
        height=pixels.height,
    )


def _read_limited(file: UploadedFile, *, name: str) -> bytes:
    """The file's bytes, reading no more than MAX_BYTES + 1 whatever size it claims."""
    too_large = _Refused(
        ValidationError(
            _("%(name)s is larger than %(limit)d MB."),
            code="photo_too_large",
            params={"name": name, "limit": MAX_BYTES // (1024 * 1024)},
        )
    )
    if file.size is not None and file.size > MAX_BYTES:
        raise too_large
    file.seek(0)
    data = file.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise too_large
    return data


def _open_checked(data: bytes, *, name: str) -> Image.Image:
    """Open the data as an accepted format whose pixel count is allowed, without decoding it.

    Image.open reads only the header, so a decompression bomb is refused by its declared size.
    This check does not rely on Image.MAX_IMAGE_PIXELS, a process-wide setting others may change.
    """
    not_an_image = _Refused(
        ValidationError(
            _("%(name)s is not a JPEG, PNG or WebP image."),
            code="not_an_image",
            params={"name": name},
        )
    )
    try:
        # formats= keeps Pillow's other, less used parsers away from untrusted data.
        img = Image.open(io.BytesIO(data), formats=[*ACCEPTED_FORMATS])
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        # The warning is raised only where warnings are errors; elsewhere the check below refuses.
        raise _too_many_pixels(name) from error
    except _DECODE_ERRORS as error:
        raise not_an_image from error
    if _format_of(img) not in ACCEPTED_FORMATS:
        img.close()
        raise not_an_image
    if img.width * img.height > MAX_PIXELS:
        img.close()
        raise _too_many_pixels(name)
    return img


def _decoded_pixels(img: Image.Image, *, name: str) -> int:
    """How many pixels decoding will produce, from the header alone: a JPEG is decoded at the
    reduced scale _photo_clean asks for (draft sets the size and decodes nothing), other
    formats whole. Refused above MAX_DECODED_PIXELS_PER_PHOTO: a 6,300 x 6,300 PNG is small
    on the wire and takes seconds and hundreds of MB to decode."""
    if _format_of(img) == "JPEG":
        img.draft("RGB", (MAX_EDGE, MAX_EDGE))
    pixels = img.width * img.height
    limit = settings.MAX_DECODED_PIXELS_PER_PHOTO
    if pixels > limit:
        raise _Refused(
            ValidationError(
                _(
                    "%(name)s is too large to process: at most %(limit)d megapixels. Save it at "
                    "a smaller size and attach it again."
                ),
                code="photo_too_many_pixels",
                params={"name": name, "limit": limit // 1_000_000},
            )
        )
    return pixels


def _format_of(img: Image.Image) -> str:
    """The format the decoder found in the data, whatever the file's name or content type say."""
    return _FORMAT_ALIASES.get(img.format or "", img.format or "")


def _too_many_pixels(name: str) -> _Refused:
    return _Refused(
        ValidationError(
            _("%(name)s has more than %(limit)d megapixels."),
            code="photo_too_many_pixels",
            params={"name": name, "limit": MAX_PIXELS // 1_000_000},
        )
    )


def _pixels_only(img: Image.Image, fmt: str) -> Image.Image:
    """An upright sRGB copy of the loaded image's pixels with no metadata at all."""
    ImageOps.exif_transpose(img, in_place=True)
    mode = "RGBA" if fmt != "JPEG" and img.has_transparency_data else "RGB"
    if img.mode in ("I", "I;16", "I;16B", "I;16L", "I;16N"):
        # 16-bit greyscale PNG: scaled to 8 bits, as a plain convert would clip it to white.
        img = img.convert("I").point(lambda value: value * (1 / 256)).convert("L")
    icc_profile = img.info.get("icc_profile")
    if img.mode not in (mode, "CMYK"):  # CMYK becomes RGB faithfully only through its profile
        img = img.convert(mode)
    if icc_profile:
        img = _to_srgb(img, icc_profile, mode)
    if img.mode != mode:
        img = img.convert(mode)
    # A new image receives the pixels only: no EXIF, XMP, ICC profile, text chunk or comment.
    fresh = Image.new(mode, img.size)
    fresh.paste(img)
    return fresh


def _to_srgb(img: Image.Image, icc_profile: bytes, mode: str) -> Image.Image:
    """Convert to sRGB so dropping the profile keeps the colours; on failure keep the pixels.

    Phones commonly tag photos with a wider gamut (Display P3); browsers assume sRGB without one.
    """
    try:
        return ImageCms.profileToProfile(
            img,
            ImageCms.ImageCmsProfile(io.BytesIO(icc_profile)),
            ImageCms.createProfile("sRGB"),
            outputMode=mode,
        )
    except (ImageCms.PyCMSError, *_DECODE_ERRORS, TypeError):
        # A malformed profile or one for another colour space: the colours stay as they are.
        return img


def _encode(img: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, fmt, **_SAVE_OPTIONS[fmt])
    return buffer.getvalue()
