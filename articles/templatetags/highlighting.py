from django import template

from .. import search

register = template.Library()


@register.filter
def highlight(text, search_text):
    """The text escaped, with the words matching the reader's search in <mark>."""
    return search.highlight(text, search_text)
