"""The live screen's doors (docs/decisions/0049): the page, the server-sent event stream and the
JSON changes. Events in the text/event-stream format, each change's id a cursor from the
database; a reconnection with Last-Event-ID gets what it missed, once; only what the public map
shows, at its public location, and a removal when a pin stops being public."""

import json
import time
from datetime import timedelta

import pytest
from django.contrib.gis.geos import Point
from django.db import connection
from django.utils import timezone

from engagement.models import Contribution, LiveChange
from engagement.moderation import services as moderation
from engagement.participation.live import live_changes_prune
from tests.factories import CampaignFactory, ContributionFactory, LiveChangeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def changes_at_once(settings):
    """The change log's trigger is deferred to the commit, which a test never makes."""
    settings.LIVE_STREAM_SECONDS = 0.3
    with connection.cursor() as cursor:
        cursor.execute(
            "SET CONSTRAINTS contribution_live_change, contribution_live_change_update, "
            "contribution_live_change_delete IMMEDIATE"
        )


def events(client, campaign, last_event_id=None, language="en") -> list[dict]:
    """The stream's events, each as {"event", "id", "data"} (data parsed)."""
    headers = {} if last_event_id is None else {"last-event-id": str(last_event_id)}
    response = client.get(f"/{language}/campaigns/{campaign.slug}/live/events", headers=headers)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/event-stream"
    assert response["Cache-Control"].startswith("no-cache")
    text = b"".join(response.streaming_content).decode()
    assert text.startswith("retry: ")
    found = []
    for block in text.strip().split("\n\n"):
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "event" in fields:
            found.append(
                {
                    "event": fields["event"],
                    "id": fields.get("id"),
                    "data": json.loads(fields["data"]),
                }
            )
    return found


def test_a_published_pin_is_sent_once_with_a_cursor_and_a_reconnection_gets_only_the_new(
    client, theme
):
    campaign = theme.campaign
    first = events(client, campaign)
    assert first[0]["event"] == "ready"
    start = int(first[0]["id"])
    assert first[0]["data"] == {"counts": {theme.slug: 0}, "total": 0}

    one = ContributionFactory(campaign=campaign, theme=theme, title="Bench by the pond")
    pending = ContributionFactory(campaign=campaign, theme=theme, title="Unseen", pending=True)
    got = events(client, campaign, last_event_id=start)
    pins = [e for e in got if e["event"] == "pin"]
    assert [p["data"]["feature"]["id"] for p in pins] == [one.pk]
    assert int(pins[0]["id"]) > start
    feature = pins[0]["data"]["feature"]
    assert feature["properties"]["title"] == "Bench by the pond"
    assert feature["properties"]["theme_name"] == theme.name
    # The public location: the privacy cell's centre, not the exact point.
    assert feature["geometry"]["coordinates"] != [one.geometry.x, one.geometry.y]
    counts = [e for e in got if e["event"] == "counts"]
    assert counts[-1]["data"] == {"counts": {theme.slug: 1}, "total": 1}
    assert "Unseen" not in json.dumps(got)

    # From the pin's own id: nothing again. Published by a moderator later: it comes then.
    again = events(client, campaign, last_event_id=pins[0]["id"])
    assert [e["event"] for e in again] == ["ready"]
    pending.moderation_state = Contribution.ModerationState.PUBLISHED
    pending.save()
    later = events(client, campaign, last_event_id=pins[0]["id"])
    assert [e["data"]["feature"]["id"] for e in later if e["event"] == "pin"] == [pending.pk]


def test_a_hidden_pin_is_removed_and_never_sent(client, theme, moderator):
    campaign = theme.campaign
    start = int(events(client, campaign)[0]["id"])
    shown = ContributionFactory(campaign=campaign, theme=theme, title="Soon hidden")
    ContributionFactory(campaign=campaign, theme=theme, title="Hidden at once", hidden=True)
    moderation.contribution_moderate(
        actor=moderator, contribution=shown, action="hide", reason="spam"
    )
    got = events(client, campaign, last_event_id=start)
    # Published then hidden in the interval: one event, its removal, under its latest change.
    assert [(e["event"], e["data"]) for e in got if e["event"] in ("pin", "remove")] == [
        ("remove", {"id": shown.pk})
    ]
    text = json.dumps(got)
    assert "Soon hidden" not in text and "Hidden at once" not in text
    # The JSON door says the same.
    body = client.get(f"/en/campaigns/{campaign.slug}/live/changes?after={start}").json()
    assert [(e["type"], e["id"]) for e in body["events"]] == [("remove", shown.pk)]
    assert body["cursor"] == int(got[-2]["id"] if got[-1]["event"] == "counts" else got[-1]["id"])


