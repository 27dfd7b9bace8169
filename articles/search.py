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
from collections.abc import Sequence
from functools import cached_property, lru_cache, reduce
from operator import itemgetter, or_

from django.conf import settings
from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQueryField, SearchRank, SearchVectorField
from django.db import connection
from django.db.models import BooleanField, Expression, F, FloatField, Func, Q, QuerySet, Value
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from django.db.models.lookups import Contains, Lookup, Regex
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
# Phrases may be put in the quotation marks of any of the interface's languages: “…” « … » „…“.
QUOTATION_MARKS = str.maketrans(dict.fromkeys("“”„«»", '"'))
# A term of what a reader types: optionally excluded with "-", then a "phrase" or a word.
TERM = re.compile(r'(-?)(?:"([^"]*)"|(\w+))')


class ReaderQuery:
    """What a reader typed, read the same way for both engines: words and "phrases" that must all
    appear, and -words or -"phrases" that must not. Anything else (operators, punctuation) is
    ignored, so no input is a syntax error."""

    def __init__(self, text):
        self.included, self.excluded = [], []
        for minus, phrase, word in TERM.findall((text or "").translate(QUOTATION_MARKS)):
            words = WORD.findall(phrase) if phrase else [word]
            if words:
                (self.excluded if minus else self.included).append(words)

    @staticmethod
    def _websearch(terms, joiner=" "):
        return joiner.join('"' + " ".join(words) + '"' for words in terms)

    @property
    def websearch_included(self):
        """For websearch_to_tsquery: every term quoted, so that "or" and "-" inside are just words."""
        return self._websearch(self.included)

    @property
    def websearch_all_words(self):
        return self._websearch([[word] for words in self.included for word in words])

    @property
    def websearch_excluded(self):
        return self._websearch(self.excluded, joiner=" or ")

    @property
    def has_phrase(self):
        return any(len(words) > 1 for words in self.included)


def is_postgresql():
    return connection.vendor == "postgresql"


def has_words(text):
    return bool(WORD.search(text or ""))


# Quotes ----------------------------------------------------------------------------------------


class SearchDocument(Expression):
    """The generated search_document column of quotes, sessions, articles and people (PostgreSQL;
    migrations 0005 and 0018), which Django does not manage."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        # The table's alias in this query: "articles_quote" at the top, "U0" in a subquery.
        alias = compiler.query.get_initial_alias()
        return f"{compiler.quote_name_unless_alias(alias)}.search_document", []


def search_quotes(quotes, text):
    """`quotes` that match `text`, annotated with `search_rank` (higher is better): a sliced,
    unordered queryset, to be put in order by RankedResults.

    Words must all appear (stemmed on PostgreSQL, as prefixes on SQLite); "quoted phrases" must
    appear as phrases; accents and case never matter. At most QUOTE_SEARCH_CANDIDATES matches are
    kept, so that counting, ranking and sorting stay fast however common the words: apply every
    other filter to `quotes` first. A phrase is looked for among at most QUOTE_PHRASE_CHECKS quotes
    holding all its words; the result's `phrase_partly_checked` says when more held them."""
    limit = settings.QUOTE_SEARCH_CANDIDATES
    partly_checked = False
    if is_postgresql():
        as_typed, all_words = postgresql_readings(text)
        if not as_typed:
            return nothing_found(quotes)
        query = Cast(Value(as_typed), output_field=SearchQueryField())
        if ReaderQuery(text).has_phrase:
            # A phrase: look for it among a bounded number of quotes holding all its words. Otherwise
            # common words that seldom stand side by side would have every quote holding them reread.
            holding_all_words = quotes.filter(
                MatchesQuery(SearchDocument(), Cast(Value(all_words), output_field=SearchQueryField()))
            )
            checks = settings.QUOTE_PHRASE_CHECKS
            to_check = list(holding_all_words.order_by().values_list("pk", flat=True)[: checks + 1])
            partly_checked = len(to_check) > checks
            matching = quotes.filter(IsAmong(F("pk"), Value(to_check[:checks]))).filter(
                MatchesQuery(SearchDocument(), query)
            )
        else:
            matching = quotes.filter(MatchesQuery(SearchDocument(), query))
        rank = SearchRank(SearchDocument(), query)
    else:
        match = fts5_query(text)
        if not match:
            return nothing_found(quotes)
        matching = quotes.filter(
            pk__in=RawSQL("SELECT rowid FROM articles_quote_fts WHERE articles_quote_fts MATCH %s", [match])
        )
        rank = RawSQL(
            "SELECT -bm25(articles_quote_fts, 2.0, 2.0, 1.0) FROM articles_quote_fts "
            "WHERE articles_quote_fts MATCH %s AND articles_quote_fts.rowid = articles_quote.id",
            [match],
            output_field=FloatField(),
        )
    # Ranked where they are found: ranking them in an outer query would read every row again.
    found = matching.annotate(search_rank=rank).order_by()[:limit]
    found.phrase_partly_checked = partly_checked
    return found


