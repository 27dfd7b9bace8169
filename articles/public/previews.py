"""Editors see a session or article at its address before readers can: a preview, never cached."""

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers


def viewable(request, things):
    """What the request may see of `things` (a manager or queryset): what is public, and for staff
    everything, so that editors can preview a draft, scheduled or uncovered page at its address."""
    return things.all() if request.user.is_staff else things.public()


def render_with_preview(request, template, context, status=200):
    """render(); a preview (`preview` in the context) is for the editor who asked, never for a cache."""
    response = render(request, template, context, status=status)
    if context.get("preview"):
        add_never_cache_headers(response)
    return response
