"""What an operator relies on when the archive goes on the internet: deployment checks, security
headers, a locked door after repeated failed logins, a configurable admin address, a health check."""

import io
import json
import os
import re
import shlex
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.core.files.base import ContentFile
from django.db import connection
from PIL import Image

from tests.factories import QuoteFactory

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DEBUG": "0",
    "HTTPS": "1",
    "SECRET_KEY": "k3J9-a-long-random-production-key-x8Qw2vLz0pR7tY5uN1mB4cE6gH",
    "ALLOWED_HOSTS": "archive.example.org",
}


def manage(*args, **env):
    # Not what the browser tests allow themselves (tests/browser/conftest.py).
    inherited = {name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**inherited, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_the_deployment_checklist_passes_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_development_key_is_refused_for_a_public_host():
    result = manage("check", **{**PRODUCTION, "SECRET_KEY": ""})
    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_the_admin_address_comes_from_the_environment():
    code = "from django.urls import reverse; print(reverse('admin:index'))"
    result = manage("shell", "-c", code, ADMIN_URL="newsroom-4f1c")
    assert result.stdout.splitlines()[-1] == "/newsroom-4f1c/", result.stderr


@pytest.mark.django_db
def test_public_pages_carry_the_security_headers(client):
    response = client.get("/")
    policy = response["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


@pytest.mark.django_db
def test_repeated_failed_logins_lock_the_account_for_that_address(client, settings):
    User.objects.create_user("editor", password="the right pass phrase", is_staff=True)
    for attempt in range(1, settings.AXES_FAILURE_LIMIT + 1):
        response = client.post("/admin/login/", {"username": "editor", "password": "wrong"})
        if attempt < settings.AXES_FAILURE_LIMIT:
            assert "Please enter the correct username and password" in response.content.decode()
    assert response.status_code == 429, "the last failure locks the door"
    assert "locked" in response.content.decode().lower()
    locked = client.post("/admin/login/", {"username": "editor", "password": "the right pass phrase"})
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    elsewhere = client.post(
        "/admin/login/",
        {"username": "editor", "password": "the right pass phrase"},
        REMOTE_ADDR="192.0.2.7",
    )
    assert elsewhere.status_code == 302, "the same editor elsewhere is not locked out"


@pytest.mark.django_db
def test_the_health_check_answers_200_with_the_database_up(client):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db(transaction=True)
def test_the_health_check_answers_503_when_the_database_is_unreachable(client):
    if connection.vendor != "postgresql":
        pytest.skip("an unreachable server is a PostgreSQL matter; SQLite is a file in the process")
    port = connection.settings_dict["PORT"]
    connection.close()
    connection.settings_dict["PORT"] = 1  # nothing listens there
    try:
        response = client.get("/healthz/")
    finally:
        connection.close()
        connection.settings_dict["PORT"] = port
    assert response.status_code == 503
    assert response.json()["database"] == "unreachable"


def test_the_compose_health_check_asks_as_a_host_the_site_allows(live_server, settings):
    """docker-compose.yml's health check of the app, run as Docker runs it, against a server that
    allows only its public host: Django refuses a request to 127.0.0.1, so a plain curl would keep
    a public deployment "unhealthy" for ever."""
    compose = (ROOT / "docker-compose.yml").read_text().splitlines()
    line = next(line for line in compose if "/healthz/" in line and "test:" in line)
    command = json.loads(line.split("test:", 1)[1])[1].replace("$$", "$")  # compose's escape of $
    command = command.replace("http://127.0.0.1:8000", live_server.url)
    settings.ALLOWED_HOSTS = [".archive.example.org"]
    environment = {**os.environ, "ALLOWED_HOSTS": ".archive.example.org,www.archive.example.org"}

    assert subprocess.run(["sh", "-c", command], env=environment, timeout=30).returncode == 0
    plain = subprocess.run(["curl", "-fs", "-o", "/dev/null", f"{live_server.url}/healthz/"], timeout=30)
    assert plain.returncode != 0


def compose_app_command():
    """The app's `command: >` in docker-compose.yml, as the arguments compose runs: the lines folded
    into one, `$$` read as `$`, then split as a shell would."""
    lines = (ROOT / "docker-compose.yml").read_text().splitlines()
    start = next(index for index, line in enumerate(lines) if line.strip() == "command: >")
    indent = len(lines[start + 1]) - len(lines[start + 1].lstrip())
    folded = []
    for line in lines[start + 1 :]:
        if len(line) - len(line.lstrip()) < indent:
            break
        folded.append(line.strip())
    return shlex.split(" ".join(folded).replace("$$", "$"))


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_the_compose_app_command_migrates_loads_the_demo_and_serves(tmp_path):
    """docker-compose.yml's start of the app, run as the image runs it (its Python first on PATH), on
    a new database: migrations, static files, the demo with LOAD_DEMO=1, then gunicorn."""
    port = free_port()
    environment = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DEBUG": "0",
        "ALLOWED_HOSTS": "localhost,127.0.0.1",
        "BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "1",
        "LOAD_DEMO": "1",
    }
    log = tmp_path / "app.log"
    with log.open("w") as output:
        app = subprocess.Popen(compose_app_command(), cwd=ROOT, env=environment, stdout=output, stderr=output)
    try:
        for _ in range(600):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz/", timeout=1) as health:
                    assert health.status == 200
                break
            except (
                urllib.error.URLError,
                ConnectionError,
                TimeoutError,
            ):  # not up yet, or still busy starting
                assert app.poll() is None, log.read_text()
                time.sleep(0.1)
        else:
            pytest.fail(f"The app did not answer within a minute:\n{log.read_text()}")
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=10) as home:
            page = home.read().decode()
        stylesheet = re.search(r'href="(/static/[^"]+\.css)"', page).group(1)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}{stylesheet}", timeout=10) as styles:
            assert styles.status == 200
    finally:
        app.terminate()
        app.wait(timeout=30)
    assert '<figure class="quote"' in page  # the demo's quotes
    assert re.fullmatch(r"/static/css/\w+\.[0-9a-f]{12}\.css", stylesheet)  # collected, hashed


