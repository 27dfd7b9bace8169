"""Rules of written text that the whole archive shares: how words are compared (accents and case
folded), which A–Z letter a name files under, and how a language sets its punctuation and nested
quotations. Plain functions of strings: this module imports nothing from the app."""

import re
import unicodedata

# Letters that are no base letter with an accent, and so keep their shape once accents are taken
# off: read as PostgreSQL's unaccent reads them ("Øresund" as "oresund", "Łódź" as "lodz"). casefold()
# has already made every capital small and "ß" "ss".
LETTERS_WITHOUT_ACCENTS = str.maketrans(
    {
        "æ": "ae", "ð": "d", "đ": "d", "ħ": "h", "ı": "i", "ł": "l",
        "ŋ": "n", "ø": "o", "œ": "oe", "þ": "th", "ŧ": "t",
    }
)  # fmt: skip


def fold(text):
    """Lower case without accents: how names and words are compared. SQLite's search index holds
    quotes folded by it (migration 0017): a change here needs a migration that indexes them again."""
    unaccented = "".join(
        c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c)
    )
    return unaccented.translate(LETTERS_WITHOUT_ACCENTS)


def a_to_z_letter(text):
    """The A–Z letter a name files under: accents folded (“Ö” and “Ø” file under O), anything else
    under #."""
    letter = fold(text[:1])[:1].upper()
    return letter if "A" <= letter <= "Z" else "#"


# French sets ? ! ; : and closing guillemets apart from the word before them, and opening guillemets
# apart from the word after; a plain space there lets a line break strand the mark on its own.
FRENCH_SPACING = [
    (re.compile(r"[ \t\u00a0\u202f]+([?!;])"), "\u202f\\1"),
    (re.compile(r"[ \t\u00a0\u202f]+([:»])"), "\u00a0\\1"),
    (re.compile(r"«[ \t\u00a0\u202f]+"), "«\u00a0"),
]


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


def quoted_within(text, language):
    """`text` ready to go between the quotation marks of `language` (the page's): the quotations it
    holds, in the marks of any language, take that language's inner marks, as in
    « La salle découvre “ensemble” un film. »"""
    marks = INNER_QUOTATION_MARKS.get(str(language)[:2])
    if not text or marks is None:
        return text
    opening, closing = marks
    return QUOTED.sub(lambda found: opening + next(filter(None, found.groups()), "") + closing, text)
