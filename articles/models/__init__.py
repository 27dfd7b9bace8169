"""The archive's domain: festivals and their editions, sessions and who was on stage, the articles
that covered them, the quotes those articles reported, and readers' comments. One model family a
module, each model with its queryset; everything is importable from here."""

from ..languages import content_languages  # the migrations name the languages' choices here
from .base import NamedInEachLanguage, PublicWhenCovered, RemembersSavedValues
from .comments import ReaderComment
from .coverage import Article, publication_moment
from .festivals import Edition, Festival, Topic
from .imports import ImportJob, WordPressComment, WordPressPost
from .people import Person
from .quotes import POSITION_TAKEN, Quote, shared_positions
from .sessions import Panel, Participation

__all__ = [
    "POSITION_TAKEN",
    "Article",
    "Edition",
    "Festival",
    "ImportJob",
    "NamedInEachLanguage",
    "Panel",
    "Participation",
    "Person",
    "PublicWhenCovered",
    "Quote",
    "ReaderComment",
    "RemembersSavedValues",
    "Topic",
    "WordPressComment",
    "WordPressPost",
    "content_languages",
    "publication_moment",
    "shared_positions",
]
