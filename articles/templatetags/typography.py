"""Typesetting rules that depend on the language of the text, not on the page (articles/text.py)."""

from django import template

from .. import text

register = template.Library()
register.filter("typeset", text.typeset)
register.filter("quoted_within", text.quoted_within)
