"""The archive's URLs: the editors' admin and the public pages of the articles app."""

from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import health

admin.site.site_header = _("Festival Panel Archive")
admin.site.site_title = _("Festival Panel Archive")
admin.site.index_title = _("Coverage")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon, such as the admin's."""
    return redirect(static_url("favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("healthz/", health.healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("articles.urls")),
]
handler404 = "articles.views.page_not_found"

# Uploaded photos are served by Django only while developing; a deployment serves MEDIA_ROOT itself.
urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
