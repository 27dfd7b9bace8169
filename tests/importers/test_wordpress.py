"""Importing a WordPress export (articles/importers/wordpress/): posts as articles, categories and
tags as topics, comments with their approval, old addresses as 301s; all or nothing, and the same
export twice changes nothing."""

import datetime
import io

import pytest
from django.contrib.redirects.models import Redirect

from articles.importers.wordpress import import_wordpress
from articles.models import Article, ReaderComment, Topic, WordPressPost
from tests.helpers.pages import visible_text
from tests.helpers.wordpress import FRENCH, GERMAN, THEME_TEST_DATA, exported, skipped_reasons

pytestmark = pytest.mark.django_db

ANNECY = "annecy-studios-animation-ia"


def imported(path_or_bytes, **options):
    content = path_or_bytes if isinstance(path_or_bytes, bytes) else path_or_bytes.read_bytes()
    report = import_wordpress(io.BytesIO(content), **options)
    assert report.ok, [str(error) for error in report.errors]
    return report


def tallies(report):
    return {kind: (t.created, t.updated, t.unchanged) for kind, t in report.counts.items() if t.total}


def test_a_french_sites_posts_become_articles_with_their_text_author_and_language():
    report = imported(FRENCH)

    assert tallies(report) == {
        "articles": (3, 0, 0),
        "topics": (3, 0, 0),
        "comments": (5, 0, 0),
        "redirects": (5, 0, 0),
    }
    article = Article.objects.get(slug=ANNECY)
    assert article.title == "À Annecy, les studios d’animation face à l’IA"  # entities read
    assert (article.author, article.publication) == ("Claire Martin", "Le Regard Critique")
    assert article.language == "fr"
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == datetime.datetime(2025, 6, 12, 16, 30, tzinfo=datetime.UTC)
    assert article.source_url == "https://regard-critique.example/2025/06/12/annecy-studios-animation-ia/"
    assert article.summary == "Quatre producteurs ont débattu de l'IA à Annecy."
    assert article.comments_open
    paragraphs = article.body.split("\n\n")
    assert paragraphs[0].startswith("Mercredi, au Festival international du film d'animation d'Annecy")
    assert "La table ronde du mercredi." in paragraphs  # a caption's words stay, its shortcode goes
    assert "Pour Paul Girard, le vrai danger est ailleurs" in article.body  # <strong> gone, words kept
    for gone in ["alert", "volé", "iframe", "tracker", "[caption", "youtube", "<img", "attachment_415"]:
        assert gone not in article.body
    # A post in English on the French site is read as English.
    assert Article.objects.get(slug="cannes-producers-ai-dubbing").language == "en"
    assert not Article.objects.get(slug="cannes-producers-ai-dubbing").comments_open


def test_drafts_stay_unpublished_and_what_is_not_coverage_is_left_out_and_listed():
    report = imported(FRENCH)

    draft = Article.objects.get(title__startswith="Brouillon")
    assert (draft.status, draft.published_at) == (Article.Status.DRAFT, None)
    assert str(draft.published_on) == "2025-06-01"  # a draft's date, though WordPress gives no UTC one
    assert report.ignored == {"attachment": 1, "page": 1, "pingback": 1}
    reasons = skipped_reasons(report)
    assert any("Réservé aux abonnés" in reason and "password-protected" in reason for reason in reasons)
    assert any("post 500" in reason and "“product”" in reason for reason in reasons)
    assert not Article.objects.filter(title__in=["Mentions légales", "Affiche dédicacée"]).exists()
    assert not Article.objects.filter(title__startswith="Réservé").exists()


def test_categories_and_tags_become_topics_matched_by_name_in_any_language():
    existing = Topic.objects.create(
        name="Artificial intelligence", name_fr="Intelligence artificielle", slug="ai"
    )
    imported(FRENCH)

    article = Article.objects.get(slug=ANNECY)
    assert set(article.topics.values_list("name", flat=True)) == {
        "Artificial intelligence",  # the archive's own topic, found by its French name
        "Doublage",
        "Festivals",
    }
    assert existing in article.topics.all()
    assert not Topic.objects.filter(slug__in=["non-classe", "intelligence-artificielle"]).exists()
    imported(GERMAN)  # "Festivals" again, from another site
    assert Topic.objects.filter(name="Festivals").count() == 1


