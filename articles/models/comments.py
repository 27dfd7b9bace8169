"""Readers' comments on articles."""

from django.db import models
from django.db.models import Case, F, IntegerField, Value, When
from django.utils.translation import gettext_lazy as _
from django_comments.abstracts import CommentAbstractModel

AWAITING = {"is_public": False, "is_removed": False}
# The moderation queue's order: awaiting moderation first (0), then the others (1).
AWAITING_FIRST = Case(When(**AWAITING, then=Value(0)), default=Value(1), output_field=IntegerField())


class ReaderComment(CommentAbstractModel):
    """A reader's comment on an article, or a reply to one (one level), held until a moderator
    approves it: django-contrib-comments' comment (articles/__init__.py makes it the one the package
    uses). The reader's address is never stored (ip_address stays empty), only a salted hash of it
    for the rate limit."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")

    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="replies",
        verbose_name=_("in reply to"),
    )
    client_hash = models.CharField(_("client (salted hash)"), max_length=64, blank=True, editable=False)

    class Meta(CommentAbstractModel.Meta):
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        indexes = [
            models.Index(
                fields=["content_type", "object_pk", "is_public", "submit_date"], name="comment_shown"
            ),
            models.Index(fields=["is_public", "is_removed", "-submit_date"], name="comment_moderation_queue"),
            # The admin's list in its order (articles/comments/admin.py): sorting every comment took
            # 400 ms at 100,000 comments.
            models.Index(
                AWAITING_FIRST, F("submit_date").desc(), F("id").desc(), name="comment_awaiting_first"
            ),
        ]

    @property
    def status(self):
        if self.is_removed:
            return self.Status.SPAM
        return self.Status.APPROVED if self.is_public else self.Status.PENDING

    @property
    def by_staff(self):
        return self.user_id is not None and self.user.is_staff

    def get_absolute_url(self, anchor_pattern="#comment-%(id)s"):
        return self.content_object.get_absolute_url() + (anchor_pattern % self.__dict__)
