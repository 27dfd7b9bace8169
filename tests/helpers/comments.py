"""Posting a comment as a reader's browser does: the fields typed and the hidden ones the page holds."""

from articles.comments.forms import CommentForm

EMAIL = "secret.reader@example.org"


def form_data(article, **fields):
    """What a reader's browser sends: the fields typed, and the hidden ones the page holds."""
    form = CommentForm(article)
    data = {name: form[name].value() for name in ["content_type", "object_pk", "timestamp", "security_hash"]}
    data.update(name="Ada Reader", email=EMAIL, url="", comment="Very useful, thank you.", honeypot="")
    data.update(fields)
    return data


def post(client, article, remote_addr="127.0.0.1", **fields):
    return client.post(
        f"{article.get_absolute_url()}comments/", form_data(article, **fields), REMOTE_ADDR=remote_addr
    )
