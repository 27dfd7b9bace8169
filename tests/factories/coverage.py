"""Articles."""

import datetime

import factory

from articles.models import Article


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    title = factory.Sequence(lambda n: f"Report {n}")
    slug = factory.Sequence(lambda n: f"report-{n}")
    publication = "Trade Weekly"
    published_on = datetime.date(2025, 5, 21)
    language = "en"
    summary = "What was said."
    body = "A report."
    status = Article.Status.PUBLISHED
