"""Marking the words of a search in the text of what it found, to show the reader why it matched."""

import re
from functools import lru_cache

from django.utils.html import escape
from django.utils.safestring import mark_safe

from ..text import fold
from .query import words_of

# Words of escaped text; entities (&amp; &#x27;) are matched whole so that they are never marked.
WORD_OR_ENTITY = re.compile(r"&#?\w+;|(?P<word>\w+)")
MAX_ENDING = 3  # letters a stemmer takes off a word typed, for highlighting: créateurs, Übersetzungen


def highlight(text, search_text):
    """`text` escaped, with the words that match `search_text` in <mark>. A word matches when one
    folded form starts with the other (outil/outils, createurs/créateurs), which follows the stemmed
    and prefix matching of both backends closely enough. A shorter word in the text must lack no more
    than an ending: "über" is not "Übersetzung"."""
    terms = frozenset(fold(term) for term in words_of(search_text))
    escaped = escape(text)
    if not terms:
        return escaped

    def mark(found):
        word = found.group("word")
        return f"<mark>{word}</mark>" if word and _matches_a_term(word, terms) else found.group()

    return mark_safe(WORD_OR_ENTITY.sub(mark, escaped))


@lru_cache(maxsize=20_000)
def _matches_a_term(word, terms):
    folded = fold(word)
    return any(
        folded.startswith(term)
        or (len(folded) >= 4 and len(term) - len(folded) <= MAX_ENDING and term.startswith(folded))
        for term in terms
    )
