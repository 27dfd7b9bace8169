from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "articles"
    verbose_name = _("Coverage")

    def ready(self):
        from . import comments, signals  # noqa: F401 (connect the receivers and the comment moderator)
