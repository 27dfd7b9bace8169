"""The languages of the interface. English pages live at the addresses of the first issue; each other
language of settings.LANGUAGES at the same address under its own prefix (/fr/…, /de/…): paths are
never translated, so a page's address in another language is its path with the prefix swapped.

A browser arriving from elsewhere with no language chosen yet, whose reader prefers French or German,
is sent once to that version of the page. The language cookie keeps what the reader was given, and
then what they pick with the switcher, so that later visits from elsewhere stay where they are. The
admin has no address per language: it speaks the editor's language (the cookie, else the browser's)."""

from functools import cache
from urllib.parse import urlsplit

from babel import Locale
from django.conf import global_settings, settings
from django.http import HttpResponseRedirect
from django.urls import Resolver404, resolve
from django.utils import translation
from django.utils.cache import add_never_cache_headers, patch_vary_headers

from .search import fold

# Interface languages that write the name of a language in lower case within a sentence.
NAMES_OF_LANGUAGES_IN_LOWER_CASE = {"fr"}
# Every language Django names, by code (in English; its catalogs translate them).
LANGUAGE_NAMES = dict(global_settings.LANGUAGES)


def language_name(code):
    """The name of the language `code` in the active language, as written within a sentence
    ("Translation (English)", "Traduction (anglais)"), or None for a code Django does not know."""
    name = LANGUAGE_NAMES.get(code)
    if name is None:
        return None
    name = translation.gettext(name)  # Django's own catalog names every language
    return name.lower() if translation.get_language() in NAMES_OF_LANGUAGES_IN_LOWER_CASE else name


@cache
def country_codes():
    """Countries' codes by their names, folded, in English and in each language of the interface."""
    codes = {}
    for language in ["en", *dict(settings.LANGUAGES)]:
        for code, name in territory_names(language).items():
            if len(code) == 2 and code.isalpha():  # countries, not regions of the world ("150")
                codes.setdefault(fold(name), code)
    return codes


def country_name(country):
    """A country as an editor typed it ("Germany", "Allemagne", "DE"), named in the active language;
    as typed when it is no country's name."""
    typed = country.strip()
    code = typed.upper() if len(typed) == 2 else country_codes().get(fold(typed))
    names = territory_names(translation.get_language() or settings.LANGUAGE_CODE)
    return names.get(code, country) if code else country


@cache
def territory_names(language):
    """Babel's names of countries and regions in `language`, by code, read once a process (40 µs a
    call, for each festival a page names)."""
    return Locale.parse(language).territories


def language_of(path):
    """The language of the page at `path`: its prefix, else the default language."""
    first = path.lstrip("/").split("/", 1)[0]
    return first if first in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def address_in(language, path):
    """The address of the page at `path` (with or without its query) in `language`. Always a path on
    this site: leading slashes are collapsed, so that "//elsewhere.example/" stays here."""
    prefix = language_of(path)
    if prefix != settings.LANGUAGE_CODE:
        path = path.lstrip("/")[len(prefix) :]
    path = "/" + path.lstrip("/")
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
