"""The archive's domain app. It is also the comments app of django-contrib-comments (COMMENTS_APP):
the package asks it for the comment model and form below."""


def get_model():
    from .models import ReaderComment

    return ReaderComment


def get_form():
    from .comments.forms import CommentForm

    return CommentForm
