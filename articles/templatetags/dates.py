"""`{% date_range start end %}`: the days of a festival edition as each language writes a range,
saying a shared month and year once: Feb. 15–25, 2024 · 15–25 février 2024 · 15.–25. Februar 2024."""

from django import template
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import get_language

register = template.Library()

# (first day, last day) formats for days of the same month, and of the same year; any other range,
# or a language not here, gives both dates in full.
RANGE_FORMATS = {
    "en": {"month": ("N j", "j, Y"), "year": ("N j", "N j, Y")},
    "fr": {"month": ("j", "j F Y"), "year": ("j F", "j F Y")},
    "de": {"month": ("j.", "j. F Y"), "year": ("j. F", "j. F Y")},
}


@register.simple_tag
def date_range(start, end=None):
    if end is None or end == start:
        return day(start, "DATE_FORMAT")
    formats = RANGE_FORMATS.get((get_language() or "").split("-")[0], {})
    if start.year == end.year and start.month == end.month and "month" in formats:
        first, last = formats["month"]
        # Kept on one line: a break after the dash would leave "15–" alone at the end of a line.
        return format_html('<span class="nowrap">{}–{}</span>', day(start, first), day(end, last))
    if start.year == end.year and "year" in formats:
        first, last = formats["year"]
        return format_html("{} – {}", day(start, first), day(end, last))
    return format_html("{} – {}", day(start, "DATE_FORMAT"), day(end, "DATE_FORMAT"))


def day(value, format):
    return format_html('<time datetime="{}">{}</time>', value.isoformat(), date_format(value, format))
