"""The language each request is answered in (articles/languages.py has the addresses per language).

A browser arriving from elsewhere with no language chosen yet, whose reader prefers French or German,
is sent once to that version of the page. The language cookie keeps what the reader was given, and
then what they pick with the switcher, so that later visits from elsewhere stay where they are. The
admin has no address per language: it speaks the editor's language (the cookie, else the browser's)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from ..languages import address_in, language_of


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
        redirect = self.first_visit_redirect(request)
        if redirect:
            return redirect
        response = self.get_response(request)
        if self.switched_language(request, response):
            remember_language(response, translation.get_language())
        return response

    def first_visit_redirect(self, request):
        if (
            not asks_for_a_page(request)
            or settings.LANGUAGE_COOKIE_NAME in request.COOKIES
            or language_of(request.path_info) != settings.LANGUAGE_CODE
            or not arriving_from_elsewhere(request)
        ):
            return None
        preferred = translation.get_language_from_request(request)
        if preferred == settings.LANGUAGE_CODE or not has_page_in(preferred, request.path_info):
            return None
        response = HttpResponseRedirect(address_in(preferred, request.get_full_path()))
        remember_language(response, preferred)
        patch_vary_headers(response, ("Accept-Language", "Cookie"))
        add_never_cache_headers(response)
        return response

    @staticmethod
    def switched_language(request, response):
        """A page reached from a page of this site in another language: the switcher. (That page
        sets a cookie, so the page cache does not share it; the next pages are shared again.)"""
        language = translation.get_language()
        return (
            response.status_code == 200
            and asks_for_a_page(request)
            and not arriving_from_elsewhere(request)
            and language_of(urlsplit(request.headers["Referer"]).path) != language
            and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != language
        )


def asks_for_a_page(request):
    """A browser asking for a page; not a feed reader, a download or the type-ahead's script, which
    accept anything (*/*) but name no HTML."""
    return request.method in ("GET", "HEAD") and "text/html" in request.headers.get("Accept", "")


def remember_language(response, language):
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
