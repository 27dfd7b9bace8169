"""The language a post is written in, when the export does not say it.

A multilingual plugin says it for each post (Polylang as the post's term of its "language"
taxonomy, WPML in the post's meta); otherwise the text is read by Lingua (`lingua-language-detector`),
which knows 75 languages from their letter sequences; the site's language is the answer only where
Lingua cannot tell (too little text). A site's language alone would be wrong for every post of a
French site written in English, which festival coverage often is.
"""

import functools
import re

from lingua import IsoCode639_1, LanguageDetectorBuilder

from ...languages import LANGUAGE_NAMES

WPML_META_KEYS = ("_wpml_import_language_code", "_wpml_language", "wpml_language")
# Below this many letters (two sentences or so), a guess is no better than the site's language.
SHORTEST_TEXT = 100
# Addresses are not words of a language (an embedded video's address reads as Danish).
ADDRESS = re.compile(r"\S*(?:https?://|www\.)\S*|\S+@\S+")


def archive_language(code):
    """`fr_FR`, `fr-fr`, `FR` → `fr`: the archive's coverage languages are base languages; None for
    a code Django does not know."""
    base = (code or "").strip().lower().replace("_", "-").split("-")[0]
    return base if base in LANGUAGE_NAMES else None


def declared_language(post):
    """The language a multilingual plugin gives the post, or None."""
    for term in post.terms:
        if term.domain == "language":
            found = archive_language(term.slug) or archive_language(term.name)
            if found:
                return found
    for key in WPML_META_KEYS:
        found = archive_language(post.meta.get(key))
        if found:
            return found
    return None


# What of a text the detector reads: a few paragraphs tell a language as well as a whole article.
DETECTED_LENGTH = 1500


def languages_of(posts, site_language):
    """The language of each of `posts`, given as (post, its text): its plugin's word, else what its
    text reads as, else the site's. The texts are read together, on every core (Lingua's parallel
    detection)."""
    declared = [declared_language(post) for post, _ in posts]
    undeclared = [index for index, language in enumerate(declared) if not language]
    detected = detected_languages([posts[index][1] for index in undeclared])
    for index, language in zip(undeclared, detected, strict=True):
        declared[index] = language
    return [language or site_language for language in declared]


def detected_languages(texts):
    """The language each text reads as, or None where it is too short to tell."""
    texts = [ADDRESS.sub(" ", text[:DETECTED_LENGTH]) for text in texts]
    readable = [index for index, text in enumerate(texts) if sum(c.isalpha() for c in text) >= SHORTEST_TEXT]
    found = (
        detector().detect_languages_in_parallel_of([texts[index] for index in readable]) if readable else []
    )
    languages = [None] * len(texts)
    for index, language in zip(readable, found, strict=True):
        languages[index] = archive_language(language.iso_code_639_1.name) if language else None
    return languages


@functools.cache
def detector():
    """Built once a process, with the languages the archive's coverage can be in. Low accuracy mode
    (letter trigrams only) is as good as the full one on a paragraph or more and needs a tenth of the
    memory."""
    codes = [
        getattr(IsoCode639_1, code.upper())
        for code in LANGUAGE_NAMES
        if "-" not in code and hasattr(IsoCode639_1, code.upper())
    ]
    return (
        LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
        .with_low_accuracy_mode()
        .with_minimum_relative_distance(0.1)
        .build()
    )