def test_a_second_server_on_a_port_already_served_refuses_to_start():
    """Each worker has a socket of its own (reuse_port), which would otherwise let a second server
    share the port silently: old and new code answering in turn after a careless restart."""
    port = free_port()
    environment = {**os.environ, "BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1", "DEBUG": "0"}
    gunicorn = [str(Path(sys.executable).parent / "gunicorn"), "-c", "python:festival.gunicorn_conf"]
    first = subprocess.Popen(gunicorn, cwd=ROOT, env=environment, stderr=subprocess.PIPE, text=True)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        second = subprocess.run(
            gunicorn, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=60
        )
        assert second.returncode != 0
        assert f"Something already answers on 127.0.0.1:{port}" in second.stderr
        assert first.poll() is None  # the first one serves on
    finally:
        first.terminate()
        _, log = first.communicate(timeout=30)
    assert f"Serving on http://127.0.0.1:{port}" in log


@pytest.mark.django_db
def test_photos_uploaded_in_the_admin_show_with_debug_off(client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    assert not settings.DEBUG
    picture = io.BytesIO()
    Image.new("RGB", (8, 8), "teal").save(picture, "PNG")
    quote = QuoteFactory()
    person = quote.speaker
    person.photo.save("portrait.png", ContentFile(picture.getvalue()))

    page = client.get(person.get_absolute_url()).content.decode()
    assert f'src="{person.photo.url}"' in page
    photo = client.get(person.photo.url)
    assert photo.status_code == 200
    assert photo["Content-Type"] == "image/png"
    assert "max-age=86400" in photo["Cache-Control"]
    assert b"".join(photo.streaming_content) == picture.getvalue()

    (tmp_path.parent / "secret.txt").write_text("not for readers")
    for outside in ["/media/../secret.txt", "/media/%2e%2e/secret.txt", "/media/people/missing.png"]:
        response = client.get(outside)
        assert response.status_code in (400, 404)
        assert b"not for readers" not in response.content


SAME_STATEMENT_SIX_TIMES = """
from django.db import connection
with connection.cursor() as cursor:
    for number in range(6):
        cursor.execute("SELECT %s::int + 1", [number])
    cursor.execute("SELECT count(*) FROM pg_prepared_statements")
    print(cursor.fetchone()[0])
"""


@pytest.mark.parametrize(("setting", "prepared"), [("", True), ("0", False)])
def test_postgresql_plans_a_pages_statements_once_unless_the_operator_turns_that_off(setting, prepared):
    """Prepared statements save PostgreSQL planning a page's queries again on every request; a
    proxy that pools connections by transaction cannot keep them (DATABASE_PREPARED_STATEMENTS=0)."""
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    result = manage("shell", "-c", SAME_STATEMENT_SIX_TIMES, DATABASE_PREPARED_STATEMENTS=setting)
    assert result.returncode == 0, result.stderr
    assert (int(result.stdout.split()[-1]) > 0) is prepared


QUEUE_AN_IMPORT = """
import django, sys
django.setup()
from django.core.files.uploadedfile import SimpleUploadedFile
from articles.importers import jobs
from articles.models import ImportJob
upload = SimpleUploadedFile("demo.json", open(sys.argv[1], "rb").read())
print(jobs.start(ImportJob.Kind.COVERAGE, upload, user=None, may_publish=True, dry_run=False).pk)
"""


def test_the_compose_worker_runs_an_import_queued_by_the_site(tmp_path):
    """docker-compose.yml's worker, run as the image runs it, on a new SQLite database (the one the
    web server writes to at the same time): it takes the import the site queued and does it."""
    lines = (ROOT / "docker-compose.yml").read_text().splitlines()
    worker = next(index for index, line in enumerate(lines) if line.strip() == "worker:")
    command = json.loads(next(line for line in lines[worker:] if "command:" in line).split("command:", 1)[1])
    environment = {
        **{name: value for name, value in os.environ.items() if name != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "PATH": f"{Path(sys.executable).parent}:{os.environ['PATH']}",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'archive.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "DJANGO_SETTINGS_MODULE": "festival.settings",
    }
    python = str(Path(sys.executable))
    subprocess.run(
        [python, "manage.py", "migrate", "-v0"], cwd=ROOT, env=environment, check=True, timeout=120
    )
    demo = next((ROOT / "articles" / "demo_coverage").glob("*.json"))
    queued = subprocess.run(
        [python, "-c", QUEUE_AN_IMPORT, str(demo)], cwd=ROOT, env=environment, capture_output=True, text=True
    )
    job = int(queued.stdout.strip().splitlines()[-1])
    log = tmp_path / "worker.log"
    with log.open("w") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=environment, stdout=output, stderr=output)
    try:
        for _ in range(600):
            with sqlite3.connect(tmp_path / "archive.sqlite3") as database:
                status, done, total = database.execute(
                    "SELECT status, done, total FROM articles_importjob WHERE id = ?", [job]
                ).fetchone()
            if status in ("done", "failed"):
                break
            assert process.poll() is None, log.read_text()
            time.sleep(0.1)
        else:
            pytest.fail(f"The worker did not finish the import within a minute:\n{log.read_text()}")
        with sqlite3.connect(tmp_path / "archive.sqlite3") as database:
            quotes = database.execute("SELECT count(*) FROM articles_quote").fetchone()[0]
    finally:
        process.terminate()
        process.wait(timeout=30)
    assert (status, done) == ("done", total)
    assert quotes == 9
