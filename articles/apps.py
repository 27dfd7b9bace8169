from django.apps import AppConfig
from django.conf import settings
from django.db.backends.signals import connection_created
from django.db.models import CharField, TextField
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


def name_the_site(using="default", **kwargs):
    """Django's Site record carries the archive's public host (SITE_DOMAIN), for absolute links."""
    from django.contrib.sites.models import SITE_CACHE, Site

    Site.objects.using(using).update_or_create(
        pk=settings.SITE_ID, defaults={"domain": settings.SITE_DOMAIN, "name": "Festival Panel Archive"}
    )
    SITE_CACHE.clear()


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Coverage")

    def ready(self):
        from . import comments, search, signals  # noqa: F401 (connect the receivers and the comment moderator)

        post_migrate.connect(name_the_site, sender=self)
        connection_created.connect(search.teach_sqlite_to_fold)
        CharField.register_lookup(search.ContainsFolded)
        TextField.register_lookup(search.ContainsFolded)
