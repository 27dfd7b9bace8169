"""At most COMMENT_RATE_LIMIT comments from one client in a window, counted in the cache under a
salted hash of the client's address: enough to count their comments, not to find them."""

from django.conf import settings
from django.utils.crypto import salted_hmac

from ..http.clients import client_address
from ..http.forgiving_cache import cache


def client_hash(request):
    return salted_hmac("articles.comments.client", client_address(request), algorithm="sha256").hexdigest()


def _rate_key(client):
    return f"comments:posted:{client}"


def over_rate_limit(client):
    limit, _window = settings.COMMENT_RATE_LIMIT
    return cache.get(_rate_key(client), 0) >= limit


def count_posted(client):
    """Counted from the client's first comment in a window (Django's cache, shared by the servers
    when a cache server is configured)."""
    _limit, window = settings.COMMENT_RATE_LIMIT
    key = _rate_key(client)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window)
