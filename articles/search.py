"""Finding quotes and people. Every search in the archive goes through this module.

Two engines stand behind the same functions:
- PostgreSQL (production): full-text search over a generated, GIN-indexed search document in which
  each text is stemmed in its own language with accents folded (migration 0005), and trigram
  similarity on folded names (pg_trgm's <% operator, served by a trigram index).
- SQLite (the embedded default): an FTS5 index with diacritics folded and every word matched as a
  prefix (which stands in for stemming), and names scored in Python with the same trigram measure,
  which is right for the small archives SQLite holds.
"""

import re
import unicodedata
from functools import reduce

from django.conf import settings
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL
from django.utils.html import escape
from django.utils.safestring import mark_safe

# Languages with a stemmer in PostgreSQL; quotes in any other language are matched word for word.
STEMMED_LANGUAGES = {
    "da": "danish",
    "de": "german",
    "en": "english",
    "es": "spanish",
    "fi": "finnish",
    "fr": "french",
    "it": "italian",
    "nl": "dutch",
    "pt": "portuguese",
    "sv": "swedish",
}
SEARCH_CONFIGURATIONS = [f"archive_{language}" for language in STEMMED_LANGUAGES.values()] + [
    "archive_simple"
]

# pg_trgm's default word similarity threshold, used by both engines.
NAME_SIMILARITY = 0.6
WORD = re.compile(r"\w+")
PHRASE_OR_WORD = re.compile(r'"([^"]*)"|(\w+)')


def is_postgresql():
    return connection.vendor == "postgresql"


def has_words(text):
    return bool(WORD.search(text or ""))


# Quotes ----------------------------------------------------------------------------------------


