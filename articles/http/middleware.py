"""A log line for every request, and no NUL bytes in addresses."""

import json
import logging
import time

from django.core.exceptions import BadRequest

logger = logging.getLogger("festival.requests")


class RejectNulBytesMiddleware:
    """Refuse addresses that no reader types: a NUL byte cannot be stored or searched in PostgreSQL,
    and every filter would otherwise have to guard against it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise BadRequest("The address contains a NUL character.")
        return self.get_response(request)


class RequestLogMiddleware:
    """One JSON line per request on the `festival.requests` logger: method, path, status, duration
    and who asked (user id for staff), whatever server runs the app."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        user = getattr(request, "user", None)
        logger.info(
            json.dumps(
                {
                    "method": request.method,
                    "path": request.path,
                    "query": request.META.get("QUERY_STRING", "")[:500],
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "bytes": len(response.content) if not response.streaming else None,
                    "user": user.pk if user is not None and user.is_authenticated else None,
                },
                ensure_ascii=False,
            )
        )
        return response
