"""Abuse limits on anonymous input: rate windows, keyed address hashes, who counts as a voice.

An anonymous participant is a browser's cookie, and a cookie costs nothing: a client that sends
none is a new participant on every request. So the limits that make "one per person" mean
something also count by the client's address, which the database and the cache keep only as a
keyed hash (HMAC with SECRET_KEY), never in clear. Signed-in residents and integrations with an
API key are accountable (an account needs a confirmed e-mail address, a key can be revoked), so
these limits leave them alone. docs/decisions/0013-abuse-limits.md says why each rule is as it is.
"""

import hashlib
import hmac
import ipaddress
import logging
import math
import time

from django.conf import settings
from django.core.cache import cache, caches
from django.core.cache.backends.base import BaseCache
from django.db.models import Exists, OuterRef, QuerySet
from django.utils.translation import gettext as _

from engagement.common.errors import refusal_error
from engagement.models import ApiKey, Participant

# The length of a stored address hash: 128 bits of HMAC-SHA256 tell addresses apart well enough.
ADDRESS_HASH_LENGTH = 32
# The IPv6 prefix that counts as one client's address.
IPV6_PREFIX = 64

logger = logging.getLogger(__name__)


def address_network(address: str) -> str:
    """The part of an address that stands for one client: an IPv4 address as it is, an IPv6
    address's /64 network, which one home or one phone is given whole (counting single IPv6
    addresses would let one client count as 2^64 people)."""
    try:
        parsed = ipaddress.ip_address(address.strip())
    except ValueError:
        return address.strip()
    if isinstance(parsed, ipaddress.IPv6Address):
        if parsed.ipv4_mapped is not None:
            return str(parsed.ipv4_mapped)
        return str(ipaddress.IPv6Network((parsed, IPV6_PREFIX), strict=False))
    return str(parsed)


def address_hash(address: str | None) -> str:
    """The client's address (its network, see address_network) as a keyed hash, "" when
    unknown: equal addresses give equal hashes, and without SECRET_KEY nobody can test a
    guessed address against one."""
    if not address:
        return ""
    network = address_network(address).encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), network, hashlib.sha256)
    return digest.hexdigest()[:ADDRESS_HASH_LENGTH]


def participant_accountable(participant: Participant) -> bool:
    """A signed-in resident or an integration's key: someone a moderator or an administrator
    can stop, so the limits on anonymous input do not apply."""
    return (
        participant.user_id is not None or ApiKey.objects.filter(participant=participant).exists()
    )


def rate_limit(
    *,
    action: str,
    participant: Participant,
    address: str | None,
    scope: str = "",
    kiosk: str = "",
    walk: int | None = None,
) -> None:
    """Refuse an anonymous write beyond ANONYMOUS_RATE_LIMITS[action], counted per participant
    and per address; `scope` counts separately per campaign (supports, flags: "c<id>").

    From an activated kiosk screen (`kiosk`: its device id, engagement/kiosk/devices.py) the
    count is the screen's, under KIOSK_RATE_LIMITS[action]: everyone at a library's screen
    shares one address, which the anonymous limits would soon block (decision 0048). Likewise
    a walk session's pins (`walk`: its id) count per participant as usual but, instead of per
    address, per session under WALK_RATE_LIMITS: a group on one Wi-Fi, or phones sending what
    they kept offline when the walk ends at the library, share an address (decision 0047).

    The refusal's code is "rate_limited" and its params carry `retry_after` (seconds), which the
    API answers as 429 with a Retry-After header.
    """
    if participant_accountable(participant):
        return
    anonymous = settings.ANONYMOUS_RATE_LIMITS[action]
    if kiosk:
        counted = [(f"k{kiosk}", settings.KIOSK_RATE_LIMITS[action])]
    elif walk is not None and action in settings.WALK_RATE_LIMITS:
        walk_limit = settings.WALK_RATE_LIMITS[action]
        counted = [(f"p{participant.pk}", anonymous), (f"w{walk}", walk_limit)]
    else:
        counted = [(f"p{participant.pk}", anonymous)]
        if address:
            counted.append(("a" + address_hash(address), anonymous))
    prefix = f"rate:{action}:{scope}:" if scope else f"rate:{action}:"
    now = time.time()
    for subject, (limit, window) in counted:
        # Fixed windows aligned to the clock: the key names its window, which expires at its end.
        window_index = int(now // window)
        retry_after = max(1, math.ceil((window_index + 1) * window - now))
        count = window_count(f"{prefix}{subject}:{window_index}", retry_after)
        if count > limit:
            raise refusal_error(
                _(
                    "You have sent a lot in a short time. Please wait a moment and try again; "
                    "what you wrote is kept."
                ),
                "rate_limited",
                params={"retry_after": retry_after},
            )


def window_count(key: str, seconds: int) -> int:
    """One more in the window `key`, which ends in `seconds`; the count so far, this one too.

    `add` creates the key only if missing. Redis's `incr` adds in one step, so concurrent
    requests are counted exactly; the database cache's is a read and a write, so two requests
    at the same moment may count once (lenient by at most the concurrency, never strict).
    While the default cache (Redis) is away, the count goes on in RATE_LIMIT_FALLBACK_CACHE
    (the database cache): the limits keep holding, from zero in that cache, so at worst a
    client gets one window's allowance twice (docs/decisions/0029).
    """
    try:
        return _count(cache, key, seconds)
    except ConnectionError as error:
        fallback = getattr(settings, "RATE_LIMIT_FALLBACK_CACHE", "")
        if not fallback:
            raise
        logger.warning("rate limits counted in the %r cache: %s", fallback, error)
        return _count(caches[fallback], key, seconds)


def _count(counter: BaseCache, key: str, seconds: int) -> int:
    counter.add(key, 0, seconds)
    try:
        count = counter.incr(key)
    except ValueError:  # expired between add and incr
        counter.set(key, 1, seconds)
        count = 1
    # The expiry again, since a cache's incr may reset it to the default timeout (Django's
    # database cache does: the hour used to last five minutes).
    counter.touch(key, seconds)
    return count


def flag_voices(flags: QuerySet) -> tuple[int, int]:
    """The distinct people behind these flags as far as the site can tell, as (accountable,
    anonymous): each account or key is one; anonymous flags are one per address, and those
    whose address is unknown (or erased after the retention period) are together one."""
    keyed = ApiKey.objects.filter(participant=OuterRef("participant"))
    accountable: set[tuple[str, int]] = set()
    anonymous: set[str] = set()
    rows = flags.annotate(keyed=Exists(keyed)).values_list(
        "participant__user_id", "participant_id", "keyed", "address_hash"
    )
    for user_id, participant_id, has_key, hashed in rows:
        if user_id is not None:
            accountable.add(("user", user_id))
        elif has_key:
            accountable.add(("key", participant_id))
        else:
            anonymous.add(hashed)
    return len(accountable), len(anonymous)