def test_comments_keep_their_approval_and_thread_and_the_email_stays_private(client):
    report = imported(FRENCH)

    article = Article.objects.get(slug=ANNECY)
    comments = {comment.comment: comment for comment in ReaderComment.objects.all()}
    assert comments["Merci pour ce compte rendu très complet."].is_public
    assert not comments["En attente de modération."].is_public  # awaits a moderator
    assert comments["Achetez maintenant !"].is_removed  # spam stays hidden
    first = comments["Merci pour ce compte rendu très complet."]
    assert comments["Merci Julien !"].parent == first
    assert comments["Avec plaisir."].parent == first  # a reply to a reply, under the thread's first
    assert all(comment.ip_address is None for comment in comments.values())
    assert any("Comment 37 answers comment 30" in reason for reason in skipped_reasons(report))

    page = client.get(article.get_absolute_url())
    text = visible_text(page)
    assert "Merci Julien !" in text and "Avec plaisir." in text
    assert "En attente de modération." not in text and "Achetez" not in text
    assert "julien@lecteurs.example" not in page.content.decode()


def test_the_old_addresses_answer_301_to_the_article(client):
    imported(FRENCH)
    imported(GERMAN)
    article = Article.objects.get(slug=ANNECY)

    for old in ["/2025/06/12/annecy-studios-animation-ia/", "/?p=412", "/?p=412&utm_source=newsletter"]:
        response = client.get(old)
        assert (response.status_code, response["Location"]) == (301, article.get_absolute_url()), old
    # WordPress writes a non-Latin permalink percent-encoded; the browser asks for it so too.
    response = client.get("/%E7%94%B5%E5%BD%B1%E8%8A%82/")
    assert response.status_code == 301
    assert response["Location"] == "/articles/vorschau-das-podium-zur-filmforderung/"
    assert client.get("/?p=99999").status_code == 200  # the home page, as for any other parameter
    assert client.get("/?p=drop%20table").status_code == 200


def test_importing_the_same_export_again_changes_nothing():
    imported(FRENCH)
    stamps = list(Article.objects.values_list("pk", "updated_at"))
    comments = list(ReaderComment.objects.values())

    report = imported(FRENCH)

    assert tallies(report) == {
        "articles": (0, 0, 3),
        "topics": (0, 0, 3),
        "comments": (0, 0, 5),
        "redirects": (0, 0, 5),
    }
    assert list(Article.objects.values_list("pk", "updated_at")) == stamps
    assert list(ReaderComment.objects.values()) == comments


def test_a_newer_export_updates_what_changed_and_keeps_the_address():
    imported(FRENCH)
    article = Article.objects.get(slug=ANNECY)
    newer = exported(
        FRENCH,
        ("les studios d&rsquo;animation face", "les studios face"),
        ("<wp:comment_approved><![CDATA[0]]>", "<wp:comment_approved><![CDATA[1]]>"),
        ("<wp:post_name><![CDATA[annecy-studios-animation-ia]]>", "<wp:post_name><![CDATA[renamed]]>"),
    )

    report = imported(newer)

    assert report.counts["articles"].updated == 1
    assert report.counts["comments"].updated == 1
    article.refresh_from_db()
    assert article.title == "À Annecy, les studios face à l’IA"
    assert article.slug == ANNECY  # readers' links to the article keep working
    assert ReaderComment.objects.get(comment="En attente de modération.").is_public
    assert WordPressPost.objects.count() == 3


