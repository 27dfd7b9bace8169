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
