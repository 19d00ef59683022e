"""Hidden means hidden: a hidden or withdrawn item, and a blocked user's name, vanish from every
public surface that exists (map and list, detail, search, GeoJSON, comments, photos, counts and
notifications, Open311, OGC API - Features, the map's vector tiles at every zoom, the live
screen with its event stream and JSON changes). Exports must join this crawl."""

import json

import pytest
from django.contrib.gis.geos import Point
from django.core import mail
from django.db import connection
from django.test import Client

from engagement.models import Follow, Support
from engagement.moderation import services as moderation
from engagement.participation import services
from engagement.participation.services import participant_for_user
from tests.factories import (
    CommentFactory,
    ContributionFactory,
    PhotoFactory,
    UserFactory,
    WalkSessionFactory,
)
from tests.mvt import decode, tile_for

pytestmark = pytest.mark.django_db

SECRET_TITLE = "Zanzibar moonlight bench"
SECRET_COORDS = (23.634567, 61.501234)


def public_surfaces(client: Client, campaign, ids: list[int]) -> dict[str, str]:
    """Everything anyone may read, as text."""
    pages = {
        "campaign page": f"/campaigns/{campaign.slug}/",
        "campaign page, English": f"/en/campaigns/{campaign.slug}/",
        "kiosk": f"/campaigns/{campaign.slug}/kiosk/",
        "kiosk thanks": f"/en/campaigns/{campaign.slug}/kiosk/thanks/",
        "search": f"/en/campaigns/{campaign.slug}/?q=Zanzibar",
        "sorted": f"/en/campaigns/{campaign.slug}/?sort=supported",
        "map API": "/api/v1/contributions/",
        "map API, box": "/api/v1/contributions/?bbox=23.63,61.50,23.64,61.51",
        "map API, search": "/api/v1/contributions/?q=Zanzibar",
        "campaigns API": "/api/v1/campaigns/",
        "Open311 requests, JSON": "/open311/v2/requests.json",
        "Open311 requests, XML": "/open311/v2/requests.xml",
        "OGC API items": f"/features/collections/contributions-{campaign.slug}/items?limit=1000",
        "OGC API items, box": (
            f"/features/collections/contributions-{campaign.slug}/items"
            "?bbox=23.63,61.50,23.64,61.51"
        ),
        "OGC API collections": "/features/collections",
        "live screen": f"/en/campaigns/{campaign.slug}/live/",
        "live changes": f"/en/campaigns/{campaign.slug}/live/changes?after=0",
    }
    for pk in ids:
        pages[f"detail {pk}"] = f"/en/contributions/{pk}/"
        pages[f"API detail {pk}"] = f"/api/v1/contributions/{pk}/"
        pages[f"API comments {pk}"] = f"/api/v1/contributions/{pk}/comments/"
        pages[f"API photos {pk}"] = f"/api/v1/contributions/{pk}/photos/"
        pages[f"Open311 request {pk}"] = f"/open311/v2/requests/{pk}.json"
        pages[f"OGC API item {pk}"] = (
            f"/features/collections/contributions-{campaign.slug}/items/{pk}"
        )
    texts = {name: client.get(url).content.decode() for name, url in pages.items()}
    # The live screen's event stream from its beginning (it ends after LIVE_STREAM_SECONDS).
    stream = client.get(
        f"/en/campaigns/{campaign.slug}/live/events", headers={"last-event-id": "0"}
    )
    texts["live events"] = b"".join(stream.streaming_content).decode()
    return texts


@pytest.fixture(autouse=True)
def tiles_see_writes_at_once(settings):
    settings.LIVE_STREAM_SECONDS = 0.2
    """Tiles read the campaign's map version at most once a second; here, at every request, and
    its trigger (deferred to a commit, which a test never makes) fires at once."""
    settings.TILE_VERSION_SECONDS = 0
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS contribution_map_version IMMEDIATE")
        # The live screen's change log (migration engagement/0026_live), likewise deferred.
        cursor.execute(
            "SET CONSTRAINTS contribution_live_change, contribution_live_change_update, "
            "contribution_live_change_delete IMMEDIATE"
        )


def tile_ids(client: Client, campaign) -> dict[int, set[int]]:
    """The contribution ids in the map's tile over the secret place, per zoom (clusters below
    zoom 15, cells and shapes from there)."""
    found = {}
    for z in (10, 14, 15, 18):
        x, y = tile_for(*SECRET_COORDS, z)
        response = client.get(f"/tiles/contributions/{z}/{x}/{y}.mvt", {"campaign": campaign.slug})
        assert response.status_code == 200
        layer = decode(response.content).get("contributions", {"features": []})
        found[z] = {
            int(i) for f in layer["features"] for i in str(f["properties"]["ids"]).split(",") if i
        }
    return found


