"""Where imported coverage came from: the WordPress post an article was, and the WordPress comment
a reader's comment was. A newer export of the same site finds them again (a post by its `guid`,
which WordPress never changes, and its number; a comment by its number on its post) and updates
them in place."""

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
