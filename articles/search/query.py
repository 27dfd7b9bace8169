"""What a reader types into a search box, read the same way whatever database answers it."""

import re

WORD = re.compile(r"\w+")
YEAR = re.compile(r"\d{4}")
# Phrases may be put in the quotation marks of any of the interface's languages: “…” « … » „…“.
QUOTATION_MARKS = str.maketrans(dict.fromkeys("“”„«»", '"'))
# A term of what a reader types: optionally excluded with "-", then a "phrase" or a word.
TERM = re.compile(r'(-?)(?:"([^"]*)"|(\w+))')


def has_words(text):
    return bool(WORD.search(text or ""))


def words_of(text):
    return WORD.findall(text or "")


class ReaderQuery:
    """Words and "phrases" that must all appear, and -words or -"phrases" that must not. Anything
    else (operators, punctuation) is ignored, so no input is a syntax error. `included` and
    `excluded` are lists of terms, each term a list of words (one word, or a phrase's)."""

    def __init__(self, text):
        self.included, self.excluded = [], []
        for minus, phrase, word in TERM.findall((text or "").translate(QUOTATION_MARKS)):
            words = WORD.findall(phrase) if phrase else [word]
            if words:
                (self.excluded if minus else self.included).append(words)

    @property
    def has_phrase(self):
        return any(len(words) > 1 for words in self.included)

    @property
    def all_words(self):
        """Every included word as a term of its own: a phrase's words in any order."""
        return [[word] for words in self.included for word in words]
