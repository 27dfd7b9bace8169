"""A WordPress import writes its posts a batch at a time (articles/importers/wordpress/batch.py):
its queries hardly grow with the posts of a batch, and a post given twice is imported once."""

import io
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importers.wordpress import import_wordpress
from articles.models import Article, ReaderComment, WordPressPost
from tests.helpers.wordpress import FRENCH, skipped_reasons

pytestmark = pytest.mark.django_db

SLUG = "annecy-studios-animation-ia"


def copies_of_the_first_post(count):
    """The French export with its first post `count` times, each with a number, guid, address and
    comments of its own."""
    text = FRENCH.read_text(encoding="utf-8")
    start, end = text.index("\t<item>"), text.index("</item>") + len("</item>")
    post = text[start:end]
    assert SLUG in post and "<wp:post_id>412</wp:post_id>" in post

    def copy(number):
        renumbered = post.replace(SLUG, f"{SLUG}-{number}").replace("?p=412", f"?p={10_000 + number}")
        renumbered = renumbered.replace(
            "<wp:post_id>412</wp:post_id>", f"<wp:post_id>{10_000 + number}</wp:post_id>"
        )
        return re.sub(
            r"<wp:comment_(id|parent)>(\d+)</wp:comment_\1>",
            lambda m: (
                f"<wp:comment_{m[1]}>{int(m[2]) + 1000 * number if m[2] != '0' else 0}</wp:comment_{m[1]}>"
            ),
            renumbered,
        )

    return (text[:start] + "\n".join(copy(n) for n in range(count)) + text[end:]).encode()


def queries_to_import(content):
    with CaptureQueriesContext(connection) as captured:
        report = import_wordpress(io.BytesIO(content))
    assert report.ok, [str(error) for error in report.errors]
    return len(captured.captured_queries)


def test_the_posts_of_a_batch_cost_no_queries_of_their_own():
    """Ten times the posts (each with seven comments) add only the statements that SQLite's limit of
    parameters a statement splits a bulk insert into: no query a post."""
    import_wordpress(io.BytesIO(copies_of_the_first_post(1)))  # the topics, there from now on
    Article.objects.all().delete()

    few = queries_to_import(copies_of_the_first_post(3))
    Article.objects.all().delete()
    many = queries_to_import(copies_of_the_first_post(30))

    assert many - few < 10
    assert Article.objects.filter(slug__startswith=SLUG).count() == 30
    first = Article.objects.get(slug=f"{SLUG}-0")
    replies = ReaderComment.objects.filter(object_pk=str(first.pk), parent__isnull=False)
    assert replies.exists() and all(reply.parent.parent_id is None for reply in replies)


def test_a_post_given_twice_in_one_export_is_imported_once_and_the_second_listed():
    text = FRENCH.read_text(encoding="utf-8")
    start, end = text.index("\t<item>"), text.index("</item>") + len("</item>")
    twice = (text[:end] + "\n" + text[start:end] + text[end:]).encode()

    report = import_wordpress(io.BytesIO(twice))

    assert report.ok
    assert WordPressPost.objects.filter(post_id=412).count() == 1
    assert Article.objects.filter(slug__startswith=SLUG).count() == 1
    assert any("It is in the export twice, as post 412" in reason for reason in skipped_reasons(report))
