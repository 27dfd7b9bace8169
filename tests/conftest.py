import io
import os
from importlib import import_module
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.utils import translation

from articles.models import Article, Participation
from tests.factories import ArticleFactory, QuoteFactory
from tests.helpers.newsroom import member_of

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
def quick_passwords(settings):
    """The accounts tests sign in with get their passwords hashed with a quick hasher: with Django's
    own, made slow on purpose, creating each account was most of the time of an admin test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in English. A request to /fr/… leaves French active in the thread that
    made it (a server sets the language again for each request), and addresses built afterwards
    would carry its prefix."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture(autouse=True)
def empty_cache(settings, tmp_path_factory):
    """Each test starts with an empty cache: no comments counted against the rate limit. The page
    cache's stamp file is this run's own, so that another run on the machine (the other database's
    suite, a server) cannot start a new generation of pages in the middle of a test."""
    cache.clear()
    settings.PAGE_CACHE_STAMP = tmp_path_factory.getbasetemp() / "pages.stamp"


@pytest.fixture(scope="session")
def demo_copy(tmp_path_factory):
    """Where the demo coverage is kept once loaded, for the tests after the first (each test process
    has its own)."""
    return tmp_path_factory.mktemp("demo") / "demo.json"


@pytest.fixture
def demo(db, demo_copy):
    """The demo coverage, loaded as `make run` loads it. The first test of a run imports it; the
    others load the rows that import wrote, history included, which takes a fraction of the time."""
    if demo_copy.exists():
        call_command("loaddata", str(demo_copy), verbosity=0)
    else:
        call_command("load_demo", stdout=io.StringIO())
        call_command("dumpdata", "articles", output=str(demo_copy), verbosity=0)


@pytest.fixture
def draft_quote(demo):
    """A quote from the demo's session, reported by an article still in draft."""
    on_stage = Participation.objects.get(person__slug="simon-weisse")
    draft = ArticleFactory(status=Article.Status.DRAFT, title="Draft about miniatures")
    return QuoteFactory(participation=on_stage, article=draft, text="Secret words, not yet published.")


@pytest.fixture
def seed_article_text():
    """The customer's original article, from ../shared (always there in CI)."""
    if not SEED_ARTICLE.exists():
        if os.environ.get("CI"):
            pytest.fail(f"the seed article is missing at {SEED_ARTICLE}")
        pytest.skip(f"the seed article is not at {SEED_ARTICLE}")
    return SEED_ARTICLE.read_text(encoding="utf-8")


# The data migrations that create the newsroom's groups, and their functions.
ROLE_MIGRATIONS = [
    ("0008_editor_and_contributor_groups", "create_groups"),
    ("0011_reader_comments", "editors_moderate"),
]


@pytest.fixture
def newsroom_groups(db):
    """The newsroom groups, as migrations 0008 and 0011 create them. A transactional test that ran before
    this one emptied every table as it ended, these groups too; they are then put back by the
    migrations' own code. (serialized_rollback cannot: the flush recreated the content types under
    new ids, so the saved copy no longer loads.)"""
    if not Group.objects.filter(name="Editor").exists():
        state = MigrationLoader(connection).project_state()
        for migration, function in ROLE_MIGRATIONS:
            getattr(import_module(f"articles.migrations.{migration}"), function)(state.apps, None)


@pytest.fixture
def editor(newsroom_groups):
    return member_of("Editor")


@pytest.fixture
def contributor(newsroom_groups):
    return member_of("Contributor")
