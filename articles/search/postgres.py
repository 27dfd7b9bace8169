"""Search on PostgreSQL, the production database: full-text search over generated, GIN-indexed search
documents (migrations 0005 and 0018), each quote stemmed in its own language with accents folded;
names matched by trigram similarity on folded names (pg_trgm's <% operator, served by a trigram
index)."""

import json

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.fields import ArrayField
from django.contrib.postgres.search import SearchQueryField, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import BigIntegerField, BooleanField, Expression, F, FloatField, Func, QuerySet, Value
from django.db.models.functions import Cast

from .base import SearchBackend
from .folding import Folded

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


class SearchDocument(Expression):
    """The generated search_document column of quotes, sessions, articles and people (migrations
    0005 and 0018), which Django does not manage."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        # The table's alias in this query: "articles_quote" at the top, "U0" in a subquery.
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_document", []


class MatchesQuery(Func):
    """document @@ query."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


class IsAmong(Func):
    """`value = ANY(%s)`, with a list of values as one array parameter: the same statement (one
    prepared plan) whatever the list's length, where `IN (%s, %s, …)` would have one per length.
    A list of ids is given as bigint[] (ids_array): psycopg would send it as the smallest integer
    array that holds it (smallint[] for ids below 32,768), which PostgreSQL then compares with the
    bigint column one element at a time, row by row, instead of through a hash of the array (the
    newest 1,000 quotes of 14,000 sessions: 520 ms instead of 2)."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


class PrefixQuery(Func):
    """The tsquery of the words beginning with a word typed (folded as the documents are)."""

    template = "to_tsquery('archive_simple'::regconfig, quote_literal(%(expressions)s) || ':*')"
    output_field = SearchQueryField()


class WordSimilarTo(Func):
    """`text <% name`: the typed text closely matches some run of words in the name (pg_trgm)."""

    template = "%(expressions)s"
    arg_joiner = " <%% "
    output_field = BooleanField()


class WordSimilarity(Func):
    function = "word_similarity"
    output_field = FloatField()


def ids_array(values):
    """A list of ids as one bigint[] value."""
    return Cast(Value(list(values)), output_field=ArrayField(BigIntegerField()))


def websearch(terms, joiner=" "):
    """Terms for websearch_to_tsquery: each quoted, so that "or" and "-" inside are just words."""
    return joiner.join('"' + " ".join(words) + '"' for words in terms)


def readings(reader_query):
    """The reader's terms as constant tsquery texts: as typed, and as all their words in any order
    (for phrases). Each is how every stemming language reads the terms, OR-ed, duplicates removed
    (most languages read most words alike), and then AND NOT the readings of the excluded terms.

    Written out rather than OR-ing eleven websearch_to_tsquery() calls, whose overlap PostgreSQL
    cannot see: it would count each word eleven times, expect far too many matches and scan the
    table instead of using the GIN index. Costs one short query (preparation_queries)."""
    forms = [
        websearch(reader_query.included),
        websearch(reader_query.all_words),
        websearch(reader_query.excluded, joiner=" or "),
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT form, websearch_to_tsquery(config::regconfig, (%s::text[])[form])::text "
            "FROM unnest(%s::text[]) AS config, generate_series(1, 3) AS form",
            [forms, SEARCH_CONFIGURATIONS],
        )
        found = {1: [], 2: [], 3: []}
        for form, reading in cursor.fetchall():
            if reading:
                found[form].append(reading)
    if not found[1]:
        return "", ""

    def either(form):
        return " | ".join(f"( {reading} )" for reading in sorted(found[form]))

    excluded = f" & !( {either(3)} )" if found[3] else ""
    return f"( {either(1)} ){excluded}", f"( {either(2)} ){excluded}"


def tsquery(text):
    return Cast(Value(text), output_field=SearchQueryField())


class PostgreSQLBackend(SearchBackend):
    preparation_queries = 1

    def match_quotes(self, quotes, reader_query):
        if not reader_query.included:
            return None
        as_typed, all_words = readings(reader_query)
        if not as_typed:
            return None
        query = tsquery(as_typed)
        partly_checked = False
        if reader_query.has_phrase:
            # A phrase: looked for among a bounded number of quotes holding all its words. Otherwise
            # common words that seldom stand side by side would have every quote holding them reread.
            holding_all_words = quotes.filter(MatchesQuery(SearchDocument(), tsquery(all_words)))
            checks = settings.QUOTE_PHRASE_CHECKS
            to_check = list(holding_all_words.order_by().values_list("pk", flat=True)[: checks + 1])
            partly_checked = len(to_check) > checks
            quotes = quotes.filter(IsAmong(F("pk"), ids_array(to_check[:checks])))
        matching = quotes.filter(MatchesQuery(SearchDocument(), query))
        return matching, SearchRank(SearchDocument(), query), partly_checked

    def similar_people(self, people, text, limit):
        typed, name = Folded(Value(text)), Folded(F("names"))  # the name and its other spellings
        return list(
            people.filter(WordSimilarTo(typed, name))
            .annotate(similarity=WordSimilarity(typed, name))
            .order_by("-similarity", "name")[:limit]
        )

    def holds_word(self, fields, word):
        # The row's search document holds the words of these fields (migration 0018).
        return MatchesQuery(SearchDocument(), PrefixQuery(Value(word)))

    def is_among(self, field, values):
        # `= ANY(…)`: a subquery's values worked out once before the rows are read, so that each
        # condition OR-ed with it can use its own index; with `IN (subquery)` PostgreSQL reads every
        # row to test it.
        return IsAmong(
            F(field), ArraySubquery(values.order_by()) if isinstance(values, QuerySet) else ids_array(values)
        )

    def estimated_rows(self, queryset):
        # The planner's estimate, as EXPLAIN gives it: no row is read.
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        return int((json.loads(plan) if isinstance(plan, str) else plan)[0]["Plan"]["Plan Rows"])

    def estimated_count(self, model):
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass", [model._meta.db_table]
            )
            return cursor.fetchone()[0]
