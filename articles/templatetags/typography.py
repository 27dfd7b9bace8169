"""Typesetting rules that depend on the language of the text, not on the page."""

import re

from django import template

register = template.Library()

# French sets ? ! ; : and closing guillemets apart from the word before them, and opening guillemets
# apart from the word after; a plain space there lets a line break strand the mark on its own.
FRENCH_SPACING = [
    (re.compile(r"[ \t\u00a0\u202f]+([?!;])"), "\u202f\\1"),
    (re.compile(r"[ \t\u00a0\u202f]+([:»])"), "\u00a0\\1"),
    (re.compile(r"«[ \t\u00a0\u202f]+"), "«\u00a0"),
]


@register.filter
def typeset(text, language):
    """Apply the spacing rules of `language` (a language code) to `text`; other languages pass through."""
    if not text or not str(language).startswith("fr"):
        return text
    for pattern, replacement in FRENCH_SPACING:
        text = pattern.sub(replacement, text)
    return text


# The marks a quotation takes inside another, in the language of the page that quotes it: “…‘…’…”
# in English, « …“…”… » in French, „…‚…‘…“ in German.
INNER_QUOTATION_MARKS = {"en": ("‘", "’"), "fr": ("“", "”"), "de": ("‚", "‘")}
SPACE = "[ \t\u00a0\u202f]*"
# Pairs of the outer marks of any of these languages: German first, whose closing “ opens in English.
QUOTED = re.compile(f"„(?P<german>[^„“”]*)[“”]|“(?P<english>[^“”]*)”|«{SPACE}(?P<french>[^«»]*?){SPACE}»")


@register.filter
def quoted_within(text, language):
    """`text` ready to go between the quotation marks of `language` (the page's): the quotations it
    holds, in the marks of any language, take that language's inner marks, as in
    « La salle découvre “ensemble” un film. »"""
    marks = INNER_QUOTATION_MARKS.get(str(language)[:2])
    if not text or marks is None:
        return text
    opening, closing = marks
    return QUOTED.sub(lambda found: opening + next(filter(None, found.groups()), "") + closing, text)
