"""Readers' comments on articles, built on django-contrib-comments: its form (with the security hash,
timestamp and honeypot), its signals and its moderator, with the archive's rules added: one level of
replies, a rate limit per client, and no address stored."""

from django import forms
from django.conf import settings
from django.db.models import CharField, Count, OuterRef, Subquery
from django.db.models.functions import Cast, Coalesce
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _
from django_comments.forms import CommentForm as PackageCommentForm
from django_comments.moderation import CommentModerator, moderator

from .cache import cache
from .clients import client_address
from .models import Article, ReaderComment

# A form older than this (django-contrib-comments' own limit) is refused as a replay.
FORM_LIFETIME_HOURS = 2


class CommentForm(PackageCommentForm):
    """Name, email, website and comment; `parent` when replying to an approved comment."""

    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, target_object, data=None, initial=None, **kwargs):
        super().__init__(target_object, data=data, initial=initial, **kwargs)
        self.fields["name"].label = _("Name")
        # As long as the model's columns allow (the package's form fields allow longer).
        self.fields["email"] = forms.EmailField(
            label=_("Email"), max_length=254, help_text=_("Your email address will not be published.")
        )
        self.fields["url"] = forms.URLField(
            label=_("Website"), max_length=200, required=False, assume_scheme="https"
        )
        self.fields["comment"].label = _("Comment")
        self.fields["honeypot"].label = _("Leave this field empty")
        for name in ["name", "email", "comment"]:
            self.fields[name].error_messages["required"] = _("Please fill in this field.")

    def clean_parent(self):
        """A reply answers an approved comment on the same article, never another reply."""
        parent_id = self.cleaned_data.get("parent")
        if parent_id is None:
            return None
        parent = (
            comments_on(self.target_object)
            .filter(pk=parent_id, parent=None, is_public=True, is_removed=False)
            .only("pk", "user_name")
            .first()
        )
        if parent is None:
            raise forms.ValidationError(_("The comment you were replying to is no longer shown."))
        return parent

    def clean_security_hash(self):
        """The hash signs the article the form was made for, which must be the one posted to."""
        wrong = forms.ValidationError(
            _("This form does not belong to this article. Reload the page and send your comment again.")
        )
        if self.data.get("object_pk") != str(self.target_object.pk):
            raise wrong
        try:
            return super().clean_security_hash()
        except forms.ValidationError:
            raise wrong from None

    def clean_timestamp(self):
        try:
            return super().clean_timestamp()
        except forms.ValidationError:
            raise forms.ValidationError(
                _("The form was open for more than %(hours)d hours. Check your comment and send it again.")
                % {"hours": FORM_LIFETIME_HOURS}
            ) from None

    def get_comment_create_data(self, site_id=None):
        data = super().get_comment_create_data(site_id=site_id)
        data["parent"] = self.cleaned_data.get("parent")
        return data

    def renew_security_data(self):
        """Give the checked form a fresh timestamp and hash, keeping what the reader typed and the
        errors found: shown again, it can be sent as soon as the reader has corrected it."""
        data = self.data.copy()
        data.update(self.generate_security_data())
        self.data = data
        return self

    @property
    def problems(self):
        """Errors of the hidden fields, which have no place of their own on the page."""
        return [
            error for name in ["timestamp", "security_hash", "parent"] for error in self.errors.get(name, [])
        ]


def on_article(comments, object_pk):
    """`comments` on the article whose id is `object_pk` (as text, or an expression giving text)."""
    return comments.filter(
        content_type__app_label=Article._meta.app_label,
        content_type__model=Article._meta.model_name,
        object_pk=object_pk,
    )


def comments_on(article):
    return on_article(ReaderComment.objects.all(), str(article.pk))


def comments_awaiting():
    """How many comments await moderation on each article, as a subquery for an article queryset."""
    awaiting = on_article(ReaderComment.objects.in_moderation(), Cast(OuterRef("pk"), CharField()))
    counted = awaiting.order_by().values("object_pk").annotate(count=Count("*")).values("count")
    return Coalesce(Subquery(counted), 0)


def shown_comments(article):
    """The approved comments of `article` in the order they were posted, each with `shown_replies`
    (its approved replies): one query."""
    approved = list(
        comments_on(article)
        .filter(is_public=True, is_removed=False)
        .select_related("user")
        .order_by("submit_date", "pk")
    )
    threads = {comment.pk: comment for comment in approved if comment.parent_id is None}
    for comment in threads.values():
        comment.shown_replies = []
    for comment in approved:
        if comment.parent_id in threads:
            threads[comment.parent_id].shown_replies.append(comment)
    return list(threads.values())


def client_hash(request):
    """A salted hash of the reader's address: enough to count their comments, not to find them."""
    return salted_hmac("articles.comments.client", client_address(request), algorithm="sha256").hexdigest()


def _rate_key(client):
    return f"comments:posted:{client}"


def over_rate_limit(client):
    limit, _window = settings.COMMENT_RATE_LIMIT
    return cache.get(_rate_key(client), 0) >= limit


def count_posted(client):
    """Counted from the client's first comment in a window (Django's cache, shared by the servers
    when a cache server is configured)."""
    _limit, window = settings.COMMENT_RATE_LIMIT
    key = _rate_key(client)
    if not cache.add(key, 1, timeout=window):
        try:
            cache.incr(key)
        except ValueError:  # expired between add() and incr()
            cache.add(key, 1, timeout=window)


class ArticleCommentModerator(CommentModerator):
    """Comments are refused on articles readers cannot see or that an editor closed, and held for
    moderation unless a member of staff posts them."""

    email_notification = False
    enable_field = "comments_open"

    def allow(self, comment, content_object, request):
        return content_object.is_public and super().allow(comment, content_object, request)

    def moderate(self, comment, content_object, request):
        return not request.user.is_staff


moderator.register(Article, ArticleCommentModerator)
