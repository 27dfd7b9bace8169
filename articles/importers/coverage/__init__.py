"""Load coverage written in the archive's JSON format (docs/coverage-format.md), with a report.

Records are matched by their slugs (a session by its festival, year and slug, a participant by its
session and person, a quote by its article and position), so loading the same file twice changes
nothing: a record is saved only where the file differs from what is stored.

Every record is checked (its keys and their types, the records it refers to, then the model's own
validation, as the admin would) and saved in a savepoint of its own, so that one bad record does not
stop the others from being checked: the report lists every bad record, row by row. The whole load
runs in one transaction, rolled back when any record failed (and for a dry run): a file with one bad
record writes nothing.

schema.py is the format, convert.py reads its values, records.py takes a record through its steps,
loader.py says what each kind holds, report.py is what the editor reads.
"""

from .loader import load_coverage, load_documents, load_files, parse
from .report import CoverageReport, RecordError

__all__ = ["CoverageReport", "RecordError", "load_coverage", "load_documents", "load_files", "parse"]
