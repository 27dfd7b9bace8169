"""Taking a reader's comment: the rate limit, django-contrib-comments' signals (its moderator holds
the comment for moderation or refuses it), and the comment saved with its client's hash."""

from django.contrib.sites.shortcuts import get_current_site
from django.utils.translation import gettext_lazy as _
from django_comments.signals import comment_was_posted, comment_will_be_posted

from . import rate_limits

TOO_MANY = _(
    "You have sent several comments in the last few minutes. Wait a little, then send your comment again."
)


def over_rate_limit(request):
    return rate_limits.over_rate_limit(rate_limits.client_hash(request))


def save_comment(request, form):
    """The comment of the checked `form`, saved as `request`'s reader's; None when a receiver of
    comment_will_be_posted refuses it (the moderator does when comments closed meanwhile)."""
    client = rate_limits.client_hash(request)
    comment = form.get_comment_object(site_id=get_current_site(request).id)
    comment.client_hash = client
    if request.user.is_authenticated:
        comment.user = request.user
    answers = comment_will_be_posted.send(sender=comment.__class__, comment=comment, request=request)
    if any(answer is False for _receiver, answer in answers):
        return None
    comment.save()
    comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
    rate_limits.count_posted(client)
    return comment
