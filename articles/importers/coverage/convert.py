"""Values of a coverage file (JSON) as the models take them, or what is wrong with them in plain
words: "Must be a whole number, not a text.", "“17/02/2024” is not a real date, written YYYY-MM-DD."."""

import datetime
import re

from django.utils import timezone
from django.utils.text import get_text_list
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

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
DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TIME = re.compile(r"\d{2}:\d{2}(:\d{2})?")


def convert(value, spec):
    """(value as the model takes it, None), or (None, what is wrong with it), for a value of the
    type `spec` (a schema.Spec) names."""
    if holds_nul(value, spec.type):
        # PostgreSQL cannot store it, nor look it up.
        return None, _("Contains a NUL character (\\u0000), which text cannot hold.")
    return CONVERTERS[spec.type](value)


def holds_nul(value, type_name):
    strings = value if type_name == "texts" and isinstance(value, list) else [value]
    return any(isinstance(string, str) and "\x00" in string for string in strings)


def expected(type_name, value):
    return None, _("Must be %(expected)s, not %(found)s.") % {
        "expected": TYPE_NAMES[type_name],
        "found": json_type(value),
    }


def text(value):
    return (value, None) if isinstance(value, str) else expected("text", value)


def integer(value):
    return (value, None) if is_integer(value) else expected("integer", value)


def texts(value):
    if not isinstance(value, list):
        return expected("texts", value)
    for index, item in enumerate(value):
        if not isinstance(item, str):
            message = _("Must be a list of texts; item %(index)s is %(found)s.")
            return None, message % {"index": index, "found": json_type(item)}
    return value, None


def records(value):
    return (value, None) if isinstance(value, list) else expected("records", value)


def date(value):
    return _written(value, "date", DATE, datetime.date.fromisoformat)


def time(value):
    return _written(value, "time", TIME, datetime.time.fromisoformat)


def moment(value):
    def aware(written):
        found = datetime.datetime.fromisoformat(written)
        return timezone.make_aware(found) if timezone.is_naive(found) else found

    return _written(value, "datetime", None, aware)


def _written(value, type_name, pattern, read):
    """A date or time written as a text: `pattern` its shape (None: any `read` takes)."""
    if not isinstance(value, str):
        return expected(type_name, value)
    try:
        if pattern and not pattern.fullmatch(value):
            raise ValueError
        return read(value), None
    except ValueError:
        return None, _("“%(value)s” is not %(expected)s.") % {
            "value": shown(value),
            "expected": TYPE_NAMES[type_name],
        }


CONVERTERS = {
    "text": text,
    "integer": integer,
    "texts": texts,
    "records": records,
    "date": date,
    "time": time,
    "datetime": moment,
}


def is_integer(value):
    return isinstance(value, int) and not isinstance(value, bool)


def json_type(value):
    if value is None:
        return "null"
    return JSON_TYPE_NAMES.get(type(value), type(value).__name__)


def shown(value, limit=60):
    """A value of the file as the report quotes it: cut short past `limit` characters."""
    written = str(value)
    return written if len(written) <= limit else written[: limit - 1] + "…"


def either(options, joiner):
    """`a, b and c`: the options (names of the file format, untranslated) joined in the language in
    use, `joiner` its translated “and” or “or”."""
    return get_text_list([str(option) for option in options], joiner)
