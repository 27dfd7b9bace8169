"""The coverage format (docs/coverage-format.md): the lists a file holds, the keys of each kind of
record with what they hold, and how records refer to and are named after one another."""

import re
from typing import NamedTuple

from django.utils.translation import gettext_lazy

from ...languages import content_languages
from ...models import Article, Edition, Festival, Panel, Participation, Person, Topic

# The lists a file may hold, in the order they load: each may refer to those before it.
TOP_LEVEL = ["festivals", "editions", "topics", "people", "panels", "articles"]
# What the report counts: the top-level records, and the participants and quotes inside them.
KINDS = ["festivals", "editions", "topics", "people", "panels", "participants", "articles", "quotes"]
# The models of the top-level records. A refused one is still checked on its own (check_refused);
# participants and quotes are checked with the session or article they belong to.
KIND_MODELS = {
    "festivals": Festival,
    "editions": Edition,
    "topics": Topic,
    "people": Person,
    "panels": Panel,
    "articles": Article,
}
KIND_NAMES = {
    "festivals": gettext_lazy("Festivals"),
    "editions": gettext_lazy("Editions"),
    "topics": gettext_lazy("Topics"),
    "people": gettext_lazy("People"),
    "panels": gettext_lazy("Sessions"),
    "participants": gettext_lazy("People on stage"),
    "articles": gettext_lazy("Articles"),
    "quotes": gettext_lazy("Quotes"),
}


class Spec(NamedTuple):
    """A key of a record: what it holds and whether a record must have it."""

    type: str  # text, integer, date, time, datetime, texts (a list of texts), records (a list of objects)
    required: bool = False


REQUIRED_TEXT, TEXT = Spec("text", required=True), Spec("text")

FIELDS = {
    "festivals": {
        "slug": REQUIRED_TEXT,
        "name": REQUIRED_TEXT,
        "name_fr": TEXT,
        "name_de": TEXT,
        "short_name": TEXT,
        "city": TEXT,
        "country": TEXT,
        "website": TEXT,
        "description": TEXT,
    },
    "editions": {
        "festival": REQUIRED_TEXT,
        "year": Spec("integer", required=True),
        "start_date": Spec("date"),
        "end_date": Spec("date"),
    },
    "topics": {
        "slug": REQUIRED_TEXT,
        "name": REQUIRED_TEXT,
        "name_fr": TEXT,
        "name_de": TEXT,
        "description": TEXT,
    },
    "people": {"slug": REQUIRED_TEXT, "name": REQUIRED_TEXT, "sort_name": TEXT, "bio": TEXT, "website": TEXT},
    "panels": {
        "festival": REQUIRED_TEXT,
        "year": Spec("integer", required=True),
        "slug": REQUIRED_TEXT,
        "title": REQUIRED_TEXT,
        "kind": TEXT,
        "date": Spec("date"),
        "start_time": Spec("time"),
        "end_time": Spec("time"),
        "venue": TEXT,
        "description": TEXT,
        "topics": Spec("texts"),
        "participants": Spec("records"),
    },
    "participants": {
        "person": REQUIRED_TEXT,
        "role": TEXT,
        "affiliation": TEXT,
        "order": Spec("integer"),
    },
    "articles": {
        "slug": REQUIRED_TEXT,
        "title": REQUIRED_TEXT,
        "published_on": Spec("date"),
        "language": REQUIRED_TEXT,
        "publication": TEXT,
        "author": TEXT,
        "source_url": TEXT,
        "status": TEXT,
        "published_at": Spec("datetime"),
        "summary": TEXT,
        "body": TEXT,
        "panels": Spec("texts"),
        "quotes": Spec("records"),
    },
    "quotes": {
        "position": Spec("integer", required=True),
        "speaker": REQUIRED_TEXT,
        "text": REQUIRED_TEXT,
        "panel": TEXT,
        "language": TEXT,
        "spoken_text": TEXT,
        "spoken_language": TEXT,
        "translation": TEXT,
        "translation_language": TEXT,
        "context": TEXT,
    },
}
CHOICES = {
    "kind": [value for value, _ in Panel.Kind.choices],
    "role": [value for value, _ in Participation.Role.choices],
    "status": [value for value, _ in Article.Status.choices],
}
LANGUAGE_KEYS = {"language", "spoken_language", "translation_language"}
LANGUAGES = {code for code, _name in content_languages()}
# A session: "festival-slug/year/session-slug", or its title after the year (which may hold a "/").
PANEL_REFERENCE = re.compile(r"(?P<festival>[^/]+)/(?P<year>\d{4})/(?P<slug>.+)")
# The keys by which other records refer to a record of each kind.
REFERENCES = {
    "festivals": ["slug"],
    "editions": ["festival", "year"],
    "topics": ["slug"],
    "people": ["slug"],
    "panels": ["festival", "year", "slug"],
    "articles": ["slug"],
}
# How a record is named in the report, after its index: by its slug or what else identifies it.
DESCRIPTIONS = {
    "festivals": "{slug}",
    "editions": "{festival} {year}",
    "topics": "{slug}",
    "people": "{slug}",
    "panels": "{festival}/{year}/{slug}",
    "participants": "{person}",
    "articles": "{slug}",
    "quotes": "position {position}",
}