def test_no_personal_data_in_the_events(client, theme, resident_participant):
    campaign = theme.campaign
    start = int(events(client, campaign)[0]["id"])
    ContributionFactory(
        campaign=campaign,
        theme=theme,
        participant=resident_participant,
        geometry=Point(23.634567, 61.501234, srid=4326),
        title="Mine",
    )
    text = json.dumps(events(client, campaign, last_event_id=start))
    assert "Mine" in text
    for secret in ("23.634567", "61.501234", "aino", "Aino", "participant", "idempotency"):
        assert secret not in text


def test_the_stream_ends_within_its_limit(client, theme, settings):
    settings.LIVE_STREAM_SECONDS = 0.5
    began = time.monotonic()
    events(client, theme.campaign)
    assert time.monotonic() - began < 2


def test_changes_in_another_campaign_are_not_sent(client, theme):
    other = CampaignFactory()
    start = int(events(client, theme.campaign)[0]["id"])
    ContributionFactory(campaign=other, theme__campaign=other, title="Elsewhere")
    assert "Elsewhere" not in json.dumps(events(client, theme.campaign, last_event_id=start))


def test_unknown_or_unopened_campaigns_and_bad_cursors_are_refused(client, theme):
    future = CampaignFactory(opens_at=timezone.now() + timedelta(days=3))
    for slug in ("no-such-campaign", future.slug):
        for path in ("live/", "live/events", "live/changes"):
            assert client.get(f"/en/campaigns/{slug}/{path}").status_code == 404
    slug = theme.campaign.slug
    for bad in ("x", "-1", "1" * 40, "²"):
        assert client.get(f"/en/campaigns/{slug}/live/changes", {"after": bad}).status_code == 400
        response = client.get(f"/en/campaigns/{slug}/live/events", headers={"last-event-id": bad})
        assert response.status_code == 400
    assert client.post(f"/en/campaigns/{slug}/live/events").status_code == 405


def test_the_page_shows_counts_newest_pins_and_a_qr_code(client, theme):
    campaign = theme.campaign
    ContributionFactory(campaign=campaign, theme=theme, title="Bench by the pond")
    ContributionFactory(campaign=campaign, theme=theme, title="Not yet", pending=True)
    response = client.get(f"/en/campaigns/{campaign.slug}/live/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Bench by the pond" in html and "Not yet" not in html
    assert 'data-count="1"' in html
    assert '<svg role="img" aria-label="QR code: opens http://testserver/en/campaigns/' in html
    assert f"http://testserver/en/campaigns/{campaign.slug}/</a>" in html
    # No site navigation, no accounts.
    assert "/accounts/login/" not in html
    fi = client.get(f"/campaigns/{campaign.slug}/live/").content.decode()
    assert "Yhteys" in fi or 'lang="fi"' in fi


def test_the_worker_prunes_old_changes_but_keeps_each_campaigns_newest(settings):
    settings.LIVE_CHANGES_KEEP_HOURS = 24
    old, newest_of_its_campaign, recent = (LiveChangeFactory() for _ in range(3))
    # The first two are of one campaign: the newest row there stays, however old.
    LiveChange.objects.filter(pk=newest_of_its_campaign.pk).update(campaign_id=old.campaign_id)
    LiveChange.objects.filter(pk__in=[old.pk, newest_of_its_campaign.pk]).update(
        at=timezone.now() - timedelta(hours=25)
    )
    assert live_changes_prune.call() == 1
    assert set(LiveChange.objects.values_list("pk", flat=True)) >= {
        newest_of_its_campaign.pk,
        recent.pk,
    }
    assert not LiveChange.objects.filter(pk=old.pk).exists()


def test_the_qr_code_opens_the_public_address_behind_a_proxy(client, theme, settings):
    """The phone must reach the site as the public knows it (SITE_URL), not as the proxy
    asked the app."""
    settings.SITE_URL = "https://yhdessa.tampere.fi"
    html = client.get(f"/en/campaigns/{theme.campaign.slug}/live/").content.decode()
    assert f"https://yhdessa.tampere.fi/en/campaigns/{theme.campaign.slug}/</a>" in html
    assert "http://testserver" not in html
