"""The change history of sessions, people, articles and quotes, and restoring a version."""

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import is_historic, to_historic

from ..models import RemembersSavedValues


class ChangeHistoryAdmin(SimpleHistoryAdmin):
    """“History” lists every version: who saved it, when, and each field before and after; opening
    one offers to restore it."""

    # What the name of a version reads (a session's: its edition and festival), fetched with the
    # versions a page lists: the library names each version with queries of its own.
    history_names_read = []

    def get_history_queryset(self, request, history_manager, pk_name, object_id):
        versions = super().get_history_queryset(request, history_manager, pk_name, object_id)
        return versions.select_related(*self.history_names_read)

    def render_history_view(self, request, template, context, **kwargs):
        relations = {path.split("__")[0] for path in self.history_names_read}
        for version in context.get("page_obj", ()):  # the list of versions, not a version's form
            named = version.history_object  # made anew on each read: kept, with what its name reads
            for relation in relations:
                setattr(named, relation, getattr(version, relation))
            version.history_object = named
        return super().render_history_view(request, template, context, **kwargs)

    def history_view(self, request, object_id, extra_context=None):
        if not object_id.isdigit():
            raise Http404
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if not (object_id.isdigit() and version_id.isdigit()):
            raise Http404
        # The library checks only that the user may see the version: restoring one is a change.
        request.reading_a_version = not self.has_change_history_permission(request, self.model(pk=object_id))
        if request.method == "POST" and request.reading_a_version:
            raise PermissionDenied
        return super().history_form_view(request, object_id, version_id, extra_context)

    def has_change_history_permission(self, request, obj=None):
        # `obj` is a version; whether it may be restored depends on the record as it is now.
        current = self.model.objects.filter(pk=obj.pk).first() if obj is not None else None
        return self.has_change_permission(request, current)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change, **kwargs)
        if not getattr(request, "reading_a_version", False):
            return form

        class VersionToRead(form):
            """A version shown to someone who may not restore it: to read, not to fill in."""

            def __init__(self, *args, **kwargs):
                super().__init__(*args, **kwargs)
                for field in self.fields.values():
                    field.disabled = True

        return VersionToRead

    def save_model(self, request, obj, form, change):
        if change and is_historic(obj):
            obj._change_reason = _("Restored the version of %(moment)s") % {
                "moment": date_format(timezone.localtime(to_historic(obj).history_date), "DATETIME_FORMAT")
            }
            # A version being restored: see what it replaces.
            replaced = self.model.objects.filter(pk=obj.pk).values().first()
            if replaced is None:
                obj._state.adding = True  # it had been deleted: restoring brings it back
            elif isinstance(obj, RemembersSavedValues):
                obj.saved_values = replaced  # for signals.py
        super().save_model(request, obj, form, change)