class RankedResults(Sequence):
    """The matches of a text search (search_quotes) in the order asked for, for a paginator.

    The sort keys of the matches, at most QUOTE_SEARCH_CANDIDATES rows, are fetched once and sorted
    here: sorted in SQL, every match would be ranked before the candidates are cut. Then each page's
    rows are fetched by id from `rows`, the queryset with what pages show. `order` is a list of
    fields as for order_by(), ending with "pk" or "-pk"."""

    def __init__(self, matches, rows, order):
        self.matches, self.rows, self.order = matches, rows, order

    @cached_property
    def ids(self):
        fields = [field.lstrip("-") for field in self.order]
        found = list(self.matches.values_list(*fields))
        for position, field in reversed(list(enumerate(self.order))):  # stable sorts, last key first
            found.sort(key=itemgetter(position), reverse=field.startswith("-"))
        return [row[-1] for row in found]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        by_id = self.rows.in_bulk(ids) if ids else {}
        return [by_id[pk] for pk in ids if pk in by_id]


def nothing_found(quotes):
    """No quotes, shaped like a search result (ranked), for words no engine can search for."""
    found = quotes.annotate(search_rank=Value(0.0, output_field=FloatField())).none()
    found.phrase_partly_checked = False
    return found


def postgresql_readings(text):
    """The reader's words as constant tsquery texts: as typed, and as all their words in any order
    (for phrases). Each is how every stemming language reads the terms, OR-ed, duplicates removed
    (most languages read most words alike), and then AND NOT the readings of the excluded terms.
    Written out rather than OR-ing eleven websearch_to_tsquery() calls, whose overlap PostgreSQL
    cannot see: it would count each word eleven times, expect far too many matches and scan the
    table instead of using the GIN index. Costs one short query (preparation_queries)."""
    reader = ReaderQuery(text)
    if not reader.included:
        return "", ""
    forms = [reader.websearch_included, reader.websearch_all_words, reader.websearch_excluded]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT DISTINCT form, websearch_to_tsquery(config::regconfig, (%s::text[])[form])::text "
            "FROM unnest(%s::text[]) AS config, generate_series(1, 3) AS form",
            [forms, SEARCH_CONFIGURATIONS],
        )
        readings = {1: [], 2: [], 3: []}
        for form, reading in cursor.fetchall():
            if reading:
                readings[form].append(reading)

    def either(form):
        return " | ".join(f"( {reading} )" for reading in sorted(readings[form]))

    if not readings[1]:
        return "", ""
    excluded = f" & !( {either(3)} )" if readings[3] else ""
    return f"( {either(1)} ){excluded}", f"( {either(2)} ){excluded}"


def preparation_queries():
    """Queries a text search runs before it matches: PostgreSQL asks how each language reads the words."""
    return 1 if is_postgresql() else 0


class IsAmong(Func):
    """`value = ANY(%s)`, with a list of values as one array parameter: the same statement (one
    prepared plan) whatever the list's length, where `IN (%s, %s, …)` would have one per length."""

    template = "%(expressions)s)"
    arg_joiner = " = ANY("
    output_field = BooleanField()


class MatchesQuery(Func):
    """document @@ query."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()


def fts5_query(text):
    """An FTS5 query for what a reader typed (see ReaderQuery): phrases whole, words as prefixes,
    folded as the index holds the quotes."""
    reader = ReaderQuery(text)

    def fts5(words):
        folded = [fold(word).replace('"', '""') for word in words]
        return f'"{folded[0]}"*' if len(folded) == 1 else '"' + " ".join(folded) + '"'

    if not reader.included:
        return ""
    match = " AND ".join(fts5(words) for words in reader.included)
    if reader.excluded:
        match = f"({match}) NOT ({' OR '.join(fts5(words) for words in reader.excluded)})"
    return match


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


def teach_sqlite_to_fold(sender, connection, **kwargs):
    """Give each SQLite connection the archive_fold() that migration 0005 creates on PostgreSQL,
    so that the same queries fold accents on both (connected to connection_created in apps.py)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function(
            "archive_fold", 1, lambda text: None if text is None else fold(text), deterministic=True
        )


def highlight(text, search_text):
    """`text` escaped, with the words that match `search_text` in <mark>. A word matches when one
    folded form starts with the other (outil/outils, createurs/créateurs), which follows the stemmed
    and prefix matching of both engines closely enough to show the reader why a quote matched. A
    shorter word in the text must lack no more than an ending: "über" is not "Übersetzung"."""
    terms = frozenset(fold(term) for term in WORD.findall(search_text or ""))
    escaped = escape(text)
    if not terms:
        return escaped

    def mark(found):
        word = found.group("word")
        return f"<mark>{word}</mark>" if word and _matches_a_term(word, terms) else found.group()

    return mark_safe(WORD_OR_ENTITY.sub(mark, escaped))


# Words of escaped text; entities (&amp; &#x27;) are matched whole so that they are never marked.
WORD_OR_ENTITY = re.compile(r"&#?\w+;|(?P<word>\w+)")


