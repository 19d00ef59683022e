"""The API's participation endpoints: comments, supports, follows, edits, photos, privacy."""

import io
import json

import pytest
from django.contrib.gis.geos import Point
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from engagement.models import Contribution, Support
from tests.factories import CommentFactory, ContributionFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"


def jpeg_with_gps() -> bytes:
    image = Image.new("RGB", (64, 48), "green")
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"
    exif[0x8825] = {1: "N", 2: (61.0, 30.0, 0.0), 3: "E", 4: (23.0, 37.0, 0.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    return buffer.getvalue()


def test_comments_and_replies_are_listed_in_order(client, contribution):
    first = CommentFactory(contribution=contribution, body="First")
    CommentFactory(contribution=contribution, body="Reply", parent=first)
    CommentFactory(contribution=contribution, body="Second")
    CommentFactory(contribution=contribution, body="Hidden", moderation_state="hidden")
    body = client.get(f"{API}{contribution.pk}/comments/").json()
    assert [(c["body"], c["reply_to"]) for c in body] == [
        ("First", None),
        ("Reply", first.pk),
        ("Second", None),
    ]


def test_posting_a_comment_and_a_reply(client, contribution):
    url = f"{API}{contribution.pk}/comments/"
    comment = client.post(url, {"body": "Great"}, content_type="application/json")
    assert comment.status_code == 201
    reply = client.post(
        url, {"body": "Thanks", "reply_to": comment.json()["id"]}, content_type="application/json"
    )
    assert reply.status_code == 201
    assert reply.json()["reply_to"] == comment.json()["id"]


def test_a_reply_to_a_reply_answers_400(client, contribution):
    parent = CommentFactory(contribution=contribution)
    reply = CommentFactory(contribution=contribution, parent=parent)
    response = client.post(
        f"{API}{contribution.pk}/comments/",
        {"body": "Deep", "reply_to": reply.pk},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "reply_to" in response.json()


def test_support_twice_then_take_back(client, contribution):
    url = f"{API}{contribution.pk}/support/"
    assert client.post(url).json() == {"supported": True, "supports": 1}
    assert client.post(url).json() == {"supported": True, "supports": 1}
    assert client.delete(url).json() == {"supported": False, "supports": 0}


def test_supports_from_two_browsers_count_twice(client, contribution):
    from django.test import Client

    client.post(f"{API}{contribution.pk}/support/")
    Client().post(f"{API}{contribution.pk}/support/")
    assert Support.objects.filter(contribution=contribution).count() == 2


def test_following_needs_an_account_through_the_api(client, contribution, resident):
    url = f"{API}{contribution.pk}/follow/"
    assert client.post(url).status_code == 400
    client.force_login(resident)
    assert client.post(url).status_code == 204
    assert client.delete(url).status_code == 204


def test_author_edits_and_withdraws_through_the_api(client, theme):
    created = client.post(
        API,
        {
            "campaign": theme.campaign.slug,
            "kind": "idea",
            "theme": theme.slug,
            "title": "Shade trees",
            "body": "Plant trees.",
            "geometry": {"type": "Point", "coordinates": [23.63, 61.5]},
        },
        content_type="application/json",
    ).json()
    url = f"{API}{created['id']}/"
    update = {
        "kind": "need",
        "theme": theme.slug,
        "title": "Shade trees please",
        "body": "Plant more.",
        "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
        "exact_location_public": True,
    }
    response = client.put(url, update, content_type="application/json")
    assert response.status_code == 200, response.content
    assert response.json()["properties"]["title"] == "Shade trees please"

    from django.test import Client

    assert Client().put(url, update, content_type="application/json").status_code == 403
    assert client.delete(url).status_code == 204
    assert Contribution.objects.get(pk=created["id"]).moderation_state == "withdrawn"
    assert client.get(url).status_code == 404


def test_multipart_post_with_photos_strips_their_metadata(client, theme, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("IMG_home.jpg", jpeg_with_gps(), content_type="image/jpeg")
    response = client.post(
        API,
        {
            "campaign": theme.campaign.slug,
            "kind": "idea",
            "theme": theme.slug,
            "title": "Broken bench",
            "body": "See the photo.",
            "geometry": json.dumps({"type": "Point", "coordinates": [23.63, 61.5]}),
            "photos": [photo],
        },
    )
    assert response.status_code == 201, response.content
    photos = client.get(f"{API}{response.json()['id']}/photos/").json()
    assert len(photos) == 1
    assert "IMG_home" not in photos[0]["image"]
    stored = Contribution.objects.get(pk=response.json()["id"]).photos.get()
    with Image.open(stored.image.path) as image:
        assert not image.getexif()
        assert "exif" not in image.info


def test_a_text_file_posing_as_a_photo_is_refused_and_nothing_is_stored(client, theme):
    fake = SimpleUploadedFile("photo.jpg", b"not an image at all", content_type="image/jpeg")
    response = client.post(
        API,
        {
            "campaign": theme.campaign.slug,
            "kind": "idea",
            "theme": theme.slug,
            "title": "Broken bench",
            "body": "See the photo.",
            "geometry": json.dumps({"type": "Point", "coordinates": [23.63, 61.5]}),
            "photos": [fake],
        },
    )
    assert response.status_code == 400
    assert "photos" in response.json()
    assert not Contribution.objects.exists()


def test_public_points_are_snapped_unless_the_author_chose_exact(client, theme):
    hidden = ContributionFactory(
        campaign=theme.campaign, theme=theme, geometry=Point(23.63123, 61.50077, srid=4326)
    )
    shown = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        geometry=Point(23.63123, 61.50077, srid=4326),
        exact_location_public=True,
    )
    features = {f["id"]: f for f in client.get(API).json()["features"]}
    assert features[shown.pk]["geometry"]["coordinates"] == [23.63123, 61.50077]
    assert features[hidden.pk]["geometry"]["coordinates"] != [23.63123, 61.50077]
    detail = client.get(f"{API}{hidden.pk}/").json()
    assert detail["geometry"] == features[hidden.pk]["geometry"]


def test_a_tiny_bbox_around_the_exact_point_does_not_find_a_snapped_one(client, theme):
    exact = (23.63123, 61.50077)
    ContributionFactory(campaign=theme.campaign, theme=theme, geometry=Point(*exact, srid=4326))
    tiny = f"{exact[0] - 0.00001},{exact[1] - 0.00001},{exact[0] + 0.00001},{exact[1] + 0.00001}"
    assert client.get(API, {"bbox": tiny}).json()["features"] == []


def test_search_finds_finnish_words_in_other_forms(client, theme):
    match = ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Penkkejä puistoon",
        body="Puistossa ei ole penkkiä.",
        language="fi",
    )
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Valoja", body="Valot.")
    ids = [f["id"] for f in client.get(API, {"q": "puisto"}).json()["features"]]
    assert ids == [match.pk]


def test_sort_by_most_supported(client, theme):
    from tests.factories import ParticipantFactory

    quiet = ContributionFactory(campaign=theme.campaign, theme=theme)
    popular = ContributionFactory(campaign=theme.campaign, theme=theme)
    for _ in range(3):
        Support.objects.create(contribution=popular, participant=ParticipantFactory())
    Support.objects.create(contribution=quiet, participant=ParticipantFactory())
    features = client.get(API, {"sort": "supported"}).json()["features"]
    assert [f["id"] for f in features] == [popular.pk, quiet.pk]
    assert features[0]["properties"]["supports"] == 3


def test_openapi_schema_documents_every_participation_endpoint(client):
    schema = client.get("/api/v1/schema/", headers={"accept": "application/json"}).json()
    for path in [
        "/api/v1/contributions/{id}/comments/",
        "/api/v1/contributions/{id}/support/",
        "/api/v1/contributions/{id}/follow/",
        "/api/v1/contributions/{id}/photos/",
    ]:
        assert path in schema["paths"], path
    assert {"put", "delete", "get"} <= set(schema["paths"]["/api/v1/contributions/{id}/"])


def test_openapi_schema_is_valid_and_generated_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(tmp_path / "s.yml"))
    assert "/api/v1/contributions/{id}/comments/" in (tmp_path / "s.yml").read_text()
