"""How an import handles one record: its values read and converted, the records it refers to found
(in the file, read before it, or in the archive), its model's own checks, and what it writes
gathered into the import's batch (batch.py), counted in the report; or, when anything is wrong,
every problem reported and nothing of it kept. loader.py says what each kind of record holds and
refers to.

The checks are the model's own (its fields' rules, clean(), its check constraints) and those that
relate it to other records, made in Python against what the file holds and what stored.py fetched,
so that checking a record costs no query of its own."""

from collections import defaultdict

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ObjectDoesNotExist, ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...models import Topic
from .batch import Batch
from .convert import AND, OR, convert, either, is_integer, json_type, shown
from .report import Change, CoverageReport, RecordError
from .rules import constraint_problems
from .schema import CHOICES, FIELDS, KIND_MODELS, LANGUAGE_KEYS, LANGUAGES, PANEL_REFERENCE, REFERENCES
from .stored import Stored, comparable

# In the change history, in the language of whoever imports, as the admin's other reasons are.
CHANGE_REASON = gettext_lazy("Imported from a coverage file")
# A reference to a record that is neither in the file nor in the archive, by the kind of record.
NOT_FOUND = {
    "festivals": gettext_lazy("No festival “%(slug)s” in the file or in the archive."),
    "topics": gettext_lazy("No topic “%(slug)s” in the file or in the archive."),
    "people": gettext_lazy("No person “%(slug)s” in the file or in the archive."),
}


class Rejected(Exception):
    """The record has errors, already in the report: it is not saved."""


