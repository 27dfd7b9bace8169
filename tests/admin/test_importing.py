"""The admin's “Import coverage” page: uploading a file, the counts or every problem in a table, and
who may import what."""

import pytest
from django.contrib.auth.models import User
from django.urls import reverse

from articles.models import Article
from tests.helpers.importing import ARTICLE, IMPORT_URL, counts, demo_coverage, table, upload
from tests.helpers.newsroom import member_of
from tests.helpers.pages import visible_text

# The worker runs as in production, closing connections it finds in a transaction: no test transaction
# (and the newsroom's groups put back, as the flush after a test empties them).
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("newsroom_groups")]


FORMAT_URL = "/admin/articles/article/import/format/"


def test_the_article_list_links_to_the_import_page(admin_client):
    response = admin_client.get(reverse("admin:articles_article_changelist"))
    assert f'href="{IMPORT_URL}"' in response.content.decode()
    assert reverse("admin:articles_article_import") == IMPORT_URL


def test_the_import_page_links_to_the_format_every_key_explained(admin_client, client):
    page = admin_client.get(IMPORT_URL)
    assert f'href="{FORMAT_URL}"' in page.content.decode()
    described = admin_client.get(FORMAT_URL)
    assert described["Content-Type"] == "text/plain; charset=utf-8"
    text = b"".join(described.streaming_content).decode()
    for kind in ["festivals", "editions", "topics", "people", "panels", "articles"]:
        assert f"### `{kind}`" in text
    assert "`name_fr`, `name_de`" in text
    assert client.get(FORMAT_URL).status_code == 302  # to the login page


def test_an_editor_uploads_a_file_and_sees_the_counts(admin_client):
    page = admin_client.get(IMPORT_URL)
    assert page.status_code == 200
    assert "Import coverage" in visible_text(page)
    assert 'enctype="multipart/form-data"' in page.content.decode()

    response = upload(admin_client, demo_coverage())

    assert response.status_code == 200
    text = visible_text(response)
    assert "Imported: Festivals: 1 created, 0 updated, 0 unchanged;" in text
    assert ["quotes", "9", "0", "0"] in table(response, "import-counts")
    assert counts()["Quote"] == 9

    again = upload(admin_client, demo_coverage())
    assert ["quotes", "0", "0", "9"] in table(again, "import-counts")
    assert ["participants", "0", "0", "4"] in table(again, "import-counts")


def test_a_bad_file_shows_every_problem_in_a_table_and_writes_nothing(admin_client):
    data = demo_coverage()
    data["articles"][0]["quotes"][3]["speaker"] = "nobody-we-know"
    data["people"].append({"slug": "jane-doe", "name": "Jane Doe", "website": "jane at example"})

    response = upload(admin_client, data)

    assert "Failed" in visible_text(response)
    assert "The file has 2 problems; nothing was written." in visible_text(response)
    assert table(response, "import-errors") == [
        ["people[4] (jane-doe)", "website", "Enter a valid URL."],
        [
            f"{ARTICLE}.quotes[3] (position 4)",
            "speaker",
            "No person “nobody-we-know” in the file or in the archive.",
        ],
    ]
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_admin_page_says_when_a_file_is_not_json(admin_client):
    response = upload(admin_client, b"\x89PNG not json", name="photo.png")
    assert "Failed" in visible_text(response)
    assert "not UTF-8 text" in visible_text(response) or "not valid JSON" in visible_text(response)


def test_a_file_over_the_size_limit_is_refused(admin_client):
    response = upload(admin_client, b" " * (10 * 1024 * 1024 + 1))
    assert "the limit is 10 MB" in visible_text(response)
    assert counts() == dict.fromkeys(counts(), 0)


def test_the_admin_page_can_only_check_a_file(admin_client):
    response = upload(admin_client, demo_coverage(), dry_run="on")
    assert "Checked, nothing written: Festivals: 1 created" in visible_text(response)
    assert ["quotes", "9", "0", "0"] in table(response, "import-counts")
    assert counts() == dict.fromkeys(counts(), 0)


def test_a_contributor_imports_drafts_but_cannot_publish(client):
    contributor = member_of("Contributor")
    response = upload(contributor, demo_coverage())
    assert "Failed" in visible_text(response)
    assert table(response, "import-errors") == [
        [
            ARTICLE,
            "status",
            'Only editors may publish: import it with "status": "draft" or "in_review".',
        ]
    ]
    assert counts() == dict.fromkeys(counts(), 0)

    data = demo_coverage()
    data["articles"][0]["status"] = "draft"
    response = upload(contributor, data)
    assert response.status_code == 200, visible_text(response)
    assert Article.objects.get().status == Article.Status.DRAFT


def test_a_contributor_cannot_take_a_published_article_back_through_an_import(client, demo):
    data = demo_coverage()
    data["articles"][0]["status"] = "draft"
    response = upload(member_of("Contributor"), data)
    assert "This article is published already; only editors may change it." in visible_text(response)
    assert Article.objects.get().status == Article.Status.PUBLISHED


def test_a_visitor_is_sent_to_log_in(client):
    response = client.get(IMPORT_URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    response = upload(client, demo_coverage())
    assert response.status_code == 302
    assert counts() == dict.fromkeys(counts(), 0)


def test_staff_who_may_not_add_articles_are_refused(client):
    client.force_login(User.objects.create_user("reader", password="x", is_staff=True))
    assert client.get(IMPORT_URL).status_code == 403
    assert client.get(FORMAT_URL).status_code == 403
    assert upload(client, demo_coverage()).status_code == 403
    assert counts() == dict.fromkeys(counts(), 0)
