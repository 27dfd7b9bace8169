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
        # Connected on import: the receivers that keep visibility, redirects and the page cache, and
        # the comments' moderator.
        from . import signals  # noqa: F401
        from .comments import moderation  # noqa: F401
        from .http import page_cache  # noqa: F401
        from .search import backends, folding

        post_migrate.connect(name_the_site, sender=self)
        connection_created.connect(backends.connection_created)
        CharField.register_lookup(folding.ContainsFolded)
        TextField.register_lookup(folding.ContainsFolded)
