"""Reads of the live screen (`/campaigns/<slug>/live/`, docs/decisions/0049): the change log's
cursor, what changed after a cursor as the public sees it now, the counts by theme, and the
server-sent event stream built from them.

The change log (`LiveChange`, written by the triggers of migration 0026_live) only names the
contributions whose public face changed, in commit order per campaign; what an event carries
comes from the public selectors (`contributions_public`, the map API's feature text at the
public location), so the screen shows exactly what the public map shows: a published pin, or
its removal when it is no longer public (hidden, withdrawn, deleted, pending again, moved to
another campaign).
"""

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection
from django.db.models import Count, Max
from django.utils import timezone
from django_tasks import task

from engagement.models import Campaign, LiveChange
from engagement.participation.selectors import (
    contributions_feature_texts,
    contributions_public,
)

# At most this many changes a read: a bulk moderation of thousands arrives in a few reads.
CHANGES_PER_READ = 200
# Streams a process serves at once (gunicorn's threads are few): another screen is told to poll.
_streams = threading.BoundedSemaphore(getattr(settings, "LIVE_STREAMS_PER_PROCESS", 2))


@dataclass(frozen=True)
class LiveEvent:
    id: int
    type: str  # "pin" (published or changed: its feature) or "remove" (no longer public)
    data: str  # JSON text


def live_campaign(*, slug: str) -> Campaign | None:
    """The campaign a live screen may show: one that exists and has opened (None otherwise)."""
    if "\x00" in slug:
        return None
    return (
        Campaign.objects.select_related("area")
        .filter(slug=slug, opens_at__lte=timezone.now())
        .first()
    )


def live_cursor(*, campaign: Campaign) -> int:
    """The newest change of the campaign: a screen that starts now has seen everything up to it."""
    newest = LiveChange.objects.filter(campaign_id=campaign.pk).aggregate(newest=Max("id"))
    return int(newest["newest"] or 0)


def live_changes(*, campaign: Campaign, after: int) -> tuple[int, list[LiveEvent]]:
    """The changes after the cursor `after` (at most CHANGES_PER_READ), one event for each
    contribution as the public sees it now, in the order of its latest change; and the new
    cursor. A contribution changed twice is sent once, under its latest change's number, so an
    interrupted reader resuming from any event's number misses nothing."""
    rows = list(
        LiveChange.objects.filter(campaign_id=campaign.pk, id__gt=after)
        .order_by("id")
        .values_list("id", "contribution_id")[:CHANGES_PER_READ]
    )
    if not rows:
        return after, []
    latest = {contribution_id: change_id for change_id, contribution_id in rows}
    public = contributions_public(campaign=campaign).filter(pk__in=list(latest))
    features = {
        json.loads(text)["id"]: text
        for text in contributions_feature_texts(queryset=public.order_by("id"))
    }
    events = []
    for contribution_id, change_id in sorted(latest.items(), key=lambda item: item[1]):
        if contribution_id in features:
            events.append(LiveEvent(change_id, "pin", f'{{"feature":{features[contribution_id]}}}'))
        else:
            events.append(LiveEvent(change_id, "remove", json.dumps({"id": contribution_id})))
    return rows[-1][0], events


def live_theme_counts(*, campaign: Campaign) -> dict[str, int]:
    """Public contributions per theme slug (every theme of the campaign, 0 for none)."""
    counts = dict.fromkeys(campaign.themes.values_list("slug", flat=True), 0)
    rows = (
        contributions_public(campaign=campaign)
        .order_by()
        .values_list("theme__slug")
        .annotate(n=Count("id"))
    )
    counts.update(dict(rows))
    return counts


def live_counts_text(*, campaign: Campaign) -> str:
    counts = live_theme_counts(campaign=campaign)
    return json.dumps({"counts": counts, "total": sum(counts.values())})


def _message(event: str, data: str, event_id: int | None = None) -> str:
    """One server-sent event; each line of the data on its own `data:` line."""
    lines = [f"event: {event}"]
    if event_id is not None:
        lines.append(f"id: {event_id}")
    lines += [f"data: {line}" for line in data.splitlines() or [""]]
    return "\n".join(lines) + "\n\n"


def live_event_stream(*, campaign: Campaign, after: int) -> Iterator[str]:
    """The server-sent events after `after` for LIVE_STREAM_SECONDS, then the end, with a
    `retry:` hint: the browser's EventSource comes back with `Last-Event-ID` and gets what it
    missed (docs/decisions/0049). A WSGI thread is held for one stream at a time, and at most
    LIVE_STREAMS_PER_PROCESS at once: another screen is told `busy` and polls the JSON door.

    The changes are read every LIVE_POLL_SECONDS with one indexed query, each in autocommit, so
    no transaction stays open; at the end the connection goes back to Django's handling (and is
    closed after a database error, so the next stream connects afresh)."""
    retry_ms = int(settings.LIVE_RETRY_MS)
    if not _streams.acquire(blocking=False):
        yield f"retry: {retry_ms * 5}\n\n" + _message("busy", "{}")
        return
    try:
        yield f"retry: {retry_ms}\n\n"
        # Every stream starts with the cursor, so a reconnection resumes from it.
        yield _message("ready", live_counts_text(campaign=campaign), after)
        deadline = time.monotonic() + float(settings.LIVE_STREAM_SECONDS)
        quiet_since = time.monotonic()
        while time.monotonic() < deadline:
            cursor, events = live_changes(campaign=campaign, after=after)
            if events:
                yield "".join(_message(e.type, e.data, e.id) for e in events)
                yield _message("counts", live_counts_text(campaign=campaign))
                quiet_since = time.monotonic()
            elif cursor == after and time.monotonic() - quiet_since > 10:
                yield ": still here\n\n"  # a screen gone away is noticed by this write
                quiet_since = time.monotonic()
            if cursor != after:
                after = cursor
                continue
            time.sleep(min(float(settings.LIVE_POLL_SECONDS), max(0, deadline - time.monotonic())))
    except DatabaseError:
        connection.close()
    finally:
        # Django's request_finished (sent when the server closes the response) then runs
        # close_old_connections for this thread, as after any request.
        _streams.release()


@task()
def live_changes_prune() -> int:
    """Periodic: delete the change log's rows older than LIVE_CHANGES_KEEP_HOURS (a screen
    away that long starts again from the page); the number deleted. The newest row of each
    campaign stays, so a cursor never falls back to 0 and replays what a screen has shown."""
    cutoff = timezone.now() - timedelta(hours=settings.LIVE_CHANGES_KEEP_HOURS)
    newest = LiveChange.objects.values("campaign_id").annotate(newest=Max("id"))
    keep = [row["newest"] for row in newest]
    deleted, _by_model = LiveChange.objects.filter(at__lt=cutoff).exclude(id__in=keep).delete()
    return deleted
