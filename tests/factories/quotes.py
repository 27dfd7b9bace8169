"""Quotes."""

import factory

from articles.models import Quote

from .coverage import ArticleFactory
from .sessions import ParticipationFactory


class QuoteFactory(factory.django.DjangoModelFactory):
    """A quote by someone on the panel, reported by an article covering it."""

    class Meta:
        model = Quote
        skip_postgeneration_save = True

    class Params:
        participation = factory.SubFactory(ParticipationFactory)

    speaker = factory.SelfAttribute("participation.person")
    panel = factory.SelfAttribute("participation.panel")
    article = factory.SubFactory(ArticleFactory)
    text = factory.Sequence(lambda n: f"Words number {n} said on stage.")
    language = "en"

    @factory.post_generation
    def covered(quote, create, extracted, **kwargs):
        if create:
            quote.article.panels.add(quote.panel)
