"""A Redis cache that degrades instead of failing: when Redis is unreachable, reads miss and writes
go to a small per-process memory cache, and the outage is logged (once a minute). The site keeps
serving; rate limits and login throttling then count per process until Redis is back."""

import logging
import time

from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

FALLBACK_METHODS = (
    "add", "get", "set", "touch", "delete", "get_many", "has_key", "incr", "set_many",
    "delete_many", "clear", "get_or_set",
)  # fmt: skip


class ResilientRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._fallback = LocMemCache("welcome-redis-fallback", {"OPTIONS": {"MAX_ENTRIES": 10_000}})
        self._last_warning = 0.0

    def _degrade(self, error):
        now = time.monotonic()
        if now - self._last_warning > 60:
            self._last_warning = now
            logger.warning("Redis unavailable (%s): using the per-process fallback cache.", error)
        return self._fallback


def _resilient(name):
    def method(self, *args, **kwargs):
        try:
            return getattr(RedisCache, name)(self, *args, **kwargs)
        except RedisError as error:
            return getattr(self._degrade(error), name)(*args, **kwargs)

    method.__name__ = name
    return method


for _name in FALLBACK_METHODS:
    setattr(ResilientRedisCache, _name, _resilient(_name))
