"""What readers filter quotes by."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Person, Quote, Topic


class PersonField(forms.ModelChoiceField):
    """A person typed as a slug (from links) or as their full name (by a reader)."""

    widget = forms.TextInput

    def to_python(self, value):
        value = (value or "").strip()[:200]
        if value in self.empty_values:
            return None
        matches = list(self.queryset.filter(Q(slug=value) | Q(name__iexact=value)).order_by("pk")[:5])
        person = next((match for match in matches if match.slug == value), matches[0] if matches else None)
        if person is None:
            raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return person

    def prepare_value(self, value):
        return value.slug if isinstance(value, Person) else value


class PersonFilter(django_filters.ModelChoiceFilter):
    field_class = PersonField


class QuoteFilter(django_filters.FilterSet):
    speaker = PersonFilter(
        label=_("Speaker"),
        queryset=Person.objects.all(),
        error_messages={"invalid_choice": _("Nobody in the archive goes by that name.")},
    )
    topic = django_filters.ModelChoiceFilter(
        label=_("Topic"),
        field_name="panel__topics",
        queryset=Topic.objects.all(),
        to_field_name="slug",
        empty_label=_("Any topic"),
        error_messages={"invalid_choice": _("There is no such topic.")},
    )

    class Meta:
        model = Quote
        fields = ["speaker", "topic"]
