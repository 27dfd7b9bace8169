"""The page that confirms a deletion, naming every record that goes with the one deleted or keeps it
from going: those records fetched with what their names read (a quote its speaker, a session its
edition and festival). Django's page fetched that one record at a time: an article's 50 quotes, 50
queries more."""

from django.contrib.admin.utils import NestedObjects, quote
from django.db import router
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html
from django.utils.text import capfirst

from ..models import Panel, Participation, Quote

NAMES_READ = {
    Quote: ["speaker"],
    Panel: ["edition__festival"],
    Participation: ["person", "panel__edition__festival"],
}


class NamedNestedObjects(NestedObjects):
    def related_objects(self, related_model, related_fields, objs):
        related = super().related_objects(related_model, related_fields, objs)
        return related.select_related(*NAMES_READ.get(related_model, []))


class DeletionNamesRead:
    """For a ModelAdmin: Django's get_deleted_objects() (django.contrib.admin.utils), with the
    collector above."""

    def get_deleted_objects(self, objs, request):
        try:
            using = router.db_for_write(objs[0]._meta.model)
        except IndexError:
            return [], {}, set(), []
        collector = NamedNestedObjects(using=using, origin=objs)
        collector.collect(objs)
        perms_needed = set()

        def format_callback(obj):
            opts = obj._meta
            no_edit_link = f"{capfirst(opts.verbose_name)}: {obj}"
            if not self.admin_site.is_registered(obj.__class__):
                return no_edit_link  # edited inline, or not in the admin
            if not self.admin_site.get_model_admin(obj.__class__).has_delete_permission(request, obj):
                perms_needed.add(opts.verbose_name)
            try:
                url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
                    None,
                    (quote(obj.pk),),
                )
            except NoReverseMatch:
                return no_edit_link
            return format_html('{}: <a href="{}">{}</a>', capfirst(opts.verbose_name), url, obj)

        to_delete = collector.nested(format_callback)
        protected = [format_callback(obj) for obj in collector.protected]
        model_count = {
            model._meta.verbose_name_plural: len(objs) for model, objs in collector.model_objs.items()
        }
        return to_delete, model_count, perms_needed, protected
