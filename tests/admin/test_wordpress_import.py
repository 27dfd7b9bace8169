"""The admin's “Import from WordPress” page: an editor uploads an export and reads what came in and
what was left out, or every problem with nothing written; contributors cannot import a site."""

import html
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from articles.models import Article
from tests.factories import ArticleFactory, PanelFactory
from tests.helpers.importing import table
from tests.helpers.pages import visible_text
from tests.helpers.tasks import submit_import
from tests.helpers.wordpress import FRENCH

# The worker runs as in production, closing connections it finds in a transaction: no test transaction
# (and the newsroom's groups put back, as the flush after a test empties them).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("newsroom_groups")]

PAGE = "/admin/articles/article/import/wordpress/"


def upload(client, content, name="export.xml", **fields):
    return submit_import(client, PAGE, {"file": SimpleUploadedFile(name, content, "text/xml"), **fields})


def test_an_editor_finds_the_page_from_the_article_list(editor):
    assert reverse("admin:articles_article_import_wordpress") == PAGE
    assert f'href="{PAGE}"' in editor.get(reverse("admin:articles_article_changelist")).content.decode()
    page = editor.get(PAGE)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    assert "csrfmiddlewaretoken" in page.content.decode()


def test_an_editor_imports_an_export_and_sees_what_came_in_and_what_was_left_out(editor):

    response = upload(editor, FRENCH.read_bytes(), name="regard-critique.xml")

    assert response.status_code == 200
    text = visible_text(response)
    assert "Imported: Articles: 3 created, 0 updated, 0 unchanged;" in text
    assert ["Articles", "3", "0", "0"] in table(response, "import-counts")
    assert ["Comments", "5", "0", "0"] in table(response, "import-counts")
    assert "Not coverage, left out: attachment: 1, page: 1, pingback: 1." in text
    skipped = [row[2] for row in table(response, "import-skipped")]
    assert "It is password-protected: readers of the archive could not see it." in skipped
    assert Article.objects.count() == 3


def test_the_report_leads_to_the_imported_articles_still_to_structure(editor):
    already = ArticleFactory(title="Covered already")
    already.panels.add(PanelFactory())
    report = upload(editor, FRENCH.read_bytes())
    link = re.search(r'href="([^"]+\?structured=imported)"', report.content.decode()).group(1)

    worklist = editor.get(html.unescape(link))

    assert worklist.status_code == 200
    titles = [row[1] for row in table(worklist, "result_list")]
    imported = Article.objects.filter(wordpress_post__isnull=False).order_by("-published_on", "-pk")
    assert titles == [article.title for article in imported]
    imported.first().panels.add(PanelFactory())
    assert len(table(editor.get(html.unescape(link)), "result_list")) == len(titles) - 1
    everything = table(editor.get("/admin/articles/article/?structured=none"), "result_list")
    assert "Covered already" not in [row[1] for row in everything]


def test_a_dry_run_writes_nothing(editor):
    response = upload(editor, FRENCH.read_bytes(), dry_run="on")
    assert "Checked, nothing written: Articles: 3 created" in visible_text(response)
    assert not Article.objects.exists()


def test_a_broken_export_is_answered_with_its_problem_and_nothing_written(editor):
    content = FRENCH.read_bytes()

    response = upload(editor, content[: len(content) // 2])

    assert "Failed" in visible_text(response)
    assert "The file has 1 problem; nothing was written." in visible_text(response)
    assert "it was cut short; export it again" in table(response, "import-errors")[0][2]
    assert not Article.objects.exists()
    assert upload(editor, b"").status_code == 200  # an empty upload: the form says so
    assert "The submitted file is empty." in visible_text(upload(editor, b""))


def test_contributors_and_readers_cannot_import_a_site(client, contributor):
    assert client.get(PAGE).status_code == 302  # to the login page
    assert contributor.get(PAGE).status_code == 403
    assert upload(contributor, FRENCH.read_bytes()).status_code == 403
    assert not Article.objects.exists()
    changelist = contributor.get(reverse("admin:articles_article_changelist")).content.decode()
    assert f'href="{PAGE}"' not in changelist