def test_a_german_block_editor_export_with_plugins_languages_and_scheduled_posts(client):
    imported(GERMAN)

    article = Article.objects.get(slug="wer-schreibt-kuenftig-die-drehbuecher")
    assert article.language == "de"
    assert article.body.split("\n\n") == [
        "Beim Branchentreff des Filmfests diskutierten am Dienstag Autorinnen, Produzenten und ein Anwalt "
        "über künstliche Intelligenz im Schreibraum.",
        "„Eine Maschine kann eine Szene füllen, aber sie weiß nicht, warum sie geschrieben wird“, sagte die "
        "Drehbuchautorin Anna Keller.",
        "Der Saal war voll.",
    ]
    pending = Article.objects.get(slug="streamers-middle-budget-film")
    assert (pending.status, pending.language) == (Article.Status.IN_REVIEW, "en")  # Polylang says English
    scheduled = Article.objects.get(slug="vorschau-das-podium-zur-filmforderung")  # made of its title
    assert scheduled.status == Article.Status.PUBLISHED and scheduled.published_at.year == 2031
    assert client.get(scheduled.get_absolute_url()).status_code == 404  # not before its time
    assert ReaderComment.objects.get(comment="Gelöscht.").is_removed  # trash stays hidden


def test_wordpress_own_theme_test_data_is_imported_whole():
    report = imported(THEME_TEST_DATA)

    assert report.counts["articles"].created == 57
    assert report.ignored["attachment"] == 37 and report.ignored["page"] == 21
    assert report.ignored["nav_menu_item"] == 70
    assert [reason for reason in skipped_reasons(report) if "password" in reason] == [
        'post 1168 (“Template: Password Protected (the password is "enter")”): It is password-protected: '
        "readers of the archive could not see it."
    ]
    # Two posts WordPress gave one guid (a post and its copy) are both kept.
    assert WordPressPost.objects.filter(guid="https://wpthemetestdata.wordpress.com/?p=568").count() == 2
    assert Article.objects.filter(status=Article.Status.DRAFT).count() == 1
    assert ReaderComment.objects.filter(is_public=False).exists()
    block_post = Article.objects.get(wordpress_post__post_id=150)
    assert block_post.body.startswith("This test post was generated using the block theme Emptytheme")
    assert "<" not in block_post.body and "wp-block" not in block_post.body
    assert tallies(imported(THEME_TEST_DATA))["articles"] == (0, 0, 57)


def test_a_dry_run_reports_what_would_be_imported_and_writes_nothing():
    report = imported(FRENCH, dry_run=True)

    assert report.counts["articles"].created == 3
    assert not report.written
    assert not Article.objects.exists() and not Topic.objects.exists() and not Redirect.objects.exists()


BROKEN = {
    "cut short": (lambda export: export[: len(export) * 2 // 3], "cut short"),
    "cut short between elements": (lambda export: export[: export.index(b"</item>") + 7], "cut short"),
    "not well-formed": (
        lambda export: export.replace(b"<wp:post_id>398</wp:post_id>", b"<wp:post_id>398</wp:postid>"),
        "not well-formed XML",
    ),
    "not XML": (lambda export: b'{"articles": []}', "it is not XML"),
    "an RSS feed": (
        lambda export: export.replace(b"<wp:wxr_version>1.2</wp:wxr_version>", b""),
        "an RSS feed, not a WordPress export",
    ),
    "not RSS": (lambda export: b'<?xml version="1.0"?><html><body>hi</body></html>', "not RSS"),
    "entities": (
        lambda export: export.replace(
            b'<?xml version="1.0" encoding="UTF-8" ?>',
            b'<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>',
        ),
        "declares entities",
    ),
}


@pytest.mark.parametrize("kind", BROKEN)
def test_a_broken_export_gets_a_clear_message_and_writes_nothing(kind):
    break_it, message = BROKEN[kind]
    # The French export's first post is read (and saved) before the break in every case.
    report = import_wordpress(io.BytesIO(break_it(FRENCH.read_bytes())))

    assert not report.ok
    assert message in str(report.errors[0])
    assert not Article.objects.exists() and not Topic.objects.exists()
    assert not ReaderComment.objects.exists() and not Redirect.objects.exists()
