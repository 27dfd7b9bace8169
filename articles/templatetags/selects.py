from html import escape

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def option_tags(options, selected):
    """The <option>s of (value, label) pairs, `selected` marked, values and labels escaped. Written
    here, not looped over in the template or with format_html: the quote search's selects hold a few
    hundred options, and either took a millisecond or more. Nothing is selected when `selected` is None."""
    selected = None if selected is None else str(selected)
    return mark_safe(
        "".join(
            f'<option value="{escape(str(value))}"{" selected" if str(value) == selected else ""}>'
            f"{escape(str(label))}</option>"
            for value, label in options
        )
    )
