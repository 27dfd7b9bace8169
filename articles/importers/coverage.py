"""Load coverage written in the archive's JSON format (docs/coverage-format.md), with a report.

Records are matched by their slugs (a panel by its festival, year and slug, a participant by its
panel and person, a quote by its article and position), so loading the same file twice changes
nothing: a record is saved only where the file differs from what is stored.

Every record is checked (its keys and their types, the records it refers to, then the model's own
validation, as the admin would) and saved in a savepoint of its own, so that one bad record does not
stop the others from being checked: the report lists every bad record, row by row. The whole load
runs in one transaction, rolled back when any record failed (and for a dry run): a file with one bad
record writes nothing.
"""

import datetime
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.db import DatabaseError, transaction
from django.db.models import CheckConstraint
from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import (
    Article,
    Edition,
    Festival,
    Panel,
    Participation,
    Person,
    Quote,
    Topic,
    content_languages,
)

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
# In the change history, in the language of whoever imports, as the admin's other reasons are.
CHANGE_REASON = gettext_lazy("Imported from a coverage file")


@dataclass(frozen=True)
class RecordError:
    """One problem: which record (`articles[0].quotes[3] (position 4)`), which field (empty for the
    record as a whole) and what is wrong, in plain words."""

    record: str
    field: str
    message: str

    def __str__(self):
        if self.field:
            # Translators: one line of an import's report: where in the file, which key, what is wrong.
            return _("%(record)s, %(field)s: %(message)s") % {
                "record": self.record,
                "field": self.field,
                "message": self.message,
            }
        # Translators: one line of an import's report: where in the file, what is wrong.
        return _("%(record)s: %(message)s") % {"record": self.record, "message": self.message}


@dataclass
class Tally:
    created: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def total(self):
        return self.created + self.updated + self.unchanged


@dataclass
class Change:
    """A record already in the archive that the file changes, and the keys whose values differ."""

    record: str
    keys: list

    def __str__(self):
        # Translators: one line of an import's report: a record already in the archive, what the file changes.
        return _("%(record)s: %(keys)s") % {"record": self.record, "keys": ", ".join(self.keys)}


