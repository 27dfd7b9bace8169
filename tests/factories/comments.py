"""Readers' comments."""

import factory

from articles.models import ReaderComment

from .coverage import ArticleFactory


class ReaderCommentFactory(factory.django.DjangoModelFactory):
    """An approved comment by a reader on a published article."""

    class Meta:
        model = ReaderComment

    content_object = factory.SubFactory(ArticleFactory)
    site_id = 1
    user_name = factory.Sequence(lambda n: f"Reader {n}")
    user_email = factory.Sequence(lambda n: f"reader{n}@example.org")
    comment = "Thank you for this report."
    is_public = True
