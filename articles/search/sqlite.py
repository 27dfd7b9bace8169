"""Search on SQLite, the embedded default: an FTS5 index of quotes with accents folded in which every
word typed matches as the start of a word (standing in for stemming), and names scored in Python
with pg_trgm's measure (trigrams.py), which is right for the small archives SQLite holds."""

import re
from functools import reduce
from operator import or_

from django.db.models import F, FloatField, Q
from django.db.models.expressions import RawSQL
from django.db.models.lookups import Regex

from ..text import fold
from .base import SearchBackend
from .folding import Folded
from .trigrams import NAME_SIMILARITY, word_similarity


def fts5_query(reader_query):
    """An FTS5 query for a ReaderQuery: phrases whole, words as prefixes, folded as the index holds
    the quotes (migration 0017)."""

    def fts5(words):
        folded = [fold(word).replace('"', '""') for word in words]
        return f'"{folded[0]}"*' if len(folded) == 1 else '"' + " ".join(folded) + '"'

    if not reader_query.included:
        return ""
    match = " AND ".join(fts5(words) for words in reader_query.included)
    if reader_query.excluded:
        match = f"({match}) NOT ({' OR '.join(fts5(words) for words in reader_query.excluded)})"
    return match


class SQLiteBackend(SearchBackend):
    def match_quotes(self, quotes, reader_query):
        match = fts5_query(reader_query)
        if not match:
            return None
        matching = quotes.filter(
            pk__in=RawSQL("SELECT rowid FROM articles_quote_fts WHERE articles_quote_fts MATCH %s", [match])
        )
        rank = RawSQL(
            "SELECT -bm25(articles_quote_fts, 2.0, 2.0, 1.0) FROM articles_quote_fts "
            "WHERE articles_quote_fts MATCH %s AND articles_quote_fts.rowid = articles_quote.id",
            [match],
            output_field=FloatField(),
        )
        return matching, rank, False

    def similar_people(self, people, text, limit):
        scored = []
        for person in people:
            similarity = max(word_similarity(text, name) for name in person.spellings)
            if similarity >= NAME_SIMILARITY:
                person.similarity = similarity
                scored.append(person)
        return sorted(scored, key=lambda person: (-person.similarity, person.name))[:limit]

    def holds_word(self, fields, word):
        # Each row read: SQLite has no index of the words of these fields.
        begins_a_word = rf"(?<!\w){re.escape(fold(word))}"
        return reduce(or_, [Q(Regex(Folded(F(field)), begins_a_word)) for field in fields])

    def is_among(self, field, values):
        return Q(**{f"{field}__in": values})

    def connection_created(self, connection):
        """Give the connection the archive_fold() that migration 0005 creates on PostgreSQL, so that
        the same queries fold accents on both."""
        connection.connection.create_function(
            "archive_fold", 1, lambda text: None if text is None else fold(text), deterministic=True
        )
