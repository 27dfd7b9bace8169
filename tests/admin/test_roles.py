"""Editors publish and delete; contributors write drafts and submit them for review."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from articles.models import Article, Quote
from tests.factories import ArticleFactory, QuoteFactory
from tests.helpers.admin_forms import submit_admin_form

pytestmark = pytest.mark.django_db


def change_url(obj):
    return reverse(f"admin:articles_{obj._meta.model_name}_change", args=[obj.pk])


def test_the_roles_exist_after_migrating():
    assert set(Group.objects.values_list("name", flat=True)) >= {"Editor", "Contributor"}


def test_a_contributor_writes_a_draft_and_submits_it_for_review(contributor):
    response = submit_admin_form(
        contributor,
        reverse("admin:articles_article_add"),
        title="Report from the market",
        slug="report-from-the-market",
        published_on="2025-05-21",
        language="en",
        status="in_review",
    )
    assert response.status_code == 302
    assert Article.objects.get(slug="report-from-the-market").status == Article.Status.IN_REVIEW


def test_a_contributor_cannot_publish_through_the_form(contributor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    html = contributor.get(change_url(draft)).content.decode()
    assert 'value="published"' not in html
    response = submit_admin_form(contributor, change_url(draft), status="published")
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_a_contributor_is_not_offered_publishing_actions(contributor):
    ArticleFactory(status=Article.Status.DRAFT)
    actions = contributor.get(reverse("admin:articles_article_changelist")).context["action_form"]
    offered = {value for value, _ in actions.fields["action"].choices}
    assert "submit_for_review" in offered
    assert not offered & {"publish", "move_to_draft", "delete_selected"}


def test_a_contributor_cannot_publish_by_posting_the_action_anyway(contributor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    contributor.post(
        reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [draft.pk]}
    )
    draft.refresh_from_db()
    assert draft.status == Article.Status.DRAFT


def test_a_contributor_cannot_delete(contributor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    response = contributor.post(reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"})
    assert response.status_code == 403
    assert Article.objects.filter(pk=draft.pk).exists()


def test_a_contributor_cannot_change_published_coverage(contributor):
    quote = QuoteFactory()
    response = submit_admin_form(contributor, change_url(quote.article), title="Changed")
    assert response.status_code == 403
    assert contributor.post(change_url(quote), {"text": "Changed"}).status_code == 403
    assert Quote.objects.get(pk=quote.pk).text != "Changed"


def test_an_editor_publishes_through_the_form_and_the_action(editor, client):
    in_review = ArticleFactory(status=Article.Status.IN_REVIEW)
    assert submit_admin_form(editor, change_url(in_review), status="published").status_code == 302
    second = ArticleFactory(status=Article.Status.IN_REVIEW)
    editor.post(
        reverse("admin:articles_article_changelist"), {"action": "publish", "_selected_action": [second.pk]}
    )
    assert set(Article.objects.public().values_list("pk", flat=True)) == {in_review.pk, second.pk}


def test_an_editor_deletes(editor):
    draft = ArticleFactory(status=Article.Status.DRAFT)
    response = editor.post(reverse("admin:articles_article_delete", args=[draft.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Article.objects.filter(pk=draft.pk).exists()


def test_an_article_in_review_is_not_public(client):
    article = QuoteFactory(article__status=Article.Status.IN_REVIEW).article
    assert client.get(article.get_absolute_url()).status_code == 404
