"""Form fields and widgets of the editors' admin."""

from django import forms


class LanguageSelect(forms.Select):
    """A select of languages, its options written by one template of its own: Django's writes each
    option through an include, and an article's page holds three selects of some ninety languages
    for each of its quotes."""

    template_name = "admin/widgets/language_select.html"

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        context["widget"]["choices"] = self.choices
        context["widget"]["chosen"] = {str(item) for item in self.format_value(value)}
        return context


class TextWithNewlines(forms.CharField):
    """Browsers send the line breaks of a text box as CR LF; kept as LF, as imports and the rest of
    the archive have them, so that saving a form nobody changed changes nothing."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value
