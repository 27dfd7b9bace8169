"""The admin's “Import coverage” page: upload a coverage file (docs/coverage-format.md), imported in
the background; its status page (import_jobs.py) shows what it created and updated, or every bad
record, row by row, with nothing written."""

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..models import ImportJob
from .import_jobs import recent_imports, start_import

MAX_IMPORT_SIZE = 10 * 1024 * 1024  # 10 MB: years of coverage; larger files are split
COVERAGE_FORMAT = settings.BASE_DIR / "docs" / "coverage-format.md"


class CoverageImportForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Coverage file"),
        help_text=gettext_lazy("A JSON file in the coverage format, at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": ".json,application/json"}),
    )
    dry_run = forms.BooleanField(
        label=gettext_lazy("Only check the file, write nothing"),
        label_suffix="",
        required=False,
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if upload.size > MAX_IMPORT_SIZE:
            raise forms.ValidationError(
                _("The file is %(size).1f MB; the limit is 10 MB. Split it into smaller files.")
                % {"size": upload.size / 1024 / 1024}
            )
        return upload


def import_coverage(model_admin, request):
    """The page, for whoever may add articles. Who may not publish (contributors) gets an error for
    each published article in the file, as the article form would refuse it."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    if request.method == "POST":
        form = CoverageImportForm(request.POST, request.FILES)
        if form.is_valid():
            may_publish = request.user.has_perm("articles.publish_article")
            upload, dry_run = form.cleaned_data["file"], form.cleaned_data["dry_run"]
            return start_import(model_admin, request, ImportJob.Kind.COVERAGE, upload, dry_run, may_publish)
    else:
        form = CoverageImportForm()
    opts = model_admin.model._meta
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import coverage"),
        "opts": opts,
        "app_label": opts.app_label,
        "form": form,
        "format_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_import_format"),
        "recent": recent_imports(ImportJob.Kind.COVERAGE),
    }
    return TemplateResponse(request, "admin/articles/import_coverage.html", context)


def import_coverage_urls(model_admin):
    """The page's address, admin/articles/article/import/, to go before the ModelAdmin's own."""
    info = model_admin.opts.app_label, model_admin.opts.model_name

    def view(request):
        return import_coverage(model_admin, request)

    def format_view(request):
        return coverage_format(model_admin, request)

    return [
        path("import/", model_admin.admin_site.admin_view(view), name="{}_{}_import".format(*info)),
        path(
            "import/format/",
            model_admin.admin_site.admin_view(format_view),
            name="{}_{}_import_format".format(*info),
        ),
    ]


def coverage_format(model_admin, request):
    """The format's description (docs/coverage-format.md), every key with an example, for whoever
    may import: as plain text, which a browser shows as it is."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    return FileResponse(COVERAGE_FORMAT.open("rb"), content_type="text/plain; charset=utf-8")
