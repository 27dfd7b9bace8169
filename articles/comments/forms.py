"""The comment form under a published article."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django_comments.forms import CommentForm as PackageCommentForm

from .moderation import comments_on

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
