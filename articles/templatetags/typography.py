"""Typesetting: rules that depend on the language of the text, not on the page (articles/text.py), and an
article's date as pages show it."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext

from .. import text

register = template.Library()
register.filter("typeset", text.typeset)
register.filter("quoted_within", text.quoted_within)


@register.filter
def publication_date(day):
    """An article's date as a <time>, or "date unknown" when it has none."""
    if not day:
        return gettext("date unknown")
    return format_html('<time datetime="{}">{}</time>', day.isoformat(), date_format(day, "DATE_FORMAT"))
