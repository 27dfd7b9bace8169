"""What an import did, or would have done: counts by kind of record, the changes to records already
in the archive, and every error, each naming its record as the file does."""

import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from .convert import is_integer, shown
from .schema import DESCRIPTIONS, KIND_NAMES, KINDS


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


def label(where, kind, item):
    """`articles[0]` → `articles[0] (the-article-slug)`, when the record says what identifies it."""
    if not isinstance(item, dict):
        return where
    keys = re.findall(r"{(\w+)}", DESCRIPTIONS[kind])
    if not all(
        (isinstance(item.get(key), str) or is_integer(item.get(key))) and item.get(key) != "" for key in keys
    ):
        return where
    return f"{where} ({shown(DESCRIPTIONS[kind].format(**{key: item[key] for key in keys}))})"
