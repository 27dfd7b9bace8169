"""Every change to articles, sessions, quotes and people is kept: who, when, each field before and
after, and any earlier version can be restored from the admin."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from articles.models import Article, Person, Quote
from tests.factories import ArticleFactory, PanelFactory, PersonFactory, QuoteFactory
from tests.helpers.admin_forms import submit_admin_form
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db


def admin_url(obj, view="change", *args):
    return reverse(f"admin:articles_{obj._meta.model_name}_{view}", args=[obj.pk, *args])


def history_page(client, obj):
    response = client.get(admin_url(obj, "history"))
    assert response.status_code == 200
    return visible_text(response)


def restore(client, obj, version, **changes):
    """Open an earlier version from the history page and press its Revert button."""
    return submit_admin_form(client, admin_url(obj, "simple_history", version.history_id), **changes)


def test_an_edit_is_recorded_with_who_when_and_each_field_before_and_after(editor):
    article = ArticleFactory(title="Berlin talks about AI", author="A. Writer")
    response = submit_admin_form(editor, admin_url(article), title="Berlin debates AI", author="B. Writer")
    assert response.status_code == 302

    latest = article.history.first()
    assert latest.history_user.username == "editor"
    changes = latest.diff_against(latest.prev_record).changes
    assert {change.field for change in changes} == {"title", "author"}, [
        (c.field, c.old, c.new) for c in changes
    ]
    page = history_page(editor, article)
    assert "Title: Berlin talks about AI → Berlin debates AI" in page
    assert "Author: A. Writer → B. Writer" in page
    assert "editor" in page


@pytest.mark.parametrize(
    ("factory", "field", "value"),
    [(PersonFactory, "name", "Renamed Person"), (PanelFactory, "title", "Renamed session")],
)
def test_people_and_sessions_keep_their_history_too(editor, factory, field, value):
    thing = factory()
    before = getattr(thing, field)
    submit_admin_form(editor, admin_url(thing), **{field: value})
    assert f"{field.capitalize()}: {before} → {value}" in history_page(editor, thing)


def test_a_quote_edited_with_its_article_is_recorded_with_the_editor(editor):
    quote = QuoteFactory(text="We start from the real world.")
    submit_admin_form(
        editor, admin_url(quote.article), **{"quotes-0-text": "We always start from the real world."}
    )
    latest = quote.history.first()
    assert latest.text == "We always start from the real world."
    assert latest.history_user.username == "editor"
    assert "We start from the real world. → We always start from the real world." in history_page(
        editor, quote
    )


def test_publishing_from_the_list_is_recorded(editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    editor.post(
        reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    latest = draft.history.first()
    assert (latest.status, latest.history_user.username, latest.history_change_reason) == (
        Article.Status.PUBLISHED,
        "editor",
        "Published",
    )
    assert "Status: draft → published" in history_page(editor, draft)


def test_an_earlier_version_can_be_restored(editor):
    article = ArticleFactory(title="First headline", summary="First summary")
    first = article.history.get()
    submit_admin_form(editor, admin_url(article), title="Second headline", summary="Second summary")

    response = restore(editor, article, first)
    assert response.status_code == 302
    article.refresh_from_db()
    assert (article.title, article.summary) == ("First headline", "First summary")
    assert article.history.count() == 3  # the restore is a version of its own


def test_restoring_a_session_to_another_edition_updates_what_readers_see(editor):
    """A restore goes through the same bookkeeping as an edit: the edition it leaves is re-checked."""
    panel = PanelFactory()
    ArticleFactory(status=Article.Status.PUBLISHED).panels.add(panel)
    first_edition = panel.edition
    first = panel.history.first()
    moved_to = PanelFactory().edition
    submit_admin_form(editor, admin_url(panel), edition=str(moved_to.pk))
    first_edition.refresh_from_db()
    assert not first_edition.is_public

    restore(editor, panel, first)
    first_edition.refresh_from_db()
    moved_to.refresh_from_db()
    assert first_edition.is_public
    assert not moved_to.is_public


def test_a_deleted_quote_can_be_restored(editor):
    quote = QuoteFactory(text="Words that were deleted by mistake.")
    version = quote.history.get()
    pk = quote.pk
    quote.delete()
    assert "Words that were deleted by mistake." in history_page(editor, Quote(pk=pk))

    restore(editor, Quote(pk=pk), version)
    assert Quote.objects.get(pk=pk).text == "Words that were deleted by mistake."


def test_a_contributor_cannot_restore_a_published_article_to_an_earlier_draft(editor, contributor):
    article = ArticleFactory(status=Article.Status.DRAFT, title="Draft headline")
    draft_version = article.history.get()
    article.status = Article.Status.PUBLISHED
    article.save()

    page = contributor.get(admin_url(article, "simple_history", draft_version.history_id))
    assert "Revert" not in page.content.decode()
    response = contributor.post(
        admin_url(article, "simple_history", draft_version.history_id),
        {"title": "Draft headline", "slug": article.slug, "status": "draft"},
    )
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED


def test_a_contributor_restores_their_own_draft(contributor):
    article = ArticleFactory(status=Article.Status.DRAFT, title="Good headline")
    good = article.history.get()
    submit_admin_form(contributor, admin_url(article), title="Bad headline")
    assert restore(contributor, article, good).status_code == 302
    article.refresh_from_db()
    assert article.title == "Good headline"


def test_history_of_something_unknown_is_not_found(editor):
    assert editor.get(reverse("admin:articles_article_history", args=[999999])).status_code == 404


@pytest.mark.django_db(transaction=True)  # migrating back and forth leaves tables emptied, not rolled back
def test_what_was_there_before_history_began_gets_a_first_version():
    """So that the first change made after migration 0009 can be undone."""
    before_history = [("articles", "0008_editor_and_contributor_groups")]
    executor = MigrationExecutor(connection)
    executor.migrate(before_history)
    old_person = executor.loader.project_state(before_history).apps.get_model("articles", "Person")
    person = old_person.objects.create(
        name="Ada Early", slug="ada-early", sort_name="Early", index_letter="E"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    first = Person.history.get(id=person.pk)
    assert (first.name, first.history_type) == ("Ada Early", "+")


def test_a_version_a_contributor_may_not_restore_is_shown_to_read(editor, contributor):
    article = ArticleFactory(status=Article.Status.PUBLISHED, title="Published headline")
    version = article.history.get()
    response = contributor.get(admin_url(article, "simple_history", version.history_id))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<input[^>]*name="title"[^>]*disabled', html)
    assert re.search(r'<option value="published" selected>', html)  # as it was, though he may not choose it


def test_a_restore_says_which_version_it_restored_and_no_reason_reads_none(editor):
    article = ArticleFactory(title="First headline")
    first = article.history.get()
    submit_admin_form(editor, admin_url(article), title="Second headline")
    restore(editor, article, first)
    assert article.history.first().history_change_reason.startswith("Restored the version of ")
    rows = history_page(editor, article).split("Changes", 1)[-1]
    assert "Changed editor Title: First headline → Second headline" in rows  # no reason, not "None"


def test_saving_a_form_nobody_changed_changes_nothing(editor):
    article = ArticleFactory(body="First paragraph.\n\nSecond paragraph.")
    # A browser sends the line breaks of a text box as CR LF.
    submit_admin_form(editor, admin_url(article), body="First paragraph.\r\n\r\nSecond paragraph.")
    article.refresh_from_db()
    assert article.body == "First paragraph.\n\nSecond paragraph."
    latest = article.history.first()
    assert latest.diff_against(latest.prev_record).changes == []
