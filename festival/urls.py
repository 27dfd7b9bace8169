"""The archive's URLs: the editors' admin and the public pages of the articles app."""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.shortcuts import redirect
from django.templatetags.static import static as static_url
from django.urls import include, path, reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.static import serve

from articles.languages import address_in
from articles.public.sitemaps import SITEMAPS

from . import health

admin.site.site_header = _("Festival Panel Archive")
admin.site.site_title = _("Festival Panel Archive")
admin.site.index_title = _("Coverage")


def robots_txt(request):
    """Crawlers may read every page but the site search, the exports and the type-ahead. (Filtered quote
    lists stay open: their canonical address is the quote list's.)"""
    hidden = ["/search/", "/quotes/export", "/people/suggest/"]
    lines = [
        "User-agent: *",
        *(f"Disallow: {address_in(code, path)}" for code in dict(settings.LANGUAGES) for path in hidden),
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon, such as the admin's."""
    return redirect(static_url("favicon.svg"), permanent=True)


urlpatterns = [
    path("favicon.ico", favicon),
    path("healthz/", health.healthz, name="healthz"),
    path("robots.txt", robots_txt, name="robots-txt"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path(settings.ADMIN_URL, admin.site.urls),
    *i18n_patterns(path("", include("articles.public.urls")), prefix_default_language=False),
]
handler404 = "articles.public.views.home.page_not_found"


def uploaded_file(request, path):
    """People's photos, uploaded in the admin: served by the archive itself, so that a deployment
    shows them with nothing more to set up (a proxy in front may serve MEDIA_ROOT at MEDIA_URL
    instead). serve() keeps requests inside MEDIA_ROOT and answers If-Modified-Since with a 304."""
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response


urlpatterns.append(path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", uploaded_file, name="uploaded-file"))
