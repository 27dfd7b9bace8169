"""Quotes as CSV and JSON downloads, from the admin (selected quotes) and the public quote search.

Both formats have the same fields (COLUMNS), one row or object per quote, with the speaker's
affiliation at that session and absolute addresses of the quote, session and article. Rows are
read in one query with everything around them (QuoteQuerySet.with_context) and streamed in
chunks, so an export takes the same few queries however many quotes it holds.
"""

import csv
import json

from django.http import StreamingHttpResponse
from django.utils import timezone

COLUMNS = [
    "id",
    "url",
    "text",
    "language",
    "translation",
    "translation_language",
    "spoken_text",
    "spoken_language",
    "speaker",
    "speaker_slug",
    "affiliation",
    "panel",
    "panel_url",
    "festival",
    "year",
    "date",
    "article",
    "publication",
    "article_url",
    "context",
]
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json; charset=utf-8"}
# Readers' exports stop here: enough for any study, and a download the server streams in seconds.
PUBLIC_EXPORT_LIMIT = 10_000
CHUNK_SIZE = 1_000


def rows(quotes, base_url=""):
    """One dict per quote, with the COLUMNS as keys. `quotes`: a queryset (read in chunks) or a list,
    fetched with_context(); `base_url` (e.g. "https://archive.example") makes addresses absolute."""
    if hasattr(quotes, "iterator"):
        quotes = quotes.iterator(chunk_size=CHUNK_SIZE)
    for quote in quotes:
        panel, article = quote.panel, quote.article
        edition = panel.edition
        yield {
            "id": quote.pk,
            "url": base_url + quote.get_absolute_url(),
            "text": quote.text,
            "language": quote.language,
            "translation": quote.translation,
            "translation_language": quote.translation_language,
            "spoken_text": quote.spoken_text,
            "spoken_language": quote.spoken_language,
            "speaker": quote.speaker.name,
            "speaker_slug": quote.speaker.slug,
            "affiliation": quote.speaker_affiliation or "",
            "panel": panel.title,
            "panel_url": base_url + panel.get_absolute_url(),
            "festival": edition.festival.name,
            "year": edition.year,
            "date": panel.date.isoformat() if panel.date else "",
            "article": article.title,
            "publication": article.publication,
            "article_url": base_url + article.get_absolute_url(),
            "context": quote.context,
        }


class _Line:
    """What csv.writer writes to: hands each line back instead of keeping it."""

    def write(self, line):
        return line


def as_csv(quotes, base_url=""):
    """The export as CSV, line by line: UTF-8 with a byte order mark, so that spreadsheet programs
    (Excel) read the accents right; a header row of COLUMNS."""
    writer = csv.writer(_Line())
    yield "\ufeff" + writer.writerow(COLUMNS)
    for row in rows(quotes, base_url):
        yield writer.writerow([row[column] for column in COLUMNS])


def as_json(quotes, base_url=""):
    """The export as a JSON list of objects with the COLUMNS as keys, piece by piece."""
    yield "["
    separator = "\n"
    for row in rows(quotes, base_url):
        yield separator + json.dumps(row, ensure_ascii=False)
        separator = ",\n"
    yield "\n]\n"


def download(quotes, export_format, base_url="", name="quotes"):
    """A streamed download of `quotes` (fetched with_context) as "csv" or "json"."""
    content = as_csv(quotes, base_url) if export_format == "csv" else as_json(quotes, base_url)
    response = StreamingHttpResponse(
        (piece.encode("utf-8") for piece in content), content_type=FORMATS[export_format]
    )
    filename = f"{name}-{timezone.localdate().isoformat()}.{export_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
