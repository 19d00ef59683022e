"""Settings of the face-to-face tools: walk sessions, the kiosk screen and the workshop's live
screen (issue 17), each read from the environment with its default. Imported by base.py."""

import environ

env = environ.Env()

# A walk session (engagement/walks/, decision 0047) still takes pins sent with its code this many
# hours after it ended: pins made on the walk without a connection are sent when it returns.
WALK_SESSION_GRACE_HOURS = env.int("WALK_SESSION_GRACE_HOURS", default=24)
# A walk's pins count per participant (ANONYMOUS_RATE_LIMITS) and per walk session, not per
# address: a group shares a Wi-Fi, and phones send what they kept offline at once when the walk
# ends (decision 0047). (count, seconds) per session.
WALK_RATE_LIMITS = {
    "contribution": (env.int("WALK_CONTRIBUTIONS_PER_HOUR", default=300), 3600),
}
# An activated kiosk screen (a library's, engagement/kiosk/, decision 0048) counts its own
# input, everyone at it sharing one address: (count, seconds) per screen.
KIOSK_RATE_LIMITS = {
    "contribution": (env.int("KIOSK_CONTRIBUTIONS_PER_HOUR", default=120), 3600),
}
# The kiosk starts over after this many seconds without input (a warning counts down the last
# KIOSK_WARNING_SECONDS), and this many seconds after the thanks; an activation lasts this long.
KIOSK_IDLE_SECONDS = env.int("KIOSK_IDLE_SECONDS", default=90)
KIOSK_WARNING_SECONDS = 10
KIOSK_THANKS_SECONDS = env.int("KIOSK_THANKS_SECONDS", default=12)
KIOSK_DEVICE_DAYS = env.int("KIOSK_DEVICE_DAYS", default=365)
KIOSK_DEVICE_COOKIE = "yhdessa_kiosk"

# The live screen's server-sent events (docs/decisions/0049): each stream holds a WSGI thread for
# at most LIVE_STREAM_SECONDS, then ends and the browser comes back after LIVE_RETRY_MS with the
# last event's id; the change log is read every LIVE_POLL_SECONDS; at most
# LIVE_STREAMS_PER_PROCESS streams per process (gunicorn: 4 threads each), others poll.
LIVE_STREAM_SECONDS = env.float("LIVE_STREAM_SECONDS", default=25)
LIVE_POLL_SECONDS = env.float("LIVE_POLL_SECONDS", default=0.5)
LIVE_RETRY_MS = env.int("LIVE_RETRY_MS", default=1000)
LIVE_STREAMS_PER_PROCESS = env.int("LIVE_STREAMS_PER_PROCESS", default=2)
# The worker deletes the change log's rows older than this (engagement.participation.live).
LIVE_CHANGES_KEEP_HOURS = env.int("LIVE_CHANGES_KEEP_HOURS", default=24)