def coordinate_strings():
    lon, lat = SECRET_COORDS
    return [f"{lon}", f"{lat}", f"{lon:.5f}", f"{lat:.5f}"]


@pytest.mark.parametrize("how", ["hidden", "withdrawn", "author blocked"])
def test_a_hidden_item_is_on_no_public_surface(
    client, theme, moderator, how, django_capture_on_commit_callbacks
):
    author_user = UserFactory(username="author", first_name="Ilmarinen", email="a@example.org")
    author = participant_for_user(user=author_user)
    walk = WalkSessionFactory(campaign=theme.campaign)  # its facilitator's list is not public,
    walk_pages = [walk.get_absolute_url(), f"{walk.get_absolute_url()}pins.csv"]  # but hides too
    item = services.contribution_submit(
        campaign=theme.campaign,
        participant=author,
        kind="idea",
        theme=theme,
        title=SECRET_TITLE,
        body="Secret body text.",
        geometry=Point(*SECRET_COORDS, srid=4326),
        exact_location_public=True,
        walk_code=walk.code,
    )
    neighbour = ContributionFactory(campaign=theme.campaign, theme=theme, title="Neighbour")
    CommentFactory(contribution=neighbour, participant=author, body="Ilmarinen was here")
    Support.objects.create(contribution=neighbour, participant=author)
    follower = UserFactory(username="follower", email="f@example.org")
    Follow.objects.create(contribution=item, participant=participant_for_user(user=follower))

    photo = PhotoFactory(contribution=item)
    photo_files = [photo.image.url, photo.thumbnail.url]
    assert [client.get(url).status_code for url in photo_files] == [200, 200]

    before = public_surfaces(client, theme.campaign, [item.pk])
    facilitator = Client()
    facilitator.force_login(moderator)
    assert SECRET_TITLE in facilitator.get(walk_pages[0]).content.decode()
    seen = tile_ids(client, theme.campaign)
    assert all(item.pk in ids for ids in seen.values()), (item.pk, seen)
    # The crawl sees the item everywhere while it is public.
    shown = ("campaign page", "map API", "Open311 requests, JSON", "Open311 requests, XML")
    shown += ("live screen", "live changes", "live events")
    for name in (*shown, "OGC API items", "OGC API items, box", f"OGC API item {item.pk}"):
        assert SECRET_TITLE in before[name], name

    if how == "hidden":
        moderation.contribution_moderate(
            actor=moderator, contribution=item, action="hide", reason="spam"
        )
    elif how == "withdrawn":
        services.contribution_withdraw(contribution=item, participant=author)
    else:
        moderation.participant_block(
            actor=moderator, campaign=theme.campaign, participant=author, reason="abuse"
        )
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        moderation.contribution_respond(
            actor=moderator, contribution=neighbour, status="planned", text="Planned."
        )
        if how != "withdrawn":
            moderation.contribution_respond(
                actor=moderator, contribution=item, status="done", text="Done."
            )

    for z, ids in tile_ids(client, theme.campaign).items():
        assert item.pk not in ids, f"tile at zoom {z}"
    after = public_surfaces(client, theme.campaign, [item.pk])
    for name, text in after.items():
        assert SECRET_TITLE not in text, name
        assert "Secret body text" not in text, name
        for coordinate in coordinate_strings():
            assert coordinate not in text, (name, coordinate)
        assert f'"id": {item.pk},' not in text and f'"id":{item.pk},' not in text, name
        assert f'"service_request_id": "{item.pk}"' not in text, name
        assert f"<service_request_id>{item.pk}</service_request_id>" not in text, name
        if how == "author blocked":
            assert "Ilmarinen" not in text, name
    # The walk's pages, to its facilitator (the moderator facilitates too).
    for url in walk_pages:
        response = facilitator.get(url)
        text = b"".join(response.streaming_content) if response.streaming else response.content
        assert response.status_code == 200 and SECRET_TITLE not in text.decode(), url
    # The live screen is told to take the pin away, and nothing more about it.
    assert "event: remove\nid: " in after["live events"]
    assert json.dumps({"id": item.pk}) in after["live events"]
    changes = json.loads(after["live changes"])["events"]
    assert {"type": "remove", "id": item.pk} in [
        {"type": e["type"], "id": e.get("id")} for e in changes
    ]
    # The photo files themselves (config/media.py), not only the API's list of them.
    assert [client.get(url).status_code for url in photo_files] == [404, 404]
    if how == "author blocked":
        feature = next(
            f
            for f in json.loads(client.get("/api/v1/contributions/").content)["features"]
            if f["id"] == neighbour.pk
        )
        assert feature["properties"]["supports"] == 0
    # Notifications: nothing about the hidden item, to its follower or anyone.
    assert all(SECRET_TITLE not in m.subject + m.body for m in mail.outbox)
    assert "f@example.org" not in [m.to[0] for m in mail.outbox]
