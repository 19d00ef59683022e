"""Hidden means hidden for uploaded files: every photo URL answers only while its page would.

Photos are sent through the campaign form by an anonymous browser (which becomes their
author by its cookie), found through the page that shows them, and fetched at that URL, as a
visitor's browser would. Moderators act through their page.
"""

import io
import re

import pytest
from django.test import Client
from PIL import Image

from engagement.models import Contribution, Photo
from tests.factories import CampaignFactory, PhotoFactory, ThemeFactory
from tests.factories.toolkit import PilotFactory, PilotPhotoFactory, StoryFactory

pytestmark = pytest.mark.django_db


def _jpeg(colour: str = "orange") -> io.BytesIO:
    buffer = io.BytesIO()
    Image.new("RGB", (120, 90), colour).save(buffer, "JPEG")
    buffer.seek(0)
    buffer.name = "bench.jpg"
    return buffer


def _submit_with_photo(browser: Client, theme) -> Contribution:
    response = browser.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "need",
            "theme": theme.slug,
            "title": "Broken bench",
            "body": "See the photo.",
            "lat": "61.5",
            "lon": "23.63",
            "photos": [_jpeg()],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return Contribution.objects.get(title="Broken bench")


def _photo_urls(page_html: str) -> list[str]:
    """The photo links and thumbnails a contribution page shows, in page order."""
    found = re.findall(r'(?:href|src)="(/media/[^"]+)"', page_html)
    return list(dict.fromkeys(found))


@pytest.fixture
def author() -> Client:
    return Client()


@pytest.fixture
def submitted(author, theme) -> tuple[Contribution, list[str]]:
    """A public contribution with one photo, and the URLs of its image and thumbnail."""
    contribution = _submit_with_photo(author, theme)
    urls = _photo_urls(Client().get(f"/contributions/{contribution.pk}/").content.decode())
    photo = contribution.photos.get()
    assert urls == [photo.image.url, photo.thumbnail.url]
    return contribution, urls


def _hide(moderator_client: Client, contribution: Contribution) -> None:
    response = moderator_client.post(
        f"/moderation/contributions/{contribution.pk}/", {"action": "hide", "reason": "spam"}
    )
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.moderation_state == Contribution.ModerationState.HIDDEN


def test_a_public_photo_and_its_thumbnail_are_served_with_a_short_public_cache(submitted):
    contribution, urls = submitted
    photo = contribution.photos.get()
    for url, field in zip(urls, (photo.image, photo.thumbnail), strict=True):
        response = Client().get(url)
        assert response.status_code == 200
        assert b"".join(response.streaming_content) == field.read()
        assert response["Content-Type"] == "image/jpeg"
        assert response["Cache-Control"] == "public, max-age=300"


def test_hidden_photos_answer_404_to_the_public_but_not_to_the_moderator_or_author(
    submitted, author, moderator_client, analyst_client
):
    contribution, urls = submitted
    _hide(moderator_client, contribution)
    for url in urls:
        assert Client().get(url).status_code == 404
        # Analysts see public contributions only; a hidden one's photos are not theirs to see.
        assert analyst_client.get(url).status_code == 404
        for who in (moderator_client, author):  # the moderation page and the author's own page
            response = who.get(url)
            assert response.status_code == 200
            assert "private" in response["Cache-Control"]
            assert "public" not in response["Cache-Control"]
    moderation_page = moderator_client.get(f"/moderation/contributions/{contribution.pk}/")
    assert urls[1] in moderation_page.content.decode()


def test_restored_photos_are_public_again(submitted, moderator_client):
    contribution, urls = submitted
    _hide(moderator_client, contribution)
    moderator_client.post(f"/moderation/contributions/{contribution.pk}/", {"action": "restore"})
    assert [Client().get(url).status_code for url in urls] == [200, 200]


def test_a_withdrawn_contributions_photos_answer_404_to_everyone_but_its_author(submitted, author):
    contribution, urls = submitted
    assert author.post(f"/contributions/{contribution.pk}/withdraw/").status_code == 302
    contribution.refresh_from_db()
    assert contribution.moderation_state == Contribution.ModerationState.WITHDRAWN
    assert [Client().get(url).status_code for url in urls] == [404, 404]
    assert [author.get(url).status_code for url in urls] == [200, 200]


