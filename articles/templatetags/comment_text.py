from django import template
from django.utils.html import linebreaks, urlize
from django.utils.safestring import mark_safe

register = template.Library()

LINK_TEXT_LIMIT = 60


@register.filter
def comment_text(text):
    """A reader's comment: escaped (no HTML of theirs is ever rendered), paragraphs and line breaks
    kept, web addresses made links that search engines know were left by a reader."""
    linked = urlize(text, trim_url_limit=LINK_TEXT_LIMIT, nofollow=True, autoescape=True)
    # The text is escaped at this point: the only rel="nofollow" left is the one urlize wrote.
    return mark_safe(linebreaks(linked.replace(' rel="nofollow"', ' rel="nofollow ugc"'), autoescape=False))