@dataclass
class CoverageReport:
    """What an import did, or would have done: per kind of record, how many were created, updated
    and left unchanged, what each update changes, and every error. With any error, nothing was
    written."""

    counts: dict = field(default_factory=lambda: {kind: Tally() for kind in KINDS})
    changes: list = field(default_factory=list)
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors

    @property
    def written(self):
        """Whether the database now holds the file's changes."""
        return self.ok and not self.dry_run and any(t.created or t.updated for t in self.counts.values())

    def summary(self):
        """`Festivals: 1 created, 0 updated, 0 unchanged; …`, for the kinds the file holds."""
        return "; ".join(
            _("%(kind)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
            % {
                "kind": KIND_NAMES[kind],
                "created": tally.created,
                "updated": tally.updated,
                "unchanged": tally.unchanged,
            }
            for kind, tally in self.counts.items()
            if tally.total
        ) or _("nothing to import")


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
        "published_on": Spec("date", required=True),
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
# What a key of a coverage file must hold, in "Must be %(expected)s, not %(found)s.".
TYPE_NAMES = {
    # Translators: in "Must be %(expected)s, not %(found)s." and "“%(value)s” is not %(expected)s.".
    "text": gettext_lazy("a text"),
    "integer": gettext_lazy("a whole number"),
    "date": gettext_lazy("a real date, written YYYY-MM-DD"),
    "time": gettext_lazy("a real time, written HH:MM"),
    "datetime": gettext_lazy("a real date and time, written YYYY-MM-DDTHH:MM (ISO 8601)"),
    "texts": gettext_lazy("a list of texts"),
    "records": gettext_lazy("a list of objects"),
}
# What a JSON value is, in "Must be a text, not %(found)s." (null is JSON's own word, kept as it is).
JSON_TYPE_NAMES = {
    # Translators: true and false are JSON's own words: keep them as they are.
    bool: gettext_lazy("true or false"),
    dict: gettext_lazy("an object"),
    list: gettext_lazy("a list"),
    str: gettext_lazy("a text"),
    int: gettext_lazy("a number"),
    float: gettext_lazy("a number"),
}
# Translators: joins the last two names of a list: “festivals, editions, topics, people, panels and articles”.
AND = gettext_lazy("and")
# Translators: joins the last two values of a list: “draft, in_review or published”.
OR = gettext_lazy("or")
# A reference to a record that is neither in the file nor in the archive, by the kind of record.
NOT_FOUND = {
    "festivals": gettext_lazy("No festival “%(slug)s” in the file or in the archive."),
    "topics": gettext_lazy("No topic “%(slug)s” in the file or in the archive."),
    "people": gettext_lazy("No person “%(slug)s” in the file or in the archive."),
}
PANEL_REFERENCE = re.compile(r"(?P<festival>[^/]+)/(?P<year>\d{4})/(?P<slug>[^/]+)")


class Rejected(Exception):
    """The record has errors, already in the report: it is not saved."""


def load_coverage(data, *, may_publish=True, dry_run=False):
    """Create or update everything in `data` (the parsed JSON of one file); return a CoverageReport.
    Nothing is written when the report has errors, or for a dry run. `may_publish`: whether the
    articles may be published ones (editors), or only drafts and articles in review (contributors)."""
    return load_documents([("", data)], may_publish=may_publish, dry_run=dry_run)


def load_files(files, *, may_publish=True, dry_run=False):
    """Load coverage files, given as (name, raw bytes or text), all in one transaction: all or nothing.
    A file that is not valid JSON is one error in the report."""
    report = CoverageReport()
    documents = []
    for name, raw in files:
        data, error = parse(raw, name or "file")
        if error:
            report.errors.append(error)
        else:
            documents.append((name if len(files) > 1 else "", data))
    return load_documents(documents, may_publish=may_publish, dry_run=dry_run, report=report)


def parse(raw, name="file"):
    """(data, None) for a coverage file's text, or (None, RecordError) saying why it cannot be read."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, RecordError(name, "", _("The file is not UTF-8 text; save it as UTF-8 JSON."))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        # Translators: %(error)s is Python's own description of the mistake, in English.
        message = _("This is not valid JSON: %(error)s (line %(line)s, column %(column)s).") % {
            "error": error.msg,
            "line": error.lineno,
            "column": error.colno,
        }
        return None, RecordError(name, "", message)
    if not isinstance(data, dict):
        message = _(
            # Translators: “%(festivals)s” and “%(articles)s” are names of the file format's lists.
            "The file must hold one JSON object with lists such as “%(festivals)s” and “%(articles)s”, "
            "not %(found)s."
        ) % {"festivals": "festivals", "articles": "articles", "found": _json_type(data)}
        return None, RecordError(name, "", message)
    return data, None


def load_documents(documents, *, may_publish=True, dry_run=False, report=None):
    """Load parsed files, given as (name, data), in one transaction; names label their records."""
    importer = CoverageImport(may_publish=may_publish, report=report)
    importer.report.dry_run = dry_run
    with transaction.atomic():
        for name, data in documents:
            importer.load(data, prefix=f"{name}: " if name else "")
        if importer.report.errors or dry_run:
            transaction.set_rollback(True)
    return importer.report


class CoverageImport:
    def __init__(self, *, may_publish=True, report=None):
        self.may_publish = may_publish
        self.report = report or CoverageReport()
        # Per kind, the keys of the records already read (to catch a record given twice) and of those
        # that failed (to say so when a later record refers to one), each with the record's label.
        self.seen = defaultdict(dict)
        self.failed = defaultdict(dict)
        self.records_with_errors = set()
        # The values that could be read of a record with wrong keys or values, by its label: still
        # checked for every other problem (check_refused), so that one round reports them all.
        self.partly_read = {}

    def error(self, record, field, message):
        self.report.errors.append(RecordError(record, field, str(message)))
        self.records_with_errors.add(record)

    def load(self, data, prefix=""):
        # Translators: where an error is in a coverage file: outside the lists of records.
        top_level = prefix + _("top level")
        for key in data:
            if key not in TOP_LEVEL:
                self.error(
                    top_level,
                    key,
                    _("Unknown key; a file holds only %(keys)s.") % {"keys": _either(TOP_LEVEL, AND)},
                )
        for kind in TOP_LEVEL:
            items = data.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                self.error(
                    top_level,
                    kind,
                    _("Must be a list of objects, not %(found)s.") % {"found": _json_type(items)},
                )
                continue
            for index, item in enumerate(items):
                getattr(self, f"load_{kind}")(item, _label(f"{prefix}{kind}[{index}]", kind, item))

    # Each kind ---------------------------------------------------------------------------------

    def load_festivals(self, item, where):
        values = self.read("festivals", item, where)

        def save():
            return self.save(Festival, {"slug": values["slug"]}, values)

        self.record("festivals", where, values, save, key=_reference("festivals", item))

    def load_editions(self, item, where):
        values = self.read("editions", item, where)
        if values is not None:
            values["festival"] = self.find(where, "festival", Festival, "festivals", values["festival"])

        def save():
            return self.save(Edition, {"festival": values["festival"], "year": values["year"]}, values)

        self.record("editions", where, values, save, key=_reference("editions", item))

    def load_topics(self, item, where):
        values = self.read("topics", item, where)

        def save():
            return self.save(Topic, {"slug": values["slug"]}, values)

        self.record("topics", where, values, save, key=_reference("topics", item))

    def load_people(self, item, where):
        values = self.read("people", item, where)

        def save():
            person = Person.objects.filter(slug=values["slug"]).first()
            if "sort_name" in values and not (values["sort_name"] or "").strip():
                # Left empty, the sort name is the last word of the name (Person.save): compare with that.
                name = values["name"]
                values["sort_name"] = name.split()[-1] if name.split() else name
            return self.save(Person, {"slug": values["slug"]}, values, instance=person)

        self.record("people", where, values, save, key=_reference("people", item))

    def load_panels(self, item, where):
        values = self.read("panels", item, where)
        save = None
        if values is not None:
            edition = self.find_edition(where, values["festival"], values["year"])
            topics = [
                self.find(where, "topics", Topic, "topics", slug) for slug in values.get("topics") or []
            ]

            def save():
                panel, changes = self.save(Panel, {"edition": edition, "slug": values["slug"]}, values)
                if "topics" in values and _set_links(panel.topics, topics) and changes is not None:
                    changes.append("topics")
                return panel, changes

        panel = self.record("panels", where, values, save, key=_reference("panels", item))
        participants = item.get("participants") if isinstance(item, dict) else None
        if isinstance(participants, list):
            seen = {}
            for index, participant in enumerate(participants):
                label = _label(f"{where}.participants[{index}]", "participants", participant)
                self.load_participant(panel, participant, label, seen)

    def load_participant(self, panel, item, where, seen):
        """A participant of `panel` (None when the panel itself failed: then only checked)."""
        values = self.read("participants", item, where)
        if values is None:
            return
        if values["person"] in seen:
            self.error(
                where,
                "person",
                _("Already among this session's participants (%(record)s).")
                % {"record": seen[values["person"]]},
            )
            return
        seen[values["person"]] = where
        values["person"] = self.find(where, "person", Person, "people", values["person"])
        if not values.get("order"):
            values.pop("order", None)  # 0 or left out: where they already are, or after the others
        if panel is None:
            return

        def save():
            return self.save(Participation, {"panel": panel, "person": values["person"]}, values)

        self.record("participants", where, values, save, key=None)

    def load_articles(self, item, where):
        values = self.read("articles", item, where)
        known = values if values is not None else self.partly_read.get(where, {})
        panels = [self.find_panel(where, "panels", reference) for reference in known.get("panels") or []]
        save = None
        if values is not None:
            if values.get("published_at") is None:
                # Left out: as stored; a published article without one is public from now (Article.save).
                values.pop("published_at", None)
            stored = Article.objects.filter(slug=values["slug"]).first()
            if not self.may_publish:
                if values.get("status") == Article.Status.PUBLISHED:
                    message = _(
                        # Translators: "%(key)s": "%(draft)s" or "%(in_review)s" is what to write in the file.
                        'Only editors may publish: import it with "%(key)s": "%(draft)s" or "%(in_review)s".'
                    )
                    self.error(
                        where,
                        "status",
                        message
                        % {
                            "key": "status",
                            "draft": Article.Status.DRAFT,
                            "in_review": Article.Status.IN_REVIEW,
                        },
                    )
                elif stored and stored.status == Article.Status.PUBLISHED:
                    self.error(
                        where, "status", _("This article is published already; only editors may change it.")
                    )

            def save():
                article, changes = self.save(Article, {"slug": values["slug"]}, values, instance=stored)
                if "panels" in values and _set_links(article.panels, panels) and changes is not None:
                    changes.append("panels")
                return article, changes

        article = self.record("articles", where, values, save, key=_reference("articles", item))
        quotes = item.get("quotes") if isinstance(item, dict) else None
        if isinstance(quotes, list):
            # An article that failed cannot be saved, but its quotes are still checked against its
            # language and sessions, so that the editor hears of every problem at once.
            covered_panel_ids = None
            if article is None and all(panels) and (values is not None or where in self.partly_read):
                article = Article(language=known.get("language") or "")
                covered_panel_ids = [panel.pk for panel in panels]
            seen = {}
            for index, quote in enumerate(quotes):
                where_quote = _label(f"{where}.quotes[{index}]", "quotes", quote)
                self.load_quote(article, quote, where_quote, seen, covered_panel_ids)

    def load_quote(self, article, item, where, seen, covered_panel_ids=None):
        """A quote reported by `article`. Of an article that failed, unsaved (and covering the
        sessions `covered_panel_ids`) or None, the quote is only checked."""
        values = self.read("quotes", item, where)
        if values is None:
            return
        if values["position"] < 1:
            self.error(where, "position", _("Must be 1 or more: the quote's place in the article."))
            return
        if values["position"] in seen:
            self.error(
                where,
                "position",
                _("Another quote of this article has this position (%(record)s).")
                % {"record": seen[values["position"]]},
            )
            return
        seen[values["position"]] = where
        values["speaker"] = self.find(where, "speaker", Person, "people", values["speaker"])
        if values.get("panel"):
            values["panel"] = self.find_panel(where, "panel", values["panel"])
        else:
            values.pop("panel", None)  # the article's only session, if it covers one (Quote.clean)
        if article is None:
            return
        own_language = bool(values.get("language"))
        if not own_language:
            values["language"] = article.language  # left empty: the article's language (Quote.save)
        if article.pk is None:
            if where not in self.records_with_errors:
                # The article's own language, if wrong, is reported with the article.
                unchecked = ["article"] if own_language else ["article", "language"]
                self.check(where, Quote, values, unchecked, covered_panel_ids=covered_panel_ids)
            return

        def save():
            return self.save(Quote, {"article": article, "position": values["position"]}, values)

        self.record("quotes", where, values, save, key=None)

    # Reading, finding and saving -----------------------------------------------------------------

    def read(self, kind, item, where):
        """The record's values, converted (dates, times), or None if its keys or types are wrong."""
        if not isinstance(item, dict):
            self.error(
                where, "", _("Must be an object with keys, not %(found)s.") % {"found": _json_type(item)}
            )
            return None
        specs = FIELDS[kind]
        errors = len(self.report.errors)
        values = {}
        for key in item:
            if key not in specs:
                # Translators: %(kind)s is the name of a list in the file (“quotes”), %(keys)s its keys.
                message = _("Unknown key; a record of %(kind)s has %(keys)s.")
                self.error(where, key, message % {"kind": kind, "keys": _either(list(specs), AND)})
        for key, spec in specs.items():
            if key not in item or item[key] is None:
                if spec.required:
                    self.error(where, key, _("Required, but missing."))
                elif key in item:
                    values[key] = None
                continue
            value, problem = _convert(item[key], spec)
            if problem:
                self.error(where, key, problem)
            elif spec.required and spec.type == "text" and not value.strip():
                self.error(where, key, _("Required, but empty."))
            elif key in CHOICES and value and value not in CHOICES[key]:
                # Translators: %(key)s is a key of the file (kind, role, status), %(choices)s its values.
                message = _("Unknown %(key)s “%(value)s”: use %(choices)s.")
                self.error(
                    where,
                    key,
                    message % {"key": key, "value": _shown(value), "choices": _either(CHOICES[key], OR)},
                )
            elif key in LANGUAGE_KEYS and value and value not in LANGUAGES:
                message = _("Unknown language “%(value)s”: use an ISO 639-1 code such as en, fr or de.")
                self.error(where, key, message % {"value": _shown(value)})
            else:
                values[key] = value
        if len(self.report.errors) == errors:
            return values
        self.partly_read[where] = values
        return None

    def find(self, where, field, model, kind, slug):
        """The record `slug` names, from the file (already loaded) or the archive; None, reported, if
        there is no such record or it failed."""
        if slug in self.failed[kind]:
            message = _("“%(slug)s” has errors of its own (%(record)s).")
            self.error(where, field, message % {"slug": _shown(slug), "record": self.failed[kind][slug]})
            return None
        found = model.objects.filter(slug=slug).first()
        if found is None:
            if kind in NOT_FOUND:
                message = NOT_FOUND[kind] % {"slug": _shown(slug)}
            else:
                message = _("No %(model)s “%(slug)s” in the file or in the archive.") % {
                    "model": model._meta.verbose_name,
                    "slug": _shown(slug),
                }
            self.error(where, field, message)
        return found

    def find_edition(self, where, festival, year):
        if (festival, year) in self.failed["editions"]:
            self.error(
                where,
                "year",
                _("The edition has errors of its own (%(record)s).")
                % {"record": self.failed["editions"][(festival, year)]},
            )
            return None
        edition = Edition.objects.filter(festival__slug=festival, year=year).first()
        if edition is None:
            message = _(
                # Translators: “%(editions)s” is the name of the file's list of editions.
                "No edition of “%(festival)s” in %(year)s in the file or in the archive: "
                "add it to “%(editions)s”."
            )
            self.error(
                where, "year", message % {"festival": _shown(festival), "year": year, "editions": "editions"}
            )
        return edition

    def find_panel(self, where, field, reference):
        """A session named as "festival-slug/year/session-slug"."""
        match = PANEL_REFERENCE.fullmatch(reference)
        if not match:
            message = _("“%(reference)s” is not a session: write festival-slug/year/session-slug.")
            self.error(where, field, message % {"reference": _shown(reference)})
            return None
        if reference in self.failed["panels"]:
            message = _("The session “%(reference)s” has errors of its own (%(record)s).")
            self.error(
                where, field, message % {"reference": reference, "record": self.failed["panels"][reference]}
            )
            return None
        panel = Panel.objects.filter(
            edition__festival__slug=match["festival"], edition__year=int(match["year"]), slug=match["slug"]
        ).first()
        if panel is None:
            message = _("No session “%(reference)s” in the file or in the archive.")
            self.error(where, field, message % {"reference": _shown(reference)})
        return panel

    def record(self, kind, where, values, save, key):
        """Run `save` (returning the record and the keys it changed, None if it created it) in a savepoint,
        unless the record has errors already; count it, or report its errors and undo what it wrote.
        Returns the record, or None. `key`: how other records refer to it (see _reference), or None."""
        if key is not None:
            if key in self.seen[kind]:
                message = _("Given twice in the file: also %(record)s.")
                self.error(where, "", message % {"record": self.seen[kind][key]})
                return None
            self.seen[kind][key] = where
        try:
            if values is None or where in self.records_with_errors:
                raise Rejected
            with transaction.atomic():
                instance, changes = save()
        except Rejected:
            if kind in KIND_MODELS:
                known = values if values is not None else self.partly_read.get(where)
                self.check_refused(where, KIND_MODELS[kind], known)
        except ValidationError as error:
            for field_name, messages in _messages(error):
                for message in messages:
                    self.error(where, "" if field_name == NON_FIELD_ERRORS else field_name, message)
        except DatabaseError as error:
            # Translators: %(error)s is the database's own message, untranslated.
            self.error(where, "", _("The database refused it: %(error)s") % {"error": error})
        else:
            outcome = "created" if changes is None else "updated" if changes else "unchanged"
            tally = self.report.counts[kind]
            setattr(tally, outcome, getattr(tally, outcome) + 1)
            if changes:
                self.report.changes.append(Change(where, changes))
            return instance
        if key is not None:
            self.failed[kind][key] = where
        return None

    def check(self, where, model, values, unchecked, **attributes):
        """Report what is wrong with a record that cannot be saved (refused for other errors, or its
        article failed): what its fields' rules, its clean() and its check constraints find, but in
        the `unchecked` fields, which relate it to what could not be saved, and in the fields already
        reported. A clean() that needs what could not be read checks no further."""
        reported = [error for error in self.report.errors if error.record == where]
        erred = {error.field for error in reported}
        messages = {error.message for error in reported}
        unchecked = {*unchecked, *erred}
        instance = model(**{name: value for name, value in values.items() if _column(model, name)})
        for name, value in attributes.items():
            setattr(instance, name, value)
        problems = []
        try:
            instance.full_clean(exclude=unchecked, validate_unique=False, validate_constraints=False)
        except ValidationError as error:
            problems += [(name, message) for name, found in _messages(error) for message in found]
        except ObjectDoesNotExist:
            return
        for constraint in model._meta.constraints:
            if isinstance(constraint, CheckConstraint):
                try:
                    constraint.validate(model, instance, exclude=unchecked)
                except ValidationError as error:
                    problems += [(NON_FIELD_ERRORS, message) for message in error.messages]
        for field_name, message in problems:
            field_name = "" if field_name == NON_FIELD_ERRORS else field_name
            if (
                field_name not in erred and message not in messages
            ):  # a rule and a constraint may say it alike
                messages.add(message)
                self.error(where, field_name, message)

    def check_refused(self, where, model, values):
        """check() a top-level record refused for the errors already reported, in the values that
        could be read, leaving out its references (as read, or not found) and the fields the file
        left out."""
        if values:
            references = {field.name for field in model._meta.fields if field.is_relation}
            read = {name: value for name, value in values.items() if name not in references}
            unchecked = [field.name for field in model._meta.fields if field.name not in read]
            self.check(where, model, read, unchecked)

    def save(self, model, lookup, values, instance=None):
        """Create the record, or update it only where the file differs from what is stored. Keys of
        `values` that are not columns of `model` (references, lists) are left to the caller. Returns
        the record and the keys whose values changed (None when it was created)."""
        instance = instance or model.objects.filter(**lookup).first() or model(**lookup)
        adding = instance._state.adding
        changes = []
        for name, value in values.items():
            model_field = _column(model, name)
            if model_field is None or name in lookup:
                continue
            if value is None:  # null in the file: the field's default, or empty
                value = model_field.get_default() if model_field.has_default() else None
                value = "" if value is None and not model_field.null else value
            if model_field.is_relation:
                differs = getattr(instance, model_field.attname) != (value.pk if value else None)
            else:
                differs = getattr(instance, name) != value
            if adding or differs:
                setattr(instance, name, value)
                changes.append(name)
        if adding or changes:
            instance.full_clean()
            instance._change_reason = str(CHANGE_REASON)  # for the change history, where the model keeps one
            instance.save()
        return instance, None if adding else changes


LANGUAGES = {code for code, _ in content_languages()}


def _convert(value, spec):
    """(value as the model takes it, None), or (None, what is wrong with it)."""

    def expected():
        return _("Must be %(expected)s, not %(found)s.") % {
            "expected": TYPE_NAMES[spec.type],
            "found": _json_type(value),
        }

    texts = value if spec.type == "texts" and isinstance(value, list) else [value]
    if any(isinstance(text, str) and "\x00" in text for text in texts):
        # PostgreSQL cannot store it, nor look it up.
        return None, _("Contains a NUL character (\\u0000), which text cannot hold.")
    if spec.type == "text":
        return (value, None) if isinstance(value, str) else (None, expected())
    if spec.type == "integer":
        return (value, None) if _is_integer(value) else (None, expected())
    if spec.type == "texts":
        if not isinstance(value, list):
            return None, expected()
        for index, item in enumerate(value):
            if not isinstance(item, str):
                message = _("Must be a list of texts; item %(index)s is %(found)s.")
                return None, message % {"index": index, "found": _json_type(item)}
        return value, None
    if spec.type == "records":
        return (value, None) if isinstance(value, list) else (None, expected())
    if not isinstance(value, str):
        return None, expected()
    try:
        if spec.type == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return datetime.date.fromisoformat(value), None
        if spec.type == "time":
            if not re.fullmatch(r"\d{2}:\d{2}(:\d{2})?", value):
                raise ValueError
            return datetime.time.fromisoformat(value), None
        moment = datetime.datetime.fromisoformat(value)
        return (timezone.make_aware(moment) if timezone.is_naive(moment) else moment), None
    except ValueError:
        return None, _("“%(value)s” is not %(expected)s.") % {
            "value": _shown(value),
            "expected": TYPE_NAMES[spec.type],
        }


def _is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def _set_links(related, wanted):
    """Make a many-to-many field hold exactly `wanted`; whether that changed anything."""
    current = set(related.values_list("pk", flat=True))
    if current == {thing.pk for thing in wanted}:
        return False
    related.set(wanted)
    return True


def _messages(error):
    if hasattr(error, "error_dict"):
        return error.message_dict.items()
    return [(NON_FIELD_ERRORS, error.messages)]


def _column(model, name):
    """The model's column (or foreign key) called `name`, or None."""
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return model_field if model_field.concrete and not model_field.many_to_many else None


def _reference(kind, item):
    """How other records refer to a record: its slug; an edition by (festival, year); a session by
    "festival/year/slug". None when the record does not say."""
    parts = [item.get(key) if isinstance(item, dict) else None for key in REFERENCES[kind]]
    if not all(isinstance(part, str) or _is_integer(part) for part in parts):
        return None
    return tuple(parts) if kind == "editions" else "/".join(map(str, parts))


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


def _label(where, kind, item):
    """`articles[0]` → `articles[0] (the-article-slug)`, when the record says what identifies it."""
    if not isinstance(item, dict):
        return where
    keys = re.findall(r"{(\w+)}", DESCRIPTIONS[kind])
    if not all(
        (isinstance(item.get(key), str) or _is_integer(item.get(key))) and item.get(key) != "" for key in keys
    ):
        return where
    return f"{where} ({_shown(DESCRIPTIONS[kind].format(**{key: item[key] for key in keys}))})"


def _shown(value, limit=60):
    text = str(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _either(options, joiner):
    """`a, b and c`: the options (names of the file format, untranslated) joined in the language in
    use, `joiner` its translated “and” or “or”."""
    return get_text_list([str(option) for option in options], joiner)


def _json_type(value):
    if value is None:
        return "null"
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)