class QuoteSearchDocument(Expression):
    """The generated search_document column of quotes (PostgreSQL), which Django does not manage."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        # The quote table's alias in this query: "articles_quote" at the top, "U0" in a subquery.
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_document", []


def search_quotes(quotes, text):
    """`quotes` that match `text`, annotated with `search_rank` (higher is better).

    Words must all appear (stemmed on PostgreSQL, as prefixes on SQLite); "quoted phrases" must
    appear as phrases; accents and case never matter. At most QUOTE_SEARCH_CANDIDATES matches are
    kept, so that counting, ranking and sorting stay fast however common the words: apply every
    other filter to `quotes` first."""
    limit = settings.QUOTE_SEARCH_CANDIDATES
    if is_postgresql():
        # One query per stemming language, OR-ed into a single constant query the GIN index can serve.
        query = reduce(
            lambda left, right: left | right,
            [SearchQuery(text, config=config, search_type="websearch") for config in SEARCH_CONFIGURATIONS],
        )
        matching = quotes.alias(search_document=QuoteSearchDocument()).filter(search_document=query)
        rank = SearchRank(QuoteSearchDocument(), query)
    else:
        match = fts5_query(text)
        if not match:
            return quotes.none()
        matching = quotes.filter(
            pk__in=RawSQL("SELECT rowid FROM articles_quote_fts WHERE articles_quote_fts MATCH %s", [match])
        )
        rank = RawSQL(
            "SELECT -bm25(articles_quote_fts, 2.0, 2.0, 1.0) FROM articles_quote_fts "
            "WHERE articles_quote_fts MATCH %s AND articles_quote_fts.rowid = articles_quote.id",
            [match],
            output_field=FloatField(),
        )
    candidates = matching.order_by().values("pk")[:limit]
    return quotes.filter(pk__in=candidates).annotate(search_rank=rank)


def fts5_query(text):
    """An FTS5 query for what a reader typed: "phrases" kept whole, other words as prefixes, all
    required. Everything else (operators, punctuation) is dropped, so no input is a syntax error."""
    terms = []
    for phrase, word in PHRASE_OR_WORD.findall(text):
        if phrase and has_words(phrase):
            terms.append('"' + " ".join(WORD.findall(phrase)) + '"')
        elif word:
            terms.append(f'"{word}"*')
    return " AND ".join(terms)


def fold(text):
    """Lower case without accents: how names and words are compared."""
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold()) if not unicodedata.combining(c))


def highlight(text, search_text):
    """`text` escaped, with the words that match `search_text` in <mark>. A word matches when one
    folded form starts with the other (outil/outils, createurs/créateurs), which follows the stemmed
    and prefix matching of both engines closely enough to show the reader why a quote matched."""
    terms = {fold(term) for term in WORD.findall(search_text or "")}
    if not terms:
        return escape(text)

    def matches(word):
        folded = fold(word)
        return any(
            folded.startswith(term) or (len(folded) >= 4 and term.startswith(folded))
            for term in terms
            if term
        )

    parts = []
    position = 0
    for found in WORD.finditer(text):
        parts.append(escape(text[position : found.start()]))
        word = escape(found.group())
        parts.append(f"<mark>{word}</mark>" if matches(found.group()) else word)
        position = found.end()
    parts.append(escape(text[position:]))
    return mark_safe("".join(parts))


# People ----------------------------------------------------------------------------------------


class Folded(Func):
    """archive_fold(): lower case, accents removed (PostgreSQL, migration 0005)."""

    function = "archive_fold"


class WordSimilarTo(Func):
    """`text <% name`: the typed text closely matches some run of words in the name (pg_trgm)."""

    template = "%(expressions)s"
    arg_joiner = " <%% "
    output_field = BooleanField()


class WordSimilarity(Func):
    function = "word_similarity"
    output_field = FloatField()


def suggest_people(people, text, limit=8):
    """People whose names match `text` forgivingly (typos, hyphens, accents, part of a name), best
    first, each with a `similarity` from 0 to 1."""
    text = (text or "").strip()[:200]
    if not has_words(text):
        return []
    if is_postgresql():
        typed, name = Folded(Value(text)), Folded(F("name"))
        return list(
            people.filter(WordSimilarTo(typed, name))
            .annotate(similarity=WordSimilarity(typed, name))
            .order_by("-similarity", "name")[:limit]
        )
    scored = []
    for person in people:
        similarity = word_similarity(text, person.name)
        if similarity >= NAME_SIMILARITY:
            person.similarity = similarity
            scored.append(person)
    return sorted(scored, key=lambda person: (-person.similarity, person.name))[:limit]


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
    typed = trigrams(WORD.findall(fold(text)))
    if not typed:
        return 0.0
    words = WORD.findall(fold(name))
    best = 0.0
    for start in range(len(words)):
        for end in range(start + 1, len(words) + 1):
            best = max(best, len(typed & trigrams(words[start:end])) / len(typed))
    return best


def find_person(people, text):
    """The person `text` names: an exact slug or name, else the only close match. Returns
    (person, candidates): a person when there is one answer, otherwise the close matches."""
    text = (text or "").strip()[:200]
    exact = people.filter(slug=text).first() if text else None
    if exact:
        return exact, []
    candidates = suggest_people(people, text, limit=6)
    exact_names = [person for person in candidates if fold(person.name) == fold(text)]
    if len(exact_names) == 1:
        return exact_names[0], candidates
    best = (
        [person for person in candidates if person.similarity == candidates[0].similarity]
        if candidates
        else []
    )
    if len(candidates) == 1 or (len(best) == 1 and best[0].similarity == 1.0):
        return candidates[0], candidates
    return None, candidates


# Sessions and articles ------------------------------------------------------------------------


def search_panels(panels, text):
    """Sessions whose title or venue holds every word typed (accents ignored on PostgreSQL)."""
    return panels.filter(
        *[_contains_word(["title", "venue", "description"], word) for word in WORD.findall(text)]
    )


def search_articles(articles, text):
    """Articles whose title, summary or publication holds every word typed."""
    return articles.filter(
        *[_contains_word(["title", "summary", "publication"], word) for word in WORD.findall(text)]
    )


def _contains_word(fields, word):
    lookup = "unaccent__icontains" if is_postgresql() else "icontains"
    return reduce(lambda left, right: left | right, [Q(**{f"{field}__{lookup}": word}) for field in fields])
