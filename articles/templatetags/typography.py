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


# The quotation marks that a quotation takes inside another in each language: “…‘…’…” in English,
# « …“…”… » in French, „…‚…‘…“ in German. The marks map onto them one for one, but for French,
# whose guillemets are set apart from the words and inner marks are not.
INNER_QUOTATION_MARKS = {
    "en": str.maketrans({"“": "‘", "”": "’"}),
    "fr": str.maketrans({"«": "“", "»": "”"}),
    "de": str.maketrans({"„": "‚", "“": "‘"}),
}
SPACE_INSIDE_GUILLEMETS = re.compile(r"(?<=«)[ \t\u00a0\u202f]+|[ \t\u00a0\u202f]+(?=»)")


@register.filter
def quoted_within(text, language):
    """`text` ready to go between the quotation marks of `language` (the page's): its own marks of
    that kind become the inner kind, as in « La salle découvre “ensemble” un film. »"""
    marks = INNER_QUOTATION_MARKS.get(str(language)[:2])
    if not text or marks is None:
        return text
    if str(language).startswith("fr"):
        text = SPACE_INSIDE_GUILLEMETS.sub("", text)
    return text.translate(marks)
