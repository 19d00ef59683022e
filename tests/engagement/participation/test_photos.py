"""photos_clean: uploads are decoded, refused with every reason at once, and kept as pixels only."""

import io
import re
import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils.translation import override
from PIL import ExifTags, Image, ImageCms, ImageFile, PngImagePlugin

from engagement.participation import photos
from engagement.participation.photos import (
    MAX_BYTES,
    MAX_EDGE,
    THUMB_EDGE,
    CleanPhoto,
    photos_clean,
)

RED, BLUE = (220, 20, 20), (20, 20, 220)


def encode(img: Image.Image, fmt: str, **options) -> bytes:
    buffer = io.BytesIO()
    img.save(buffer, fmt, **options)
    return buffer.getvalue()


def upload(data: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg"):
    return SimpleUploadedFile(name, data, content_type=content_type)


def two_tone(size=(300, 200), mode="RGB") -> Image.Image:
    """Red along the top edge, blue below, so a rotation shows where the top went."""
    img = Image.new(mode, size, BLUE)
    img.paste(RED, (0, 0, size[0], size[1] // 4))
    return img


def jpeg(size=(300, 200), **options) -> bytes:
    return encode(two_tone(size), "JPEG", quality=95, **options)


def png_header_only(width: int, height: int) -> bytes:
    """A PNG that declares its size but holds too little data to decode any row of it."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 16))


def refusal(files) -> list[ValidationError]:
    with pytest.raises(ValidationError) as caught:
        photos_clean(files)
    return caught.value.error_list


def codes(files) -> list[str]:
    return [error.code for error in refusal(files)]


def messages(files) -> list[str]:
    with override("en"):
        return ValidationError(refusal(files)).messages


def reopened(photo_file) -> Image.Image:
    photo_file.seek(0)
    img = Image.open(io.BytesIO(photo_file.read()))
    img.load()
    return img


def is_red(pixel) -> bool:
    return pixel[0] > 150 and pixel[2] < 100


def is_blue(pixel) -> bool:
    return pixel[2] > 150 and pixel[0] < 100


def test_no_files_give_no_photos():
    assert photos_clean([]) == []


def test_jpeg_comes_back_upright_without_location_device_or_any_other_metadata():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phonemaker"
    exif[ExifTags.Base.Model] = "Phone 12"
    exif[ExifTags.Base.Orientation] = 6  # stored sideways: turn 90° clockwise to show
    exif[ExifTags.Base.GPSInfo] = {
        ExifTags.GPS.GPSLatitudeRef: "N",
        ExifTags.GPS.GPSLatitude: (61.0, 30.0, 0.0),
        ExifTags.GPS.GPSLongitudeRef: "E",
        ExifTags.GPS.GPSLongitude: (23.0, 40.0, 0.0),
    }
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>61,30N</exif:GPSLatitude>'
    data = jpeg(
        exif=exif,
        xmp=xmp + b"</x:xmpmeta>",
        icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes(),
        comment=b"Aino's balcony",
    )
    sent = Image.open(io.BytesIO(data))
    assert sent.getexif().get_ifd(ExifTags.IFD.GPSInfo)  # the upload does carry a location

    (photo,) = photos_clean([upload(data)])

    img = reopened(photo.image)
    assert img.format == "JPEG"
    assert not img.getexif()
    for key in ("exif", "xmp", "icc_profile", "comment"):
        assert key not in img.info
    # Upright: 300 x 200 stored sideways shows as 200 x 300, the stored top edge on the right.
    assert (img.size, photo.width, photo.height) == ((200, 300), 200, 300)
    assert is_red(img.getpixel((190, 150)))
    assert is_blue(img.getpixel((10, 150)))
    thumb = reopened(photo.thumbnail)
    assert thumb.format == "JPEG"
    assert not thumb.getexif()
    assert "exif" not in thumb.info
    assert thumb.size == (200, 300)


def test_png_is_kept_lossless_with_transparency_and_without_text_chunks():
    img = two_tone(mode="RGBA")
    img.putpixel((0, 0), (0, 0, 0, 0))
    text = PngImagePlugin.PngInfo()
    text.add_text("Author", "Aino Virtanen")
    text.add_text("Location", "Tesoma, Tampere")
    data = encode(img, "PNG", pnginfo=text)

    (photo,) = photos_clean([upload(data, "drawing.png", "image/png")])

    stored = reopened(photo.image)
    assert (stored.format, stored.mode, stored.size) == ("PNG", "RGBA", (300, 200))
    assert stored.info == {}
    assert stored.getpixel((0, 0)) == (0, 0, 0, 0)
    assert stored.getpixel((10, 10)) == (*RED, 255)
    assert photo.image.name.endswith(".png")
    thumb = reopened(photo.thumbnail)
    assert (thumb.format, thumb.mode) == ("WEBP", "RGBA")
    assert photo.thumbnail.name.endswith("_thumb.webp")


def test_png_with_an_unreadable_colour_profile_is_stored_without_it():
    data = encode(two_tone(), "PNG", icc_profile=b"not a colour profile")
    assert "icc_profile" in Image.open(io.BytesIO(data)).info

    (photo,) = photos_clean([upload(data, "drawing.png", "image/png")])

    assert reopened(photo.image).info == {}
    assert is_red(reopened(photo.image).getpixel((10, 10)))


def test_webp_is_accepted_without_its_exif():
    exif = Image.Exif()
    exif[ExifTags.Base.Make] = "Phonemaker"
    data = encode(two_tone(), "WEBP", quality=90, exif=exif)
    assert "exif" in Image.open(io.BytesIO(data)).info

    (photo,) = photos_clean([upload(data, "photo.webp", "image/webp")])

    for stored in (reopened(photo.image), reopened(photo.thumbnail)):
        assert stored.format == "WEBP"
        assert "exif" not in stored.info
        assert not stored.getexif()
    assert photo.image.name.endswith(".webp")
    assert photo.thumbnail.name.endswith("_thumb.webp")


def test_phone_multi_picture_jpeg_is_accepted_as_jpeg():
    data = encode(two_tone(), "MPO", save_all=True, append_images=[two_tone()])
    assert Image.open(io.BytesIO(data)).format == "MPO"

    (photo,) = photos_clean([upload(data)])

    assert reopened(photo.image).format == "JPEG"
    assert photo.image.name.endswith(".jpg")


def test_16_bit_greyscale_png_keeps_its_tones():
    data = encode(Image.new("I;16", (20, 20), 40_000), "PNG")

    (photo,) = photos_clean([upload(data, "scan.png", "image/png")])

    assert reopened(photo.image).getpixel((0, 0)) == (156, 156, 156)


def test_text_file_named_and_typed_as_jpeg_is_refused_as_not_an_image():
    fake = upload(b"Just some words, not a photo.\n" * 10, "photo.jpg", "image/jpeg")

    assert codes([fake]) == ["not_an_image"]
    assert messages([fake]) == ["photo.jpg is not a JPEG, PNG or WebP image."]


def test_gif_is_refused():
    gif = upload(encode(two_tone(), "GIF"), "animation.gif", "image/gif")

    assert codes([gif]) == ["not_an_image"]


def test_truncated_jpeg_is_refused():
    data = encode(Image.effect_noise((400, 400), 60).convert("RGB"), "JPEG")

    truncated = upload(data[: len(data) // 2], "broken.jpg")

    assert codes([truncated]) == ["not_an_image"]
    assert messages([truncated]) == [
        "broken.jpg could not be read as an image; the file may be damaged."
    ]


def test_more_than_five_photos_are_refused_before_any_is_decoded():
    six = [upload(b"not even an image", f"photo{n}.jpg") for n in range(6)]

    assert codes(six) == ["too_many_photos"]
    assert messages(six) == ["Attach at most 5 photos."]


def test_five_photos_are_accepted():
    assert len(photos_clean([upload(jpeg()) for _ in range(5)])) == 5


def test_file_over_10_mb_is_refused():
    # A decodable JPEG padded past the limit: only its size is wrong.
    padded = jpeg() + b"\0" * (MAX_BYTES + 1 - len(jpeg()))
    assert len(padded) == MAX_BYTES + 1

    big = upload(padded, "holiday.jpg")

    assert codes([big]) == ["photo_too_large"]
    assert messages([big]) == ["holiday.jpg is larger than 10 MB."]


def test_file_at_the_size_limit_is_accepted(monkeypatch):
    data = jpeg()
    monkeypatch.setattr(photos, "MAX_BYTES", len(data))

    assert len(photos_clean([upload(data)])) == 1


def test_file_whose_claimed_size_is_small_is_still_refused_past_the_limit(monkeypatch):
    monkeypatch.setattr(photos, "MAX_BYTES", 100)
    lying = upload(jpeg())
    lying.size = 10

    assert codes([lying]) == ["photo_too_large"]


@pytest.mark.parametrize(
    ("width", "height"),
    [(8_000, 5_001), (30_000, 30_000)],  # just over 40 MP; over Pillow's decompression bomb limit
)
def test_image_over_40_megapixels_is_refused_from_its_header_without_decoding(width, height):
    # The pixel data is missing: decoding it would refuse the file as damaged instead.
    bomb = upload(png_header_only(width, height), "huge.png", "image/png")

    assert codes([bomb]) == ["photo_too_many_pixels"]
    assert messages([bomb]) == ["huge.png has more than 40 megapixels."]


@pytest.mark.filterwarnings("error::PIL.Image.DecompressionBombWarning")
def test_decompression_bomb_warning_raised_as_an_error_is_a_refusal_too():
    bomb = upload(png_header_only(10_000, 10_000), "huge.png", "image/png")

    assert codes([bomb]) == ["photo_too_many_pixels"]


def test_header_only_png_within_the_pixel_limit_is_refused_as_damaged():
    """The counterpart of the test above: these files really cannot be decoded."""
    assert codes([upload(png_header_only(100, 100), "huge.png")]) == ["not_an_image"]


def test_pixel_limit_is_checked_before_pixel_data_is_loaded(monkeypatch):
    data = jpeg((300, 200))
    monkeypatch.setattr(photos, "MAX_PIXELS", 300 * 200 - 1)

    def load(self):
        raise AssertionError("pixel data loaded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", load)

    assert codes([upload(data)]) == ["photo_too_many_pixels"]


def test_image_at_the_pixel_limit_is_accepted(monkeypatch):
    monkeypatch.setattr(photos, "MAX_PIXELS", 300 * 200)

    assert len(photos_clean([upload(jpeg((300, 200)))])) == 1


def test_large_image_is_downscaled_to_the_maximum_edge_and_its_thumbnail_further():
    (photo,) = photos_clean([upload(jpeg((3000, 1500)))])

    assert (photo.width, photo.height) == (MAX_EDGE, MAX_EDGE // 2)
    assert reopened(photo.image).size == (MAX_EDGE, MAX_EDGE // 2)
    assert reopened(photo.thumbnail).size == (THUMB_EDGE, THUMB_EDGE // 2)


def test_portrait_png_is_downscaled_by_its_longest_edge():
    data = encode(two_tone((1000, 2600)), "PNG")

    (photo,) = photos_clean([upload(data, "tall.png", "image/png")])

    assert photo.height == MAX_EDGE
    assert photo.width == pytest.approx(1000 * MAX_EDGE / 2600, abs=1)
    assert max(reopened(photo.thumbnail).size) == THUMB_EDGE


def test_small_image_is_not_enlarged():
    (photo,) = photos_clean([upload(jpeg((120, 80)))])

    assert (photo.width, photo.height) == (120, 80)
    assert reopened(photo.thumbnail).size == (120, 80)


def test_stored_names_are_random_and_never_the_uploaded_name():
    uploads = [
        upload(jpeg(), "Aino Virtanen kotona Tesomankatu 5.jpg"),
        upload(encode(two_tone(), "PNG"), "aino-virtanen.png", "image/png"),
    ]

    first, second = photos_clean(uploads)

    assert re.fullmatch(r"[0-9a-f]{32}\.jpg", first.image.name)
    assert first.thumbnail.name == first.image.name.replace(".jpg", "_thumb.jpg")
    assert re.fullmatch(r"[0-9a-f]{32}\.png", second.image.name)
    assert second.thumbnail.name == second.image.name.replace(".png", "_thumb.webp")
    assert first.image.name != second.image.name
    for photo in (first, second):
        for name in (photo.image.name, photo.thumbnail.name):
            assert "aino" not in name.lower()
            assert "virtanen" not in name.lower()


def test_all_problems_of_several_files_are_reported_together():
    files = [
        upload(jpeg(), "good.jpg"),
        upload(b"%PDF-1.7", "plan.jpg"),
        upload(encode(two_tone(), "GIF"), "anim.gif", "image/gif"),
        upload(png_header_only(9_000, 5_000), "panorama.png", "image/png"),
    ]

    assert codes(files) == ["not_an_image", "not_an_image", "photo_too_many_pixels"]
    assert messages(files) == [
        "plan.jpg is not a JPEG, PNG or WebP image.",
        "anim.gif is not a JPEG, PNG or WebP image.",
        "panorama.png has more than 40 megapixels.",
    ]


def test_messages_name_the_file_by_base_name_shortened_to_80_characters():
    long_name = "C:\\Users\\aino\\Pictures\\" + "x" * 100 + ".jpg"

    (message,) = messages([upload(b"not an image", long_name)])

    name = message.removesuffix(" is not a JPEG, PNG or WebP image.")
    assert len(name) == 80
    assert name == "x" * 79 + "…"


def test_result_is_a_frozen_clean_photo():
    (photo,) = photos_clean([upload(jpeg())])

    assert isinstance(photo, CleanPhoto)
    with pytest.raises(AttributeError):
        photo.width = 1
