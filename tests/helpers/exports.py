"""Reading the quotes an export downloads, as CSV or JSON rows."""

import csv
import io
import json

from articles.exporters import COLUMNS


def content(response):
    return b"".join(response.streaming_content)


def csv_rows(response):
    raw = content(response)
    assert raw.startswith(b"\xef\xbb\xbf"), "a byte order mark, for Excel"
    reader = csv.DictReader(io.StringIO(raw.decode("utf-8-sig")))
    assert reader.fieldnames == COLUMNS
    return list(reader)


def json_rows(response):
    return json.loads(content(response).decode("utf-8"))
