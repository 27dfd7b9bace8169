"""Public pages as readers get them, kept in the cache (Redis with CACHE_URL, else this process's
memory) for PAGE_CACHE_SECONDS.

Only anonymous GETs are served from it: a request with a session (an editor, a reader just told
their comment awaits moderation) gets a fresh page, and so does anything private (previews), any
answer that sets a cookie or is not a 200. Every save or deletion of coverage starts a new
generation of keys (pages_changed, below), so a change shows on the very next request. The generation lives in
Redis, or without it in the time stamp of a file (PAGE_CACHE_STAMP) that every process of this machine
sees: each gunicorn worker has a memory cache of its own, and must still hear of a save made in another.
Browsers are told to check back each time (no-cache) and get 304 when the page has not changed (ETag)."""

import os
import time

from django.conf import settings
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver
from django.utils.cache import get_cache_key, learn_cache_key, patch_cache_control

from .forgiving_cache import cache

GENERATION_KEY = "pages:generation"


def shared_cache():
    return not settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def generation():
    if shared_cache():
        return cache.get_or_set(GENERATION_KEY, time.time_ns, timeout=None)
    try:
        return os.stat(settings.PAGE_CACHE_STAMP).st_mtime_ns
    except FileNotFoundError:
        return 0


def start_new_generation(**kwargs):
    now = time.time_ns()
    if shared_cache():
        cache.set(GENERATION_KEY, now, timeout=None)
    else:
        settings.PAGE_CACHE_STAMP.touch()
        os.utime(settings.PAGE_CACHE_STAMP, ns=(now, now))


def remember(name, compute, seconds=None):
    """What compute() returns, kept like the pages until the next save of coverage: lists every
    page shows (the festivals and topics to filter by) are worked out once, not on each request."""
    key = f"facts.{generation()}.{name}"
    return cache.get_or_set(key, compute, seconds or settings.PAGE_CACHE_SECONDS or 60)


def cacheable(response):
    control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in control
        and "no-store" not in control
        and "no-cache" not in control
    )


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        seconds = settings.PAGE_CACHE_SECONDS
        if (
            not seconds
            or request.method not in ("GET", "HEAD")
            or settings.SESSION_COOKIE_NAME in request.COOKIES
        ):
            return self.get_response(request)
        prefix = f"pages.{generation()}"
        key = get_cache_key(request, prefix, "GET", cache=cache)
        response = cache.get(key) if key else None
        if response is not None:
            return response
        response = self.get_response(request)
        if cacheable(response):
            # Readers' browsers ask again each time; an unchanged page then costs a 304 (ETag).
            patch_cache_control(response, no_cache=True, public=True)
            key = learn_cache_key(request, response, seconds, prefix, cache=cache)
            if hasattr(response, "render") and callable(response.render):
                response.add_post_render_callback(lambda rendered: cache.set(key, rendered, seconds))
            else:
                cache.set(key, response, seconds)
        return response


# Apps whose rows show on public pages: any change to them empties the page cache.
SHOWN_ON_PAGES = {"articles", "sites", "redirects"}


@receiver(post_save)
@receiver(post_delete)
@receiver(m2m_changed)
def pages_changed(sender, **kwargs):
    if sender._meta.app_label in SHOWN_ON_PAGES:
        start_new_generation()
