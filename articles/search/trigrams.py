"""pg_trgm's measure of how close a name is to what was typed, in Python: SQLite's backend scores
names with it, so that both databases forgive the same typos."""

from ..text import fold
from .query import words_of

# pg_trgm's default word similarity threshold, used by both backends.
NAME_SIMILARITY = 0.6


def trigrams(words):
    """pg_trgm's trigrams: each word padded with two spaces before and one after."""
    grams = set()
    for word in words:
        padded = f"  {word} "
        grams.update(padded[i : i + 3] for i in range(len(padded) - 2))
    return grams


def word_similarity(text, name):
    """pg_trgm's word_similarity, near enough: the share of the typed text's trigrams found in the
    best-matching run of consecutive words of the name."""
    typed = trigrams(words_of(fold(text)))
    if not typed:
        return 0.0
    words = words_of(fold(name))
    best = 0.0
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            best = max(best, len(typed & trigrams(words[start:end])) / len(typed))
    return best
