"""A post's comments as readers' comments on its article, with their approval: approved ones are
shown, pending ones wait for a moderator, spam and trash stay hidden. The commenter's email is
kept as every comment's is, shown to no reader. The archive threads replies one level deep, as its
comment form does: a reply to a reply goes under the comment that began the thread."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from django.utils.translation import gettext as _

from ...models import ReaderComment
from . import wxr
from .content import text_of

# Pingbacks and trackbacks are notices from other sites, not readers' words.
NOT_READERS = {"pingback", "trackback"}
NAME_LENGTH = ReaderComment._meta.get_field("user_name").max_length


class CommentImport:
    def __init__(self, report):
        self.report = report

    def threaded(self, post, article, where):
        """The post's readers' comments, as (WordPress comment, the reader's comment's values, the
        WordPress comment that began its thread or None), threads' first comments before their
        replies; for batch.py to write onto `article`."""
        by_id = {comment.id: comment for comment in post.comments}
        threaded = []
        for comment in sorted(post.comments, key=lambda comment: (self.depth(comment, by_id), comment.id)):
            if comment.type in NOT_READERS:
                self.report.ignored[comment.type] += 1
                continue
            root = self.root(comment, by_id)
            if root is None:
                self.report.skip(
                    where,
                    _("Comment %(id)s answers comment %(parent)s, which the export does not hold.")
                    % {"id": comment.id, "parent": comment.parent},
                )
                continue
            threaded.append((comment, self.values(comment, article), root if root is not comment else None))
        return threaded

    def depth(self, comment, by_id):
        depth, seen = 0, set()
        while comment and comment.parent and comment.id not in seen:
            seen.add(comment.id)
            comment, depth = by_id.get(comment.parent), depth + 1
        return depth

    def root(self, comment, by_id):
        """The comment that began `comment`'s thread; None when one of its parents is missing."""
        seen = set()
        while comment.parent:
            if comment.id in seen or comment.parent not in by_id:
                return None
            seen.add(comment.id)
            comment = by_id[comment.parent]
        return comment

    @staticmethod
    def values(comment, article):
        return {
            "user_name": (text_of(comment.author) or _("Anonymous"))[:NAME_LENGTH],
            "user_email": _valid(validate_email, comment.email),
            "user_url": _valid(URLValidator(), comment.url)[:200],
            "comment": text_of(comment.content),
            "submit_date": wxr.moment(comment.date_gmt, comment.date, timezone.get_current_timezone())
            or article.published_at
            or timezone.now(),
            "is_public": comment.approved == "1",
            "is_removed": comment.approved in ("spam", "trash"),
        }


def _valid(validator, value):
    try:
        validator(value)
    except ValidationError:
        return ""
    return value
