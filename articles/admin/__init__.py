"""The editors' tool: one ModelAdmin per model, a module per model family, with the parts edited
together shown inline; the "Find quotes" and "Import coverage" pages of the article admin; and the
moderation queue of readers' comments (articles/comments/admin.py). Importing this package, as
Django's admin does, registers them all."""

from ..comments import admin as comments  # noqa: F401
from . import coverage, festivals, people, quotes, sessions  # noqa: F401
