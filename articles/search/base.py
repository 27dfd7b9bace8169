"""What a search backend does. One backend for each database the archive runs on (postgres.py,
sqlite.py) answers these calls; the search functions (quotes.py, people.py, site.py) and the
admin's lists call them through backend() and never ask which database they are on."""


class SearchBackend:
    # Queries a text search of quotes runs before its statement: PostgreSQL asks how each language
    # reads the words.
    preparation_queries = 0

    def match_quotes(self, quotes, reader_query):
        """(the `quotes` that match the ReaderQuery, their rank as an expression, whether a phrase
        was looked for in only some of the quotes holding its words), or None when nothing typed
        can be searched for. Accents and case never matter."""
        raise NotImplementedError

    def similar_people(self, people, text, limit):
        """Up to `limit` of `people` whose names match `text` forgivingly (typos, accents, part of
        a name), best first, each with a `similarity` from 0 to 1."""
        raise NotImplementedError

    def holds_word(self, fields, word):
        """A condition: a word in one of `fields` begins with `word`, case and accents ignored."""
        raise NotImplementedError

    def is_among(self, field, values):
        """A condition: `field` is one of `values`, a list of ids or a queryset of one column."""
        raise NotImplementedError

    def estimated_count(self, model):
        """The database's own estimate of how many rows `model`'s table holds, or None."""
        return None

    def estimated_rows(self, queryset):
        """The database's own estimate of how many rows `queryset` finds, or None."""
        return None

    def connection_created(self, connection):
        """Prepare a new connection to the database (connected in apps.py)."""
