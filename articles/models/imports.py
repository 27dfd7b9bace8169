"""Imports: each one an editor started from the admin, run in the background (ImportJob), and where
imported coverage came from: the WordPress post an article was, and the WordPress comment a reader's
comment was. A newer export of the same site finds them again (a post by its `guid`, which WordPress
never changes, and its number; a comment by its number on its post) and updates them in place."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .comments import ReaderComment
from .coverage import Article


class WordPressPost(models.Model):
    article = models.OneToOneField(
        Article, on_delete=models.CASCADE, related_name="wordpress_post", verbose_name=_("article")
    )
    guid = models.CharField(_("WordPress guid"), max_length=500, db_index=True)
    post_id = models.PositiveBigIntegerField(_("WordPress post number"), db_index=True)
    site = models.CharField(_("WordPress site"), max_length=300, blank=True)
    permalink = models.CharField(_("WordPress address"), max_length=500, blank=True)
    imported_at = models.DateTimeField(_("last imported"), auto_now=True)

    class Meta:
        verbose_name = _("WordPress post")
        verbose_name_plural = _("WordPress posts")
        # WordPress gives a copied post the guid of its original: the post's number tells them apart.
        constraints = [models.UniqueConstraint(fields=["guid", "post_id"], name="wordpress_post_once")]

    def __str__(self):
        return self.guid


class WordPressComment(models.Model):
    post = models.ForeignKey(WordPressPost, on_delete=models.CASCADE, related_name="comments")
    number = models.PositiveBigIntegerField(_("WordPress comment number"))
    comment = models.OneToOneField(ReaderComment, on_delete=models.CASCADE, related_name="wordpress_comment")

    class Meta:
        verbose_name = _("WordPress comment")
        verbose_name_plural = _("WordPress comments")
        constraints = [
            models.UniqueConstraint(fields=["post", "number"], name="wordpress_comment_once"),
        ]

    def __str__(self):
        return f"{self.post} #{self.number}"


class ImportJob(models.Model):
    """A file an editor uploaded to import, and how its import went: queued, then running with the
    records done of the total, then done (or failed) with its report, which the status page shows."""

    class Kind(models.TextChoices):
        COVERAGE = "coverage", _("Coverage file")
        WORDPRESS = "wordpress", _("WordPress export")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        DONE = "done", _("Done")
        FAILED = "failed", _("Failed")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind)
    upload = models.FileField(_("file"), upload_to="imports/", blank=True)
    file_name = models.CharField(_("file name"), max_length=255)
    dry_run = models.BooleanField(_("only checked"), default=False)
    may_publish = models.BooleanField(default=False)
    language = models.CharField(max_length=16, help_text="The report is written in this language.")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("by")
    )
    status = models.CharField(_("status"), max_length=16, choices=Status, default=Status.QUEUED)
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    report = models.JSONField(_("report"), null=True, blank=True)
    created_at = models.DateTimeField(_("started"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("import")
        verbose_name_plural = _("imports")

    def __str__(self):
        return self.file_name

    @property
    def finished(self):
        return self.status in {self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self):
        return min(100, round(100 * self.done / self.total)) if self.total else 0
