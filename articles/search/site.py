"""Finding festivals, sessions and articles by the words typed into the site search (and the admin's
searches of sessions and articles, which match the same way)."""

from functools import reduce
from operator import or_

from django.db.models import Q

from ..models import Edition, Festival, Participation, Person
from .backends import backend
from .query import YEAR, words_of

FIRST_FOUND_CANDIDATES = 200


def search_festivals(festivals, text):
    """Festivals whose name, in any language or short, holds every word typed but a year ("berlinale
    2025" names the Berlinale), case and accents ignored."""
    names = [*festivals.model.name_fields, "short_name"]
    words = [word for word in words_of(text) if not YEAR.fullmatch(word)]
    if not words:
        return festivals.none()
    return festivals.filter(*[_contains_word(names, word) for word in words])


def search_panels(panels, text, *, by_people_on_stage=True):
    """Sessions where each word typed begins a word of the title, venue or description or of the
    name of someone on stage, is in the festival's name, or is the year: "cannes 2025", "weiss
    keynote". Case and accents are ignored. Festivals and people are looked up first, each once, not
    for every session. Without `by_people_on_stage`, names of people on stage are not looked in."""
    return panels.filter(*[_session_matches(word, by_people_on_stage) for word in words_of(text)])


def _session_matches(word, by_people_on_stage):
    search = backend()
    festivals = search_festivals(Festival.objects.all(), word)
    matches = search.holds_word(["title", "venue", "description"], word) | search.is_among(
        "edition", Edition.objects.filter(festival__in=festivals).values("pk")
    )
    if by_people_on_stage:
        people = Person.objects.filter(search.holds_word(["name", "other_names"], word))
        matches |= search.is_among("pk", Participation.objects.filter(person__in=people).values("panel"))
    if YEAR.fullmatch(word):
        matches |= search.is_among("edition", Edition.objects.filter(year=int(word)).values("pk"))
    return matches


def search_articles(articles, text):
    """Articles where every word typed begins a word of the title, author, summary, publication or
    text, case and accents ignored."""
    fields = ["title", "author", "summary", "publication", "body"]
    return articles.filter(*[backend().holds_word(fields, word) for word in words_of(text)])


def first_found(matches, rows, count):
    """The first `count` of `matches` (search_panels, search_articles) as `rows`, in `rows`' order:
    two short queries. The ids of at most FIRST_FOUND_CANDIDATES matches come first, found in any
    order, then the first rows among them. Asked for the first few in order at once, PostgreSQL may
    expect a rare word to be common and walk the rows in order, testing each until enough match.
    Only when more match is that walk taken, and then it soon finds enough."""
    found = list(matches.order_by().values_list("pk", flat=True)[: FIRST_FOUND_CANDIDATES + 1])
    if len(found) > FIRST_FOUND_CANDIDATES:
        return list(matches[:count])
    return list(rows.filter(backend().is_among("pk", found))[:count]) if found else []


def _contains_word(fields, word):
    return reduce(or_, [Q(**{f"{field}__contains_folded": word}) for field in fields])
