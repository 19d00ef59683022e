"""The cache, session and media backends, from the environment (docs/decisions/0029).

Plain functions of their inputs, no Django settings read here, so a test can build the settings
a deployment would get. Unset variables give the single-machine defaults: the database cache,
database sessions, files under MEDIA_ROOT.
"""

from typing import Any

# The database cache's table (`manage.py createcachetable`): the default cache without Redis,
# and the rate limits' fallback while Redis is away.
DATABASE_CACHE: dict[str, Any] = {
    "BACKEND": "django.core.cache.backends.db.DatabaseCache",
    "LOCATION": "yhdessa_cache",
}
# Seconds to wait for Redis: on the same network it answers in well under a millisecond, and an
# unreachable one must cost a request little before the fallbacks take over.
REDIS_TIMEOUT = 0.25


def caches_config(*, redis_url: str, max_entries: int) -> dict[str, dict[str, Any]]:
    """CACHES: Redis as "default" when `redis_url` is set, with the database cache beside it as
    "database"; else the database cache alone.

    Django culls a third of a full database cache: under load that deleted live rate-limit
    counters and deadlocked with the writes holding them, so MAX_ENTRIES is large and the
    retention task deletes expired rows instead.
    """
    database = {**DATABASE_CACHE, "OPTIONS": {"MAX_ENTRIES": max_entries}}
    if not redis_url:
        return {"default": database}
    redis = {
        "BACKEND": "config.cache.RedisCache",
        "LOCATION": redis_url,
        # One Redis may serve more than one site or environment.
        "KEY_PREFIX": "yhdessa",
        "OPTIONS": {
            "socket_connect_timeout": REDIS_TIMEOUT,
            "socket_timeout": REDIS_TIMEOUT,
        },
    }
    return {"default": redis, "database": database}


def session_engine(*, redis_url: str) -> str:
    """Sessions in the database; with Redis, read from Redis and written through to the
    database (`cached_db`): a Redis restart signs nobody out, and a session is written only when
    it changes (sign-in, sign-out), not on every request."""
    if redis_url:
        return "django.contrib.sessions.backends.cached_db"
    return "django.contrib.sessions.backends.db"


def rate_limit_fallback_cache(*, redis_url: str) -> str:
    """The cache that counts rate limits while the default one (Redis) is away; "" for none."""
    return "database" if redis_url else ""


def media_storage(
    *,
    bucket: str,
    endpoint_url: str = "",
    region: str = "",
    access_key: str = "",
    secret_key: str = "",
    location: str = "",
    addressing_style: str = "",
) -> dict[str, Any]:
    """STORAGES["default"]: an S3-compatible bucket when `bucket` is set, else MEDIA_ROOT.

    The bucket stays private: objects are written without an ACL, and a file's URL is its
    /media/ address (config.bucket), never a public or presigned bucket URL; every file is read
    back through the app's one door (config/media.py), which checks who may see it first.
    """
    if not bucket:
        return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "default_acl": None,
        "querystring_auth": False,
        # A name is random and never reused; a collision gets a new suffix as on disk.
        "file_overwrite": False,
        "location": location,
    }
    for key, value in (
        ("endpoint_url", endpoint_url),
        ("region_name", region),
        ("access_key", access_key),
        ("secret_key", secret_key),
        ("addressing_style", addressing_style),
    ):
        if value:
            options[key] = value
    return {"BACKEND": "config.bucket.MediaBucketStorage", "OPTIONS": options}
