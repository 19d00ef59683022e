"""Django's own Redis cache, told what to do while Redis is away (docs/decisions/0029).

Nothing the site shows depends on a cached value: a cache is a shortcut. So while Redis cannot
be reached a read is a miss and a write is dropped, logged, and readers never see a 500; sessions
(`cached_db`) then come from the database. Counting is different: a counter that pretends would
let a flood through, so `incr` says the cache is away (ConnectionError, a builtin: callers need
not know which cache this is), and the rate limits count in the database cache meanwhile
(engagement.participation.limits).
"""

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache as DjangoRedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

T = TypeVar("T")


class RedisCache(DjangoRedisCache):
    """django.core.cache.backends.redis.RedisCache whose failures degrade instead of raising."""

    def _soft(self, operation: str, call: Callable[[], T], fallback: T) -> T:
        try:
            return call()
        except RedisError as error:
            logger.warning("Redis cache unavailable (%s): %s", operation, error)
            return fallback

    def get(self, key: Any, default: Any = None, version: int | None = None) -> Any:
        return self._soft(
            "get", lambda: super(RedisCache, self).get(key, default, version), default
        )

    def get_many(self, keys: Any, version: int | None = None) -> dict:
        return self._soft("get_many", lambda: super(RedisCache, self).get_many(keys, version), {})

    def has_key(self, key: Any, version: int | None = None) -> bool:
        return self._soft("has_key", lambda: super(RedisCache, self).has_key(key, version), False)

    def add(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> bool:
        return self._soft(
            "add", lambda: super(RedisCache, self).add(key, value, timeout, version), False
        )

    def set(
        self, key: Any, value: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> None:
        self._soft("set", lambda: super(RedisCache, self).set(key, value, timeout, version), None)

    def set_many(
        self, data: dict, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None
    ) -> list:
        keys = list(data)
        return self._soft(
            "set_many", lambda: super(RedisCache, self).set_many(data, timeout, version), keys
        )

    def touch(self, key: Any, timeout: Any = DEFAULT_TIMEOUT, version: int | None = None) -> bool:
        return self._soft(
            "touch", lambda: super(RedisCache, self).touch(key, timeout, version), False
        )

    def delete(self, key: Any, version: int | None = None) -> bool:
        return self._soft("delete", lambda: super(RedisCache, self).delete(key, version), False)

    def delete_many(self, keys: Any, version: int | None = None) -> None:
        self._soft("delete_many", lambda: super(RedisCache, self).delete_many(keys, version), None)

    def clear(self) -> None:
        self._soft("clear", lambda: super(RedisCache, self).clear(), None)

    def incr(self, key: Any, delta: int = 1, version: int | None = None) -> int:
        """Raises ValueError for a missing key (as every Django cache does) and ConnectionError
        when Redis cannot be reached: a count is never made up."""
        try:
            return super().incr(key, delta, version)
        except RedisError as error:
            raise ConnectionError(f"Redis cache unavailable: {error}") from error
