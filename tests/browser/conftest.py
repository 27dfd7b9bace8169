"""Real-browser tests: Playwright driving Debian's Chromium against a live test server.

Outside CI they are skipped, with the reason, when /usr/bin/chromium is missing; in CI (CI set) a
missing browser fails them. A failing test leaves a screenshot in test-artifacts/."""

import os
import re
from importlib import import_module
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
LAUNCH_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# The data migrations that create the newsroom's groups, and their functions.
ROLE_MIGRATIONS = [
    ("0008_editor_and_contributor_groups", "create_groups"),
    ("0011_reader_comments", "editors_moderate"),
]


@pytest.fixture(autouse=True)
def newsroom_groups(transactional_db):
    """The newsroom groups, as migrations 0008 and 0011 create them. A transactional test that ran before
    this one emptied every table as it ended, these groups too; they are then put back by the
    migrations' own code. (serialized_rollback cannot: the flush recreated the content types under
    new ids, so the saved copy no longer loads.)"""
    if not Group.objects.filter(name="Editor").exists():
        state = MigrationLoader(connection).project_state()
        for migration, function in ROLE_MIGRATIONS:
            getattr(import_module(f"articles.migrations.{migration}"), function)(state.apps, None)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        message = f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    # Playwright's synchronous API runs an event loop in this thread; the ORM calls the tests make
    # between browser steps are still plain synchronous code.
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=LAUNCH_FLAGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, request, live_server):
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        name = re.sub(r"[^\w.-]+", "_", request.node.nodeid)
        page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
    context.close()
