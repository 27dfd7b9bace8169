"""Django's cache, forgiving a cache server that is down.

With CACHE_URL, the cache is a Redis server: if it stops, Django's cache raises on every call, and
every page (each goes through the page cache) would answer 500. Here a read then finds nothing and
a write is dropped: pages are made anew, option lists are worked out each time, the comment limit
lets comments through to moderation. The outage is logged, once a minute per process, and the
server is asked again on the next call, so the cache is back as soon as Redis is.
"""

import logging
import time

from django.core.cache import cache as django_cache
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)
WARN_EVERY_SECONDS = 60


class ForgivingCache:
    """The calls of Django's cache the archive makes, each with what it stands for when the cache
    server cannot be reached."""

    last_warned = float("-inf")

    def get(self, key, default=None):
        return self._forgiving(lambda: django_cache.get(key, default), lambda: default)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT):
        self._forgiving(lambda: django_cache.set(key, value, timeout), lambda: None)

    def get_or_set(self, key, default, timeout=DEFAULT_TIMEOUT):
        worked_out = default if callable(default) else lambda: default
        return self._forgiving(lambda: django_cache.get_or_set(key, default, timeout), worked_out)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT):
        return self._forgiving(lambda: django_cache.add(key, value, timeout), lambda: True)

    def incr(self, key, delta=1):
        return self._forgiving(lambda: django_cache.incr(key, delta), lambda: delta)

    def _forgiving(self, call, fallback):
        try:
            return call()
        except RedisError as error:
            now = time.monotonic()
            if now - ForgivingCache.last_warned >= WARN_EVERY_SECONDS:
                ForgivingCache.last_warned = now
                logger.warning("The cache server cannot be reached; pages are made without it: %s", error)
            return fallback()


cache = ForgivingCache()
