"""For the admin's pages that repeat a form many times (an article's quotes)."""

from django import template

from ..admin.stacked import stacked_forms

register = template.Library()
register.simple_tag(stacked_forms, name="stacked_forms")
