"""The published article the comment tests comment on."""

import pytest

from tests.factories import ArticleFactory


@pytest.fixture
def article(db):
    return ArticleFactory(title="A published report")
