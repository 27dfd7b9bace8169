"""Finding quotes by the words typed, and putting the matches in the order the reader asked for."""

from collections.abc import Sequence
from functools import cached_property
from operator import itemgetter

from django.conf import settings
from django.db.models import FloatField, Value

from .backends import backend
from .query import ReaderQuery


def search_quotes(quotes, text):
    """`quotes` that match `text`, annotated with `search_rank` (higher is better): a sliced,
    unordered queryset, to be put in order by RankedResults.

    Words must all appear (stemmed on PostgreSQL, as prefixes on SQLite); "quoted phrases" must
    appear as phrases; accents and case never matter. At most QUOTE_SEARCH_CANDIDATES matches are
    kept, so that counting, ranking and sorting stay fast however common the words: apply every
    other filter to `quotes` first. A phrase is looked for among at most QUOTE_PHRASE_CHECKS quotes
    holding all its words; the result's `phrase_partly_checked` says when more held them."""
    found = backend().match_quotes(quotes, ReaderQuery(text))
    if found is None:
        return nothing_found(quotes)
    matching, rank, partly_checked = found
    # Ranked where they are found: ranking them in an outer query would read every row again.
    ranked = matching.annotate(search_rank=rank).order_by()[: settings.QUOTE_SEARCH_CANDIDATES]
    ranked.phrase_partly_checked = partly_checked
    return ranked


def nothing_found(quotes):
    """No quotes, shaped like a search result (ranked), for words no backend can search for."""
    found = quotes.annotate(search_rank=Value(0.0, output_field=FloatField())).none()
    found.phrase_partly_checked = False
    return found


def preparation_queries():
    """Queries a text search runs before the statement that matches."""
    return backend().preparation_queries


def sort_key(field):
    """(field name, descending, empty values last) of an order_by() entry: "-name", or F("name")
    .desc(nulls_last=True)."""
    if isinstance(field, str):
        return field.lstrip("-"), field.startswith("-"), False
    return field.expression.name, field.descending, bool(field.nulls_last)


class RankedResults(Sequence):
    """The matches of a text search (search_quotes) in the order asked for, for a paginator.

    The sort keys of the matches, at most QUOTE_SEARCH_CANDIDATES rows, are fetched once and sorted
    here: sorted in SQL, every match would be ranked before the candidates are cut. Then each page's
    rows are fetched by id from `rows`, the queryset with what pages show. `order` is a list of
    fields as for order_by() (names, or F() expressions in order), ending with "pk" or "-pk"."""

    def __init__(self, matches, rows, order):
        self.matches, self.rows, self.order = matches, rows, order

    @cached_property
    def ids(self):
        keys = [sort_key(field) for field in self.order]
        found = list(self.matches.values_list(*[name for name, _, _ in keys]))
        for position, (_, descending, nulls_last) in reversed(list(enumerate(keys))):  # last key first
            if nulls_last:
                # Empty values after the others, whichever the direction.
                key = (
                    (lambda row, p=position: (row[p] is not None, row[p]))
                    if descending
                    else (lambda row, p=position: (row[p] is None, row[p]))
                )
            else:
                key = itemgetter(position)
            found.sort(key=key, reverse=descending)  # stable: the keys sorted after still hold
        return [row[-1] for row in found]

    def __len__(self):
        return len(self.ids)

    def __getitem__(self, index):
        if not isinstance(index, slice):
            return self[index : index + 1][0]
        ids = self.ids[index]
        by_id = self.rows.in_bulk(ids) if ids else {}
        return [by_id[pk] for pk in ids if pk in by_id]
