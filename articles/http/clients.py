"""Who is asking: the client's address, also behind the proxies the settings name (PROXY_COUNT)."""

from django.conf import settings


def client_address(request):
    """REMOTE_ADDR, or behind N proxies the address the first of them saw: the Nth entry from the
    right of X-Forwarded-For (entries further left are whatever the client sent, and can be forged)."""
    if settings.PROXY_COUNT:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        if len(forwarded) >= settings.PROXY_COUNT and forwarded[-settings.PROXY_COUNT]:
            return forwarded[-settings.PROXY_COUNT]
    return request.META.get("REMOTE_ADDR", "")
