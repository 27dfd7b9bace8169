"""Every search in the archive: quotes by their words, people by their names, and festivals,
sessions and articles for the site search and the admin. Views, filters and the admin call the
functions named here; each database has a backend behind them (base.py, postgres.py, sqlite.py).
README.md, under Search, says how each matches."""

from .backends import backend
from .highlight import highlight
from .people import find_person, people_named, suggest_people
from .query import ReaderQuery, has_words
from .quotes import RankedResults, preparation_queries, search_quotes
from .site import first_found, search_articles, search_festivals, search_panels

__all__ = [
    "RankedResults",
    "ReaderQuery",
    "backend",
    "find_person",
    "first_found",
    "has_words",
    "highlight",
    "people_named",
    "preparation_queries",
    "search_articles",
    "search_festivals",
    "search_panels",
    "search_quotes",
    "suggest_people",
]
