"""The languages of the interface. English pages live at the addresses of the first issue; each other
language of settings.LANGUAGES at the same address under its own prefix (/fr/…, /de/…): paths are
never translated, so a page's address in another language is its path with the prefix swapped.

A reader arriving from elsewhere with no language chosen yet, whose browser prefers French or German,
is sent once to that version of the page; the choice is kept in the language cookie, so a reader who
then picks English through the switcher stays there. The admin has no address per language: it
speaks the editor's language (the language cookie, else the browser's)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers


def address_in(language, path):
    """The address of the page at `path` (with or without its query) in `language`."""
    prefix = translation.get_language_from_path(path)
    if prefix:
        path = path[len(prefix) + 1 :]
    return path if language == settings.LANGUAGE_CODE else f"/{language}{path}"


def addresses_in_each_language(path):
    """(code, name in that language, address) for every language of the interface."""
    return [
        (code, translation.get_language_info(code)["name_local"], address_in(code, path))
        for code in dict(settings.LANGUAGES)
    ]


def has_page_in(language, path):
    """Whether the page at `path` has a version in `language` (the admin, robots.txt or the sitemap
    have none). The pattern of the prefix matches only the prefix of the active language."""
    with translation.override(language):
        try:
            resolve(address_in(language, path))
        except Resolver404:
            return False
    return True


def arriving_from_elsewhere(request):
    referer = request.headers.get("Referer", "")
    return not referer or urlsplit(referer).netloc != request.get_host()


class LanguageOfReaderMiddleware:
    """After Django's LocaleMiddleware, which gives every address without a prefix the default language."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.ADMIN_URL

    def __call__(self, request):
        if request.path_info.startswith(self.admin_prefix):
            language = translation.get_language_from_request(request)
            translation.activate(language)
            request.LANGUAGE_CODE = language
            return self.get_response(request)
        return self.first_visit_redirect(request) or self.get_response(request)

    def first_visit_redirect(self, request):
        if (
            request.method not in ("GET", "HEAD")
            or settings.LANGUAGE_COOKIE_NAME in request.COOKIES
            or translation.get_language_from_path(request.path_info)
            or not arriving_from_elsewhere(request)
            or not request.accepts("text/html")
        ):
            return None
        preferred = translation.get_language_from_request(request)
        if preferred == settings.LANGUAGE_CODE or not has_page_in(preferred, request.path_info):
            return None
        response = HttpResponseRedirect(address_in(preferred, request.get_full_path()))
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            preferred,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        add_never_cache_headers(response)
        return response
