"""The home page and the page for an address that is not one."""

import re

from django.conf import settings
from django.http import HttpResponsePermanentRedirect
from django.shortcuts import render

from ...languages import address_in
from ...models import Article, Festival, Quote, Topic
from ...redirects import plain_address_target

HOME_ARTICLES = 6
HOME_QUOTES = 5
HOME_FESTIVALS = 12


def home(request):
    if "p" in request.GET and (moved_to := plain_address_target(request)):
        return HttpResponsePermanentRedirect(moved_to)
    return render(
        request,
        "articles/home.html",
        {
            "articles": Article.objects.public()[:HOME_ARTICLES],
            "festivals": Festival.objects.public().by_local_name()[:HOME_FESTIVALS],
            "topics": Topic.objects.public().by_local_name(),
            "quotes": Quote.objects.in_context().public().latest_first()[:HOME_QUOTES],
        },
    )


def page_not_found(request, exception):
    """The 404 page, with a search for the words of the address the reader tried: a mistyped or
    outdated link still names the person, festival or session they were after."""
    path = address_in(settings.LANGUAGE_CODE, request.path)
    section, *rest = [part for part in path.split("/") if part] or [""]
    words = " ".join(re.findall(r"[^\W_]{2,}", " ".join(rest or [section]))[:8])
    return render(request, "404.html", {"search_words": words[:200]}, status=404)
