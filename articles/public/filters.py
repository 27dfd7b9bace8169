"""What readers filter quotes by. Matching itself lives in articles/search/."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from .. import search
from ..http import page_cache
from ..languages import content_language_names, content_languages
from ..models import Festival, NamedInEachLanguage, Panel, Person, Quote, Topic
from ..models.base import distinct_values
from ..models.quotes import QUOTES_LATEST_FIRST, QUOTES_OLDEST_FIRST
from ..text import fold


class PersonField(forms.ModelChoiceField):
    """A person typed as a slug (from links), a name, or enough of a name to name one person."""

    widget = forms.TextInput
    # When part of a name chose the person: that part, and the others whose names match it too,
    # closest first.
    typed, also_matching = "", ()

    def to_python(self, value):
        value = (value or "").strip()[:200]
        if value in self.empty_values:
            return None
        person, candidates = search.find_person(self.queryset, value)
        if person:
            if value != person.slug and fold(value) != fold(person.name):
                self.typed = value
                self.also_matching = [candidate for candidate in candidates if candidate.pk != person.pk]
            return person
        if candidates:
            raise ValidationError(
                _("Several people match “%(value)s”: %(names)s. Type more of the name."),
                code="ambiguous",
                params={"value": value, "names": ", ".join(candidate.name for candidate in candidates)},
            )
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonField


def quote_languages():
    """The languages public quotes are in, by name in the reader's language: a filter that offered
    every language there is would mostly lead to empty pages. Kept like the pages (page_cache)."""
    used = page_cache.remember("quote-languages", lambda: distinct_values(Quote, "language", public=True))
    return [(code, name) for code, name in content_languages() if code in used]


class LanguageField(django_filters.fields.ChoiceField):
    """Offers the languages quotes are in, and takes any language there is: a link to the quotes in
    a language keeps working (listing none) once that language's last quote is gone."""

    def valid_value(self, value):
        return value in content_language_names()


class LanguageFilter(django_filters.ChoiceFilter):
    field_class = LanguageField


def select_options(name, field):
    """(value, label) pairs for a select, written out by includes/select.html: Django's select
    widget would build an attribute dict for each of the few hundred options of the quote search. A
    model's options, named in the page's language, are the same for every reader until coverage
    changes, and come from the cache (page_cache.remember)."""
    if isinstance(field, forms.ModelChoiceField):
        key = field.to_field_name or "pk"
        rows = page_cache.remember(
            f"options.{name}.{get_language()}",
            lambda: sorted(
                ((getattr(thing, key), thing.local_name) for thing in field.queryset),
                key=lambda row: fold(row[1]),
            ),
        )
        return [("", field.empty_label), *rows]
    return [(str(value), label) for value, label in field.choices]


class QuoteFilter(django_filters.FilterSet):
    # Choices are querysets made per request (lambdas): what is public changes with the time.
    q = django_filters.CharFilter(
        label=_("Words"),
        method="filter_nothing",
        max_length=500,
        help_text=_(
            "Every word must appear; put a phrase in “quotes”; -word leaves out quotes with that word."
        ),
    )
    speaker = PersonFilter(
        label=_("Speaker"),
        queryset=lambda request: Person.objects.public(),
        error_messages={"invalid_choice": _("Nobody in the archive goes by that name.")},
    )
    festival = django_filters.ModelChoiceFilter(
        label=_("Festival"),
        field_name="panel__edition__festival",
        queryset=lambda request: Festival.objects.public().only("slug", *NamedInEachLanguage.name_fields),
        to_field_name="slug",
        empty_label=_("Any festival"),
        error_messages={"invalid_choice": _("There is no such festival in the archive.")},
    )
    year = django_filters.NumberFilter(
        label=_("Year"),
        field_name="panel__edition__year",
        min_value=1900,
        max_value=2100,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
        error_messages={"invalid": _("Give the year as four digits, e.g. 2024.")},
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="panel__topics",
        queryset=lambda request: Topic.objects.public().only("slug", *NamedInEachLanguage.name_fields),
        to_field_name="slug",
        empty_label=_("Any topic"),
        error_messages={"invalid_choice": _("There is no such topic.")},
    )
    panel = django_filters.ModelChoiceFilter(
        label=_("Session"),
        queryset=lambda request: Panel.objects.public().with_edition(),
        widget=forms.HiddenInput,
        error_messages={"invalid_choice": _("There is no such session.")},
    )
    language = LanguageFilter(
        label=_("Language"),
        choices=quote_languages,
        empty_label=_("Any language"),
        error_messages={"invalid_choice": _("Quotes cannot be filtered by that language.")},
    )
    sort = django_filters.ChoiceFilter(
        label=_("Sort by"),
        choices=[("relevance", _("Relevance")), ("newest", _("Newest first")), ("oldest", _("Oldest first"))],
        method="filter_nothing",
        empty_label=None,
        null_label=None,
        error_messages={"invalid_choice": _("Sort by relevance, newest or oldest.")},
    )

    class Meta:
        model = Quote
        fields = ["q", "speaker", "festival", "year", "topic", "panel", "language", "sort"]

    def filter_nothing(self, quotes, name, value):
        """Words and sort order are applied in filter_queryset, after every other filter."""
        return quotes

    def filter_queryset(self, quotes):
        quotes = super().filter_queryset(quotes)
        if self.searching:
            return search.search_quotes(quotes, self.form.cleaned_data["q"])  # put in order by the view
        return quotes.order_by(*self.order)

    @property
    def order(self):
        """The fields the reader's sort orders by, as for order_by()."""
        sort = self.form.cleaned_data.get("sort") or ("relevance" if self.searching else "newest")
        if sort == "relevance" and self.searching:
            return ["-search_rank", "-pk"]
        return QUOTES_OLDEST_FIRST if sort == "oldest" else QUOTES_LATEST_FIRST

    @property
    def fields_with_options(self):
        """The form's fields, each with its select options, or None when it is not a select. A
        language asked for that no quote is in is added to its options, so that the select shows it."""
        rows = []
        for field in self.form:
            options = select_options(field.name, field.field) if field.widget_type == "select" else None
            chosen = field.value()
            if (
                isinstance(field.field, LanguageField)
                and chosen
                and not field.errors
                and chosen not in dict(options)
            ):
                options.append((chosen, content_language_names()[chosen]))
            rows.append((field, options))
        return rows

    @property
    def speakers_also_matching(self):
        """Other people the speaker typed could name, when part of a name chose one."""
        return self.form.fields["speaker"].also_matching if self.is_valid() else ()

    @property
    def speaker_as_typed(self):
        return self.form.fields["speaker"].typed

    @property
    def searching(self):
        return self.is_bound and self.form.is_valid() and search.has_words(self.form.cleaned_data.get("q"))