class RecordLoader:
    """The steps every kind of record goes through (CoverageImport, in loader.py, is one)."""

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
        self.stored = Stored()
        # Per kind, the records read from the file and accepted, by key (see reference).
        self.accepted = defaultdict(dict)
        self.batch = Batch()
        # Who hears of the records checked so far, of `total` (jobs.Progress), and how many they are.
        self.progress, self.total, self.done = None, 0, 0
        # Per unique field (a festival's name), the record of the file that has each value.
        self.unique_values = defaultdict(dict)

    def known(self, kind, key):
        """The record `key` names: read from the file before, or stored; None if neither."""
        found = self.accepted[kind].get(key)
        return found if found is not None else self.stored.get(kind, key)

    def error(self, record, field, message):
        self.report.errors.append(RecordError(record, field, str(message)))
        self.records_with_errors.add(record)

    def read(self, kind, item, where):
        """The record's values, converted (dates, times), or None if its keys or types are wrong."""
        if not isinstance(item, dict):
            self.error(
                where, "", _("Must be an object with keys, not %(found)s.") % {"found": json_type(item)}
            )
            return None
        specs = FIELDS[kind]
        errors = len(self.report.errors)
        for key in item:
            if key not in specs:
                # Translators: %(kind)s is the name of a list in the file (“quotes”), %(keys)s its keys.
                message = _("Unknown key; a record of %(kind)s has %(keys)s.")
                self.error(where, key, message % {"kind": kind, "keys": either(list(specs), AND)})
        values = {}
        for key, spec in specs.items():
            if key in item and item[key] is not None:
                problem = self.read_value(values, key, spec, item[key])
                if problem:
                    self.error(where, key, problem)
            elif spec.required:
                self.error(where, key, _("Required, but missing."))
            elif key in item:
                values[key] = None
        if len(self.report.errors) == errors:
            return values
        self.partly_read[where] = values
        return None

    @staticmethod
    def read_value(values, key, spec, value):
        """Put the value of `key` into `values` as the model takes it; or what is wrong with it."""
        value, problem = convert(value, spec)
        if problem:
            return problem
        if spec.required and spec.type == "text" and not value.strip():
            return _("Required, but empty.")
        if key in CHOICES and value and value not in CHOICES[key]:
            # Translators: %(key)s is a key of the file (kind, role, status), %(choices)s its values.
            message = _("Unknown %(key)s “%(value)s”: use %(choices)s.")
            return message % {"key": key, "value": shown(value), "choices": either(CHOICES[key], OR)}
        if key in LANGUAGE_KEYS and value and value not in LANGUAGES:
            message = _("Unknown language “%(value)s”: use an ISO 639-1 code such as en, fr or de.")
            return message % {"value": shown(value)}
        values[key] = value
        return None

    def find(self, where, field, model, kind, slug):
        """The record `slug` names, from the file (already loaded) or the archive; None, reported, if
        there is no such record or it failed."""
        if slug in self.failed[kind]:
            message = _("“%(slug)s” has errors of its own (%(record)s).")
            self.error(where, field, message % {"slug": shown(slug), "record": self.failed[kind][slug]})
            return None
        found = self.known(kind, slug)
        if found is None and kind == "people":
            found = self.spelled(slug)
        if found is None:
            if kind in NOT_FOUND:
                message = NOT_FOUND[kind] % {"slug": shown(slug)}
            else:
                message = _("No %(model)s “%(slug)s” in the file or in the archive.") % {
                    "model": model._meta.verbose_name,
                    "slug": shown(slug),
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
        edition = self.known("editions", (festival, year))
        if edition is None:
            message = _(
                # Translators: “%(editions)s” is the name of the file's list of editions.
                "No edition of “%(festival)s” in %(year)s in the file or in the archive: "
                "add it to “%(editions)s”."
            )
            self.error(
                where, "year", message % {"festival": shown(festival), "year": year, "editions": "editions"}
            )
        return edition

    def find_panel(self, where, field, reference):
        """A session named as "festival-slug/year/session-slug", or "festival-slug/year/Its title"."""
        match = PANEL_REFERENCE.fullmatch(reference)
        if not match:
            message = _("“%(reference)s” is not a session: write festival-slug/year/session-slug.")
            self.error(where, field, message % {"reference": shown(reference)})
            return None
        if reference in self.failed["panels"]:
            message = _("The session “%(reference)s” has errors of its own (%(record)s).")
            self.error(
                where, field, message % {"reference": reference, "record": self.failed["panels"][reference]}
            )
            return None
        festival, year = match["festival"], int(match["year"])
        panel = self.known("panels", f"{festival}/{year}/{match['slug']}")
        if panel is None:
            panel = self.titled(festival, year, match["slug"])
        if panel is None:
            message = _("No session “%(reference)s” in the file or in the archive.")
            self.error(where, field, message % {"reference": shown(reference)})
        return panel

    def titled(self, festival, year, title):
        """The session of the edition with this title (accents, case and spacing aside): of the file,
        else stored; None if there is none, or several."""
        prefix, wanted = f"{festival}/{year}/", comparable(title)
        found = [
            panel
            for key, panel in self.accepted["panels"].items()
            if key.startswith(prefix) and comparable(panel.title) == wanted
        ]
        found = found or self.stored.titled(festival, year, wanted)
        return found[0] if len(found) == 1 else None

    def spelled(self, written):
        """The one person of the file, else of the archive, whose name or other spelling of it is
        `written` (accents, case and spacing aside); None if there is none, or several."""
        wanted = comparable(written)
        found = {
            id(person): person
            for person in self.accepted["people"].values()
            if wanted in {comparable(spelling) for spelling in person.spellings}
        }
        found = list(found.values()) or self.stored.spelled(written, wanted)
        return found[0] if len(found) == 1 else None

    def find_topic(self, where, written):
        """A topic named by its slug, or by its name in any language (accents and case aside)."""
        if written in self.failed["topics"] or self.known("topics", written) is not None:
            return self.find(where, "topics", Topic, "topics", written)
        wanted = comparable(written)
        found = {
            id(topic): topic
            for topic in self.accepted["topics"].values()
            if wanted
            in {comparable(getattr(topic, name)) for name in Topic.name_fields if getattr(topic, name)}
        }
        found = list(found.values()) or self.stored.named_topics(wanted)
        if len(found) == 1:
            return found[0]
        return self.find(where, "topics", Topic, "topics", written)  # reported as unknown

    def record(self, kind, where, values, save, key):
        """Run `save` (returning the record and the keys it changed, None if it is new), unless the
        record has errors already; count it, or report its errors. Returns the record, or None.
        `key`: how other records refer to it (see reference), or None."""
        self.done += 1
        if self.progress:
            self.progress(self.done, max(self.total, self.done))
        if key is not None:
            if key in self.seen[kind]:
                message = _("Given twice in the file: also %(record)s.")
                self.error(where, "", message % {"record": self.seen[kind][key]})
                return None
            self.seen[kind][key] = where
        try:
            if values is None or where in self.records_with_errors:
                raise Rejected
            instance, changes = save()
        except Rejected:
            if kind in KIND_MODELS:
                known = values if values is not None else self.partly_read.get(where)
                self.check_refused(where, KIND_MODELS[kind], known)
        except ValidationError as error:
            for field_name, messages in _messages(error):
                for message in messages:
                    self.error(where, "" if field_name == NON_FIELD_ERRORS else field_name, message)
        else:
            outcome = "created" if changes is None else "updated" if changes else "unchanged"
            tally = self.report.counts[kind]
            setattr(tally, outcome, getattr(tally, outcome) + 1)
            if changes:
                self.report.changes.append(Change(where, changes))
            if key is not None:
                self.accepted[kind][key] = instance
            return instance
        if key is not None:
            self.failed[kind][key] = where
        return None

    def check(self, where, model, values, unchecked, rules=None):
        """Report what is wrong with a record that cannot be saved (refused for other errors, or its
        article failed): what its fields' rules, its clean() and its check constraints find, but in
        the `unchecked` fields, which relate it to what could not be saved, and in the fields already
        reported; and what `rules(instance)` finds, by field (for a quote, its session). A clean()
        that needs what could not be read checks no further."""
        reported = [error for error in self.report.errors if error.record == where]
        erred = {error.field for error in reported}
        messages = {error.message for error in reported}
        instance = model(**{name: value for name, value in values.items() if _column(model, name)})
        problems = _problems(instance, exclude={*unchecked, *erred, *_relations(model)})
        if problems is None:
            return
        if rules is not None:
            problems += list(rules(instance).items())
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

    def save(self, model, stored, lookup, values, rules=None):
        """Gather the record for writing: new (`stored` is None: a `model` made of `lookup`), or
        `stored` where the file differs from it. Keys of `values` that are not columns of `model`
        (lists) are left to the caller; `rules(instance)`: what else is wrong with it, by field.
        Raises ValidationError. Returns the record and the keys whose values changed (None when it
        is new)."""
        instance = stored if stored is not None else model(**lookup)
        adding = stored is None
        changes = []
        for name, value in values.items():
            model_field = _column(model, name)
            if model_field is None or name in lookup:
                continue
            if value is None:  # null in the file: the field's default, or empty
                value = model_field.get_default() if model_field.has_default() else None
                value = "" if value is None and not model_field.null else value
            if model_field.is_relation:
                target = value.pk if value is not None else None
                differs = (value is not None and target is None) or getattr(
                    instance, model_field.attname
                ) != target
            else:
                differs = getattr(instance, name) != value
            if adding or differs:
                setattr(instance, name, value)
                changes.append(name)
        if adding or changes:
            self.validate(instance, rules)
            if adding:
                self.batch.create(instance)
            else:
                self.batch.update(instance, changes)
        return instance, None if adding else changes

    def validate(self, instance, rules=None):
        """The model's own checks, as the admin's form makes them, but without a query: references
        were found already, uniqueness is that of the keys (reference), checked as the file is
        read, or checked here against the file and the archive."""
        model = type(instance)
        problems = _problems(instance, exclude=set(_relations(model))) or []
        problems += self.unique_problems(instance)
        if rules is not None:
            problems += list(rules(instance).items())
        if problems:
            errors = {}
            for field_name, message in problems:
                errors.setdefault(field_name, []).append(message)
            raise ValidationError(errors)

    def unique_problems(self, instance):
        """A unique field other than the slug (a festival's or topic's name) already another
        record's, in the file or in the archive."""
        model = type(instance)
        problems = []
        for field in model._meta.concrete_fields:
            if not field.unique or field.primary_key or field.name == "slug":
                continue
            value = getattr(instance, field.attname)
            owner = self.unique_values[(model, field.name)].setdefault(value, instance)
            stored_owner = self.stored.unique_owner(model, field.name, value)
            taken = owner is not instance or stored_owner not in (None, instance.pk)
            if taken:
                problems.append((field.name, instance.unique_error_message(model, [field.name]).messages[0]))
        return problems


def reference(kind, item):
    """How other records refer to a record: its slug; an edition by (festival, year); a session by
    "festival/year/slug". None when the record does not say."""
    parts = [item.get(key) if isinstance(item, dict) else None for key in REFERENCES[kind]]
    if not all(isinstance(part, str) or is_integer(part) for part in parts):
        return None
    return tuple(parts) if kind == "editions" else "/".join(map(str, parts))


def _problems(instance, exclude):
    """(field, message) for what the model's own rules and its check constraints find wrong with
    `instance`, but in the `exclude` fields; None when a rule needs what could not be read."""
    problems = []
    try:
        instance.full_clean(exclude=exclude, validate_unique=False, validate_constraints=False)
    except ValidationError as error:
        problems += [(name, message) for name, found in _messages(error) for message in found]
    except ObjectDoesNotExist:
        return None
    return problems + constraint_problems(instance, exclude)


def _messages(error):
    if hasattr(error, "error_dict"):
        return error.message_dict.items()
    return [(NON_FIELD_ERRORS, error.messages)]


def _relations(model):
    """The model's foreign keys: an import finds what they refer to itself (find)."""
    return [field.name for field in model._meta.concrete_fields if field.is_relation]


def _column(model, name):
    """The model's column (or foreign key) called `name`, or None."""
    try:
        model_field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return None
    return model_field if model_field.concrete and not model_field.many_to_many else None
