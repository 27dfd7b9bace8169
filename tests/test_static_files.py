"""As deployed (DEBUG off, after collectstatic), static files are served by whitenoise under hashed
names, compressed, and cached by browsers for good."""

import io
import re

from django.core.management import call_command
from django.test import Client


def test_a_deployment_serves_hashed_compressed_static_files_cached_for_good(db, settings, tmp_path):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", interactive=False, stdout=io.StringIO())
    client = Client()  # a new handler: whitenoise reads the collected files as the server starts

    html = client.get("/").content.decode()
    stylesheet = re.search(r'<link rel="stylesheet" href="(/static/css/site\.[0-9a-f]{12}\.css)">', html)
    assert stylesheet, "the page links the stylesheet under its hashed name"

    response = client.get(stylesheet.group(1), HTTP_ACCEPT_ENCODING="gzip, br")
    assert response.status_code == 200
    assert response["Content-Encoding"] in {"gzip", "br"}
    assert "immutable" in response["Cache-Control"]
    assert "max-age=315360000" in response["Cache-Control"]
    response.close()
