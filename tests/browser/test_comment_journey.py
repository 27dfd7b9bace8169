"""A reader comments, an editor approves the comment in the admin, and readers see it."""

import re

import pytest
from django.contrib.auth.models import Group, User
from playwright.sync_api import expect

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_a_comment_is_posted_approved_and_shown(page):
    article = ArticleFactory(title="Festival report", body="A long report.\n\n" * 40)
    editor = User.objects.create_user("moderator", password="a long pass phrase", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))

    page.set_viewport_size({"width": 390, "height": 844})  # a phone, where the page is long
    page.goto(article.get_absolute_url())
    form = page.locator("#comment-form")
    expect(form.locator(".honeypot")).to_be_hidden()  # the trap for robots, never for readers
    form.get_by_label("Name").fill("Ada Reader")
    form.get_by_label("Email").fill("ada@example.org")
    form.get_by_label("Website").fill("https://ada.example.org")
    form.get_by_label("Comment").fill("Thank you for this report.\nIt helped.")
    form.get_by_role("button", name="Post comment").click()
    status = page.get_by_role("status")
    expect(status).to_contain_text("Your comment awaits moderation")
    expect(status).to_be_in_viewport()  # where the reader lands, beside the comments
    expect(page.locator("#comments")).not_to_contain_text("Thank you for this report.")

    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/admin/login/?next=/admin/articles/readercomment/")
    page.get_by_label("Username").fill("moderator")
    page.get_by_label("Password").fill("a long pass phrase")
    page.get_by_role("button", name="Log in").click()
    row = page.locator("#result_list tbody tr", has_text="Thank you for this report.")
    expect(row).to_contain_text("Awaiting moderation")
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option("approve")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("1 comment approved.")

    page.goto(article.get_absolute_url())
    comment = page.locator("#comments article.comment")
    expect(comment).to_contain_text("Thank you for this report.")
    expect(comment.get_by_role("link", name="Ada Reader", exact=True)).to_have_attribute(
        "rel", "nofollow ugc"
    )
    expect(page.locator("body")).not_to_contain_text("ada@example.org")
    assert "ada@example.org" not in page.content()
    assert re.search(r"It helped\.", comment.inner_text())
