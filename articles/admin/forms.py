"""Form fields and widgets of the editors' admin."""

from django import forms
from django.contrib.admin.widgets import AutocompleteSelect
from django.db.models.fields import BLANK_CHOICE_DASH

from ..languages import content_language_names


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


class ChosenLanguageSelect(LanguageSelect):
    """A select of content languages that may be left empty, written with its empty and chosen
    options only, for the forms a page repeats: the page writes every language once, in
    <template id="language-choices">, and js/admin-inline-forms.js puts them into each such select
    as the page opens (ninety options in each of an article's 150 language selects were 0.9 MB)."""

    def get_context(self, name, value, attrs):
        context = forms.Widget.get_context(self, name, value, attrs)
        chosen = {str(item) for item in self.format_value(value)}
        names = content_language_names()
        context["widget"]["chosen"] = chosen
        context["widget"]["choices"] = BLANK_CHOICE_DASH + [
            (code, names.get(code, code)) for code in sorted(chosen) if code
        ]
        context["widget"]["attrs"]["data-language-choices"] = "language-choices"
        return context

    def use_required_attribute(self, initial):
        # As Select would answer without going through every language: its first choice is empty.
        return forms.Widget.use_required_attribute(self, initial)


class AutocompleteNamedFromRecord(AutocompleteSelect):
    """An autocomplete that names its chosen record from `known` ({str(pk): record}), the records
    the form's own one already holds (set by inlines.NamedFromRecordsFormSet), rather than with a
    query of its own: Django's runs one for each form of an inline."""

    known = {}

    def optgroups(self, name, value, attr=None):
        chosen = {str(item) for item in value if str(item) not in self.choices.field.empty_values}
        if not chosen or not chosen <= self.known.keys():
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for key in sorted(chosen):
            record = self.known[key]
            label = self.choices.field.label_from_instance(record)
            options.append(self.create_option(name, record.pk, label, chosen, len(options)))
        return [(None, options, 0)]


class TextWithNewlines(forms.CharField):
    """Browsers send the line breaks of a text box as CR LF; kept as LF, as imports and the rest of
    the archive have them, so that saving a form nobody changed changes nothing."""

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n") if value else value
