"""Factories for tests and benchmarks: each builds a valid record with everything it needs."""

import datetime

import factory

from .models import Article, Edition, Festival, Panel, Participation, Person, Quote, ReaderComment, Topic


class FestivalFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Festival

    name = factory.Sequence(lambda n: f"Festival {n}")
    short_name = factory.Sequence(lambda n: f"Fest{n}")
    slug = factory.Sequence(lambda n: f"festival-{n}")
    city = "Lyon"
    country = "France"


class EditionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Edition

    festival = factory.SubFactory(FestivalFactory)
    year = 2025
    start_date = datetime.date(2025, 5, 10)
    end_date = datetime.date(2025, 5, 20)


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")


class PersonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Person

    name = factory.Sequence(lambda n: f"Speaker Number{n}")
    slug = factory.Sequence(lambda n: f"speaker-{n}")
    bio = "Works in film."


class PanelFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Panel

    edition = factory.SubFactory(EditionFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    slug = factory.Sequence(lambda n: f"session-{n}")
    date = factory.LazyAttribute(lambda panel: panel.edition.start_date)


class ParticipationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Participation

    panel = factory.SubFactory(PanelFactory)
    person = factory.SubFactory(PersonFactory)
    affiliation = "Producer, Example Films"


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
