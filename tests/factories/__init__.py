"""Factories for tests: each builds a valid record with everything it needs (factory_boy), one
module per model family as in articles/models/."""

from .comments import ReaderCommentFactory
from .coverage import ArticleFactory
from .festivals import EditionFactory, FestivalFactory, TopicFactory
from .people import PersonFactory
from .quotes import QuoteFactory
from .sessions import PanelFactory, ParticipationFactory

__all__ = [
    "ArticleFactory",
    "EditionFactory",
    "FestivalFactory",
    "PanelFactory",
    "ParticipationFactory",
    "PersonFactory",
    "QuoteFactory",
    "ReaderCommentFactory",
    "TopicFactory",
]