def test_a_photo_a_moderator_hid_is_gone_even_for_its_author(submitted, author, moderator_client):
    contribution, urls = submitted
    photo = contribution.photos.get()
    response = moderator_client.post(
        f"/moderation/contributions/{contribution.pk}/",
        {"action": "hide_photo", "photo": photo.pk, "reason": "personal_data"},
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.hidden
    assert [Client().get(url).status_code for url in urls] == [404, 404]
    assert [author.get(url).status_code for url in urls] == [404, 404]
    assert [moderator_client.get(url).status_code for url in urls] == [200, 200]


def test_a_photo_waiting_for_pre_moderation_is_not_public(author, moderator):
    campaign = CampaignFactory(pre_moderated=True)
    theme = ThemeFactory(campaign=campaign)
    contribution = _submit_with_photo(author, theme)
    assert contribution.moderation_state == Contribution.ModerationState.PENDING
    photo = contribution.photos.get()
    assert Client().get(photo.image.url).status_code == 404
    assert author.get(photo.thumbnail.url).status_code == 200


def test_a_file_no_photo_names_is_not_served(media_root, contribution):
    PhotoFactory(contribution=contribution)
    (media_root / "photos").mkdir(exist_ok=True)
    (media_root / "photos" / "leftover.jpg").write_bytes(_jpeg().getvalue())
    (media_root / "notes.txt").write_text("not an upload")
    for name in ("photos/leftover.jpg", "notes.txt", "photos/", "../etc/passwd"):
        assert Client().get(f"/media/{name}").status_code == 404


def test_behind_nginx_the_answer_names_the_internal_location_after_the_check(
    submitted, moderator_client, settings
):
    settings.MEDIA_ACCEL_REDIRECT_PREFIX = "/protected-media/"
    contribution, urls = submitted
    image = contribution.photos.get().image
    response = Client().get(urls[0])
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == f"/protected-media/{image.name}"
    assert response["Content-Type"] == "image/jpeg"
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.content == b""  # nginx sends the bytes
    _hide(moderator_client, contribution)
    hidden = Client().get(urls[0])
    assert hidden.status_code == 404
    assert "X-Accel-Redirect" not in hidden
    assert "private" in moderator_client.get(urls[0])["Cache-Control"]


def test_pilot_photos_follow_the_pilot_page(
    organisation, organisation_member_client, moderator_client, theme
):
    public = PilotPhotoFactory(pilot__campaign=theme.campaign)
    assert Client().get(public.image.url).status_code == 200
    proposed = PilotPhotoFactory(
        pilot=PilotFactory(campaign=theme.campaign, proposed=True, organisation=organisation)
    )
    for url in (proposed.image.url, proposed.thumbnail.url):
        assert Client().get(url).status_code == 404
        assert organisation_member_client.get(url).status_code == 200  # its organisation
        assert moderator_client.get(url).status_code == 200  # its reviewer
    assert Client().get(f"/pilots/{proposed.pilot.pk}/").status_code == 404


def test_a_draft_storys_video_is_only_for_the_toolkit_editors(toolkit_editor_client):
    from django.core.files.base import ContentFile

    story = StoryFactory(draft=True)
    story.video.save("clip.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"))
    assert Client().get(story.video.url).status_code == 404
    assert toolkit_editor_client.get(story.video.url).status_code == 200
    story.status = "published"
    story.save()
    assert Client().get(story.video.url).status_code == 200


def test_the_api_and_open311_name_only_photos_that_are_served(submitted, moderator_client):
    contribution, urls = submitted
    listed = Client().get(f"/api/v1/contributions/{contribution.pk}/photos/").json()
    rows = listed["results"] if isinstance(listed, dict) else listed
    assert [row["image"].removeprefix("http://testserver") for row in rows] == [urls[0]]
    _hide(moderator_client, contribution)
    assert Client().get(f"/api/v1/contributions/{contribution.pk}/photos/").status_code == 404
    assert Photo.objects.filter(contribution=contribution).count() == 1  # kept, not served
