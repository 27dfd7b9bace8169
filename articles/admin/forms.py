"""Form fields and widgets of the editors' admin."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join


class PlainSelect(forms.Select):
    """A select written out directly rather than through the form templates, where each option is
    an include of its own: for the lists of a hundred languages, three to each quote of an article,
    that rendering took most of the time of the article's page."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((code, " selected" if str(code) in chosen else "", label) for code, label in self.choices),
        )
        return format_html(
            "<select{}>{}</select>",
            flatatt(self.build_attrs(self.attrs, {**(attrs or {}), "name": name})),
            options,
        )


class TextWithNewlines(forms.CharField):
    """Browsers send the line breaks of a text box as CR LF; kept as LF, as imports and the rest of
    the archive have them, so that saving a form nobody changed changes nothing."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value
