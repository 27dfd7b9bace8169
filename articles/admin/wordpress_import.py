"""The admin's “Import from WordPress” page: upload a WordPress export (Tools → Export in
WordPress), imported in the background; its status page (import_jobs.py) shows what it brought in
and what it left out, or every problem, with nothing written."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import ImportJob
from .base import may_publish
from .import_jobs import recent_imports, start_import

# What an upload may be; `manage.py import_wordpress` reads an export of any size.
MAX_UPLOAD_SIZE = 100 * 1024 * 1024


class WordPressImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("WordPress export"),
        help_text=gettext_lazy(
            "The XML file WordPress's Tools → Export writes (“All content” or “Posts”), at most 100 MB."
        ),
        widget=forms.ClearableFileInput(attrs={"accept": ".xml,application/xml,text/xml"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check the export, write nothing"), label_suffix="", required=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_SIZE:
            raise forms.ValidationError(
                _(
                    "The file is %(size).0f MB; the limit here is 100 MB. Larger exports are imported "
                    "with the command: python manage.py import_wordpress EXPORT.xml"
                )
                % {"size": upload.size / 1024 / 1024}
            )
        return upload


def import_wordpress_page(model_admin, request):
    """For editors who may publish: an export brings in a site's published posts as they are."""
    if not (model_admin.has_add_permission(request) and may_publish(request)):
        raise PermissionDenied
    if request.method == "POST":
        form = WordPressImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload, dry_run = form.cleaned_data["file"], form.cleaned_data["dry_run"]
            return start_import(model_admin, request, ImportJob.Kind.WORDPRESS, upload, dry_run, True)
    else:
        form = WordPressImportForm()
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import from WordPress"),
        "opts": opts,
        "app_label": opts.app_label,
        "form": form,
        "recent": recent_imports(ImportJob.Kind.WORDPRESS),
    }
    return TemplateResponse(request, "admin/articles/import_wordpress.html", context)


def import_wordpress_urls(model_admin):
    """admin/articles/article/import/wordpress/, to go before the ModelAdmin's own addresses."""
    info = model_admin.opts.app_label, model_admin.opts.model_name

    def view(request):
        return import_wordpress_page(model_admin, request)

    return [
        path(
            "import/wordpress/",
            model_admin.admin_site.admin_view(view),
            name="{}_{}_import_wordpress".format(*info),
        )
    ]
