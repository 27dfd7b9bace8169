"""Languages: those coverage and quotes are written in (the content-language catalogue), their names
and the names of countries in the language of the page, and the addresses of a page in each
language of the interface.

English pages live at addresses without a prefix; each other language of settings.LANGUAGES at the
same address under its own prefix (/fr/…, /de/…). Paths are never translated, so a page's address
in another language is its path with the prefix swapped (address_in)."""

import functools

from babel import Locale
from django.conf import global_settings, settings
from django.utils import translation

from .text import fold

# Interface languages that write the name of a language in lower case within a sentence.
NAMES_OF_LANGUAGES_IN_LOWER_CASE = {"fr"}
# Every language Django names, by code (in English; its catalogs translate them).
LANGUAGE_NAMES = dict(global_settings.LANGUAGES)


def content_languages():
    """Languages coverage and quotes can be in: every base language Django knows (not only the
    languages of the interface), by name in the active language, sorted by it."""
    return content_languages_named_in(translation.get_language())


@functools.cache
def content_languages_named_in(language):
    # Named and sorted once a process for each interface language: every quote search offers them.
    with translation.override(language):
        named = [
            (code, translation.gettext(name)) for code, name in LANGUAGE_NAMES.items() if "-" not in code
        ]
    return tuple(sorted(named, key=lambda choice: fold(choice[1])))


def content_language_names():
    """{code: name} of content_languages(), for looking a language up."""
    return content_language_names_in(translation.get_language())


@functools.cache
def content_language_names_in(language):
    return dict(content_languages_named_in(language))


def language_name(code):
    """The name of the language `code` in the active language, as written within a sentence
    ("Translation (English)", "Traduction (anglais)"), or None for a code Django does not know."""
    name = LANGUAGE_NAMES.get(code)
    if name is None:
        return None
    name = translation.gettext(name)  # Django's own catalog names every language
    return name.lower() if translation.get_language() in NAMES_OF_LANGUAGES_IN_LOWER_CASE else name


@functools.cache
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


@functools.cache
def territory_names(language):
    """Babel's names of countries and regions in `language`, by code, read once a process: pages
    name the country of every festival they list."""
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
