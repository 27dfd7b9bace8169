"""What readers filter quotes by."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Person, Quote, Topic


class PersonField(forms.ModelChoiceField):
    """A person typed as a slug (from links), a full name, or enough of a name to name one person."""

    widget = forms.TextInput
    CANDIDATES = 6

    def to_python(self, value):
        value = (value or "").strip()[:200]
        if value in self.empty_values:
            return None
        candidates = list(
            self.queryset.filter(Q(slug=value) | Q(name__icontains=value)).order_by("name")[: self.CANDIDATES]
        )
        exact = [p for p in candidates if p.slug == value] or [
            p for p in candidates if p.name.lower() == value.lower()
        ]
        if exact:
            return exact[0]
        if len(candidates) == 1:
            return candidates[0]
        if candidates:
            names = ", ".join(person.name for person in candidates[: self.CANDIDATES - 1])
            raise ValidationError(
                _("Several people match “%(value)s”: %(names)s. Type more of the name."),
                code="ambiguous",
                params={"value": value, "names": names + ("…" if len(candidates) == self.CANDIDATES else "")},
            )
        raise ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")


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
