import io
import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.core.management import call_command

from .helpers import member_of

SEED_ARTICLE = Path(__file__).resolve().parents[2] / "shared" / "seed" / "seed-article.txt"


@pytest.fixture(autouse=True)
def static_files_from_source(settings):
    """Tests run no collectstatic: static files come from the source folders, under their own names
    (test_static_files.py checks the hashed, compressed ones a deployment serves)."""
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: no comments counted against the rate limit."""
    cache.clear()


@pytest.fixture
def demo(db):
    """The demo coverage, loaded as `make run` loads it."""
    call_command("load_demo", stdout=io.StringIO())


@pytest.fixture
def seed_article_text():
    """The customer's original article, from ../shared (always there in CI)."""
    if not SEED_ARTICLE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the seed article is missing at {SEED_ARTICLE}")
        pytest.skip(f"the seed article is not at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_text(encoding="utf-8")


@pytest.fixture
def editor(db):
    return member_of("Editor")


@pytest.fixture
def contributor(db):
    return member_of("Contributor")
