"""Case and accents ignored in SQL on both databases: archive_fold() is a function of PostgreSQL's
(migration 0005) and of each SQLite connection (sqlite.py), folding as text.fold() does."""

from django.db.models import Func
from django.db.models.lookups import Contains, Lookup

from ..text import fold


class Folded(Func):
    """archive_fold(): lower case, accents removed."""

    function = "archive_fold"


class ContainsFolded(Lookup):
    """`field__contains_folded=text`: the field holds the text, case and accents ignored. Registered
    for text fields (apps.py), so that the admin's search_fields may use it."""

    lookup_name = "contains_folded"
    prepare_rhs = False

    def as_sql(self, compiler, connection):
        return compiler.compile(Contains(Folded(self.lhs), fold(str(self.rhs))))
