"""What the admin's inlines share: the records an inline's rows are about (speaker, session,
person) fetched with the rows, and named from there in each row's autocomplete, so that a page
runs the same queries whether it edits three rows or ninety."""

from django.forms.models import BaseInlineFormSet

from .forms import AutocompleteNamedFromRecord


class NamedFromRecordsFormSet(BaseInlineFormSet):
    """Each form's autocompletes name the records its row already holds (select_related by the
    inline's get_queryset). A value submitted in place of the row's own is named by a query."""

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        for name, field in form.fields.items():
            widget = getattr(field.widget, "widget", field.widget)  # inside the admin's wrapper
            if not isinstance(widget, AutocompleteNamedFromRecord):
                continue
            relation = form.instance._meta.get_field(name)
            if relation.is_cached(form.instance):
                record = getattr(form.instance, name)
                widget.known = {str(record.pk): record} if record is not None else {}
        return form


class AutocompleteNamedFromRecords:
    """For an inline: its autocomplete fields name their chosen records as NamedFromRecordsFormSet
    hands them over."""

    formset = NamedFromRecordsFormSet

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.get_autocomplete_fields(request) and "widget" not in kwargs:
            kwargs["widget"] = AutocompleteNamedFromRecord(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
