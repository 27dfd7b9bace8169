"""Finding people by their names as readers type them: typos, hyphens, accents and parts of names
forgiven."""

from ..text import fold
from .backends import backend
from .query import has_words


def suggest_people(people, text, limit=8):
    """People whose names match `text` forgivingly, best first, each with a `similarity` from 0 to 1."""
    text = (text or "").strip()[:200]
    if not has_words(text):
        return []
    return backend().similar_people(people, text, limit)


def find_person(people, text):
    """The person `text` names: an exact slug or name, else the only close match. Returns
    (person, candidates): a person when there is one answer, otherwise the close matches."""
    text = (text or "").strip()[:200]
    exact = people.filter(slug=text).first() if text else None
    if exact:
        return exact, []
    candidates = suggest_people(people, text, limit=6)
    exact_names = [person for person in candidates if fold(text) in {fold(name) for name in person.spellings}]
    if len(exact_names) == 1:
        return exact_names[0], candidates
    if len(candidates) == 1 or only_one_matches_wholly(candidates):
        return candidates[0], candidates
    return None, candidates


def only_one_matches_wholly(candidates):
    """Whether the best of `candidates` holds every trigram typed and no other candidate does as well."""
    if not candidates:
        return False
    best = [person for person in candidates if person.similarity == candidates[0].similarity]
    return len(best) == 1 and best[0].similarity == 1.0


def people_named(people, text, most):
    """Ids of up to `most` of `people` whose names best match `text`. A list: as a subquery, the
    database would walk a whole list in its order, testing every name."""
    return [person.pk for person in suggest_people(people.only("name", "other_names"), text, most)]
