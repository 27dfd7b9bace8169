"""Festivals, editions and topics."""

import datetime

import factory

from articles.models import Edition, Festival, Topic


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
