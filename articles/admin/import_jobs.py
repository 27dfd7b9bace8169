"""An import started from the admin runs in the background (importers/jobs.py): its status page
shows how far it has got, then its report; the import pages list the imports started lately."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path
from django.utils.translation import gettext as _

from ..importers import jobs
from ..models import ImportJob

RECENT = 10  # imports listed on an import page


def start_import(model_admin, request, kind, upload, dry_run, may_publish):
    """Queue the import of `upload` and send the editor to its status page."""
    job = jobs.start(kind, upload, user=request.user, may_publish=may_publish, dry_run=dry_run)
    return redirect(f"admin:{model_admin.opts.app_label}_{model_admin.opts.model_name}_import_job", job.pk)


def recent_imports(kind):
    """The latest imports of a kind, newest first, for the import page that starts them."""
    return ImportJob.objects.filter(kind=kind).select_related("user")[:RECENT]


def import_job_page(model_admin, request, job_id):
    """For whoever may import coverage: one import's progress, then its report."""
    if not model_admin.has_add_permission(request):
        raise PermissionDenied
    job = get_object_or_404(ImportJob.objects.select_related("user"), pk=job_id)
    opts = model_admin.model._meta
    report = job.report or {}
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Import of %(file)s") % {"file": job.file_name},
        "opts": opts,
        "app_label": opts.app_label,
        "job": job,
        "report": report,
        "import_url": f"admin:{opts.app_label}_{opts.model_name}_import"
        + ("_wordpress" if job.kind == ImportJob.Kind.WORDPRESS else ""),
    }
    return TemplateResponse(request, "admin/articles/import_job.html", context)


def import_job_urls(model_admin):
    """admin/articles/article/import/<id>/, to go before the ModelAdmin's own addresses."""
    info = model_admin.opts.app_label, model_admin.opts.model_name

    def view(request, job_id):
        return import_job_page(model_admin, request, job_id)

    return [
        path(
            "import/<int:job_id>/",
            model_admin.admin_site.admin_view(view),
            name="{}_{}_import_job".format(*info),
        )
    ]
