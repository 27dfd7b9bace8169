"""Load coverage written in the archive's JSON format (docs/coverage-format.md), with a report.

Records are matched by their slugs (a session by its festival, year and slug, a participant by its
session and person, a quote by its article and position), so loading the same file twice changes
nothing: a record is saved only where the file differs from what is stored.

Every record is checked (its keys and their types, the records it refers to, then the model's own
validation, as the admin would), in Python against the file and what the archive holds, fetched a
list at a time: one bad record does not stop the others from being checked, and the report lists
every bad record, row by row. Only when every record passed is anything written: all of it, in bulk,
in one transaction. A file with one bad record (and a dry run) writes nothing.

schema.py is the format, convert.py reads its values, records.py takes a record through its steps,
loader.py says what each kind holds, stored.py fetches what the archive has, rules.py tests check
constraints, batch.py writes, report.py is what the editor reads.
"""

from .loader import load_coverage, load_documents, load_files, parse
from .report import CoverageReport, RecordError

__all__ = ["CoverageReport", "RecordError", "load_coverage", "load_documents", "load_files", "parse"]