MAX_ENDING = 3  # letters a stemmer takes off a word typed, for highlighting: créateurs, Übersetzungen


@lru_cache(maxsize=20_000)
def _matches_a_term(word, terms):
    folded = fold(word)
    return any(
        folded.startswith(term)
        or (len(folded) >= 4 and len(term) - len(folded) <= MAX_ENDING and term.startswith(folded))
        for term in terms
    )


# People ----------------------------------------------------------------------------------------


class Folded(Func):
    """archive_fold(): lower case, accents removed (PostgreSQL: migration 0005; SQLite: fold())."""

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


# Festivals, sessions and articles -------------------------------------------------------------

YEAR = re.compile(r"\d{4}")


def search_festivals(festivals, text):
    """Festivals whose name, in any language or short, holds every word typed but a year ("berlinale
    2025" names the Berlinale), case and accents ignored."""
    names = [*festivals.model.name_fields, "short_name"]
    words = [word for word in WORD.findall(text) if not YEAR.fullmatch(word)]
    return festivals.filter(*[_contains_word(names, word) for word in words]) if words else festivals.none()


def search_panels(panels, text, *, by_people_on_stage=True):
    """Sessions where each word typed begins a word of the title, venue or description or of the
    name of someone on stage, is in the festival's name, or is the year: "cannes 2025", "weiss
    keynote". Case and accents are ignored. Festivals and people are looked up first, each once, not
    for every session. Without `by_people_on_stage`, names of people on stage are not looked in."""
    from .models import Edition, Festival, Participation, Person

    def found(word):
        festivals = search_festivals(Festival.objects.all(), word)
        matches = _holds_word(["title", "venue", "description"], word) | _is_among(
            "edition", Edition.objects.filter(festival__in=festivals).values("pk")
        )
        if by_people_on_stage:
            people = Person.objects.filter(_holds_word(["name"], word))
            matches |= _is_among("pk", Participation.objects.filter(person__in=people).values("panel"))
        if YEAR.fullmatch(word):
            matches |= _is_among("edition", Edition.objects.filter(year=int(word)).values("pk"))
        return matches

    return panels.filter(*[found(word) for word in WORD.findall(text)])


def search_articles(articles, text):
    """Articles where every word typed begins a word of the title, author, summary, publication or
    text, case and accents ignored."""
    fields = ["title", "author", "summary", "publication", "body"]
    return articles.filter(*[_holds_word(fields, word) for word in WORD.findall(text)])


def _holds_word(fields, word):
    """A word in one of `fields` begins with `word`, case and accents ignored: "ai" finds "AI" and
    "aid", not "said". On PostgreSQL through the row's search document (migration 0018: the words of
    these fields), on SQLite by reading each row."""
    if is_postgresql():
        return MatchesQuery(SearchDocument(), PrefixQuery(Value(word)))
    begins_a_word = rf"(?<!\w){re.escape(fold(word))}"
    return reduce(or_, [Q(Regex(Folded(F(field)), begins_a_word)) for field in fields])


class PrefixQuery(Func):
    """The tsquery of the words beginning with a word typed (folded as the documents are)."""

    template = "to_tsquery('archive_simple'::regconfig, quote_literal(%(expressions)s) || ':*')"
    output_field = SearchQueryField()


FIRST_FOUND_CANDIDATES = 200


def first_found(matches, rows, count):
    """The first `count` of `matches` (search_panels, search_articles) as `rows`, in `rows`' order:
    two short queries. The ids of at most FIRST_FOUND_CANDIDATES matches come first, found in any
    order, then the first rows among them. Asked for the first few in order at once, PostgreSQL may
    expect a rare word to be common and walk the rows in order, testing each until enough match:
    200 ms on 20,000 sessions for a word no session holds. Only when more match is that walk taken,
    and then it soon finds enough."""
    found = list(matches.order_by().values_list("pk", flat=True)[: FIRST_FOUND_CANDIDATES + 1])
    if len(found) > FIRST_FOUND_CANDIDATES:
        return list(matches[:count])
    return list(rows.filter(_is_among("pk", found))[:count]) if found else []


def _is_among(field, values):
    """`field` is one of `values` (a list, or a queryset of one column). On PostgreSQL as `= ANY(…)`,
    a subquery's values worked out once before the rows are read: each condition OR-ed with it can
    then use its own index. With `IN (subquery)` PostgreSQL reads every row to test it."""
    if not is_postgresql():
        return Q(**{f"{field}__in": values})
    return IsAmong(
        F(field), ArraySubquery(values.order_by()) if isinstance(values, QuerySet) else Value(values)
    )


def _contains_word(fields, word):
    return reduce(or_, [Q(**{f"{field}__contains_folded": word}) for field in fields])


class ContainsFolded(Lookup):
    """`field__contains_folded=text`: the field holds the text, case and accents ignored on both
    databases. Registered for text fields (apps.py), so that the admin's search_fields may use it."""

    lookup_name = "contains_folded"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        return compiler.compile(Contains(Folded(self.lhs), fold(str(self.rhs))))
