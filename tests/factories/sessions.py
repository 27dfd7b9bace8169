"""Sessions and who was on stage."""

import factory

from articles.models import Panel, Participation

from .festivals import EditionFactory
from .people import PersonFactory


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
