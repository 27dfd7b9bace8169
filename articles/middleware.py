"""Refuse addresses that no reader types: a NUL byte cannot be stored or searched in PostgreSQL,
and every filter would otherwise have to guard against it."""

from django.core.exceptions import BadRequest


class RejectNulBytesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if "\x00" in request.path or any(
            "\x00" in key or any("\x00" in value for value in values) for key, values in request.GET.lists()
        ):
            raise BadRequest("The address contains a NUL character.")
        return self.get_response(request)
