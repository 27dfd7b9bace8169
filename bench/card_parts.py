"""What the quote card written as a template (templates/quote_card.html) needs beyond Django's own
tags: the words of the reader's search marked, the lang attribute of a text in another language
than the page's, and a language's name in the page's language."""

from django import template
from django.utils.html import format_html

from articles import languages, search

register = template.Library()


@register.filter
def highlight(text, search_text):
    """`text` escaped, the words of `search_text` in <mark> (search.highlight)."""
    return search.highlight(text, search_text or "")


@register.simple_tag(takes_context=True)
def lang_attribute(context, language):
    """` lang="…"` for a text in `language`, when that is not the page's language."""
    if language and language != context.get("LANGUAGE_CODE"):
        return format_html(' lang="{}"', language)
    return ""


@register.simple_tag
def language_name(code):
    """The name of the language `code` in the page's language, as written within a sentence."""
    return languages.language_name(code) or ""
