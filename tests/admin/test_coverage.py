"""Articles in the admin, edited with their quotes inline, and the publish action."""

from articles.models import Article, Panel, Person, Quote
from tests.factories import ParticipationFactory, PersonFactory
from tests.helpers.admin_forms import admin_url, submit_admin_form
from tests.helpers.pages import visible_text


def test_an_inline_quote_by_a_non_participant_keeps_the_article_unsaved(admin_client, demo):
    outsider = PersonFactory(name="Off Stage")
    panel = Panel.objects.get()
    response = submit_admin_form(
        admin_client,
        admin_url(Article, "add"),
        title="Another report",
        slug="another-report",
        published_on="2024-02-18",
        language="en",
        panels=[str(Panel.objects.get().pk)],
        **{
            "quotes-0-speaker": str(outsider.pk),
            "quotes-0-panel": str(panel.pk),
            "quotes-0-text": "Words.",
        },
    )
    assert response.status_code == 200
    assert "was not on stage" in visible_text(response)
    assert not Article.objects.filter(slug="another-report").exists()


def test_a_quote_from_a_session_the_article_does_not_cover_is_refused(admin_client, demo):
    other = ParticipationFactory()
    response = submit_admin_form(
        admin_client,
        admin_url(Article, "add"),
        title="Mixed up report",
        slug="mixed-up-report",
        published_on="2025-05-21",
        language="en",
        panels=[str(other.panel.pk)],
        **{
            "quotes-0-speaker": str(Person.objects.get(slug="dave-clark").pk),
            "quotes-0-panel": str(Panel.objects.get(slug="ai-and-world-building-in-film-and-tv").pk),
            "quotes-0-text": "Words from another festival.",
        },
    )
    assert response.status_code == 200
    assert "The article does not cover this session." in visible_text(response)
    assert not Article.objects.filter(slug="mixed-up-report").exists()


def test_adding_a_session_and_its_quote_in_one_save_works(admin_client, demo):
    article = Article.objects.get()
    other = ParticipationFactory()
    panels = [str(pk) for pk in article.panels.values_list("pk", flat=True)] + [str(other.panel.pk)]
    response = submit_admin_form(
        admin_client,
        admin_url(Article, "change", article.pk),
        panels=panels,
        **{
            "quotes-9-speaker": str(other.person.pk),
            "quotes-9-panel": str(other.panel.pk),
            "quotes-9-text": "Said at the other session.",
        },
    )
    assert response.status_code == 302
    assert article.quotes.filter(panel=other.panel).exists()


def test_a_session_deleted_meanwhile_is_an_error_not_a_crash(admin_client, demo):
    response = submit_admin_form(
        admin_client,
        admin_url(Article, "add"),
        title="Late report",
        slug="late-report",
        published_on="2024-02-18",
        language="en",
        panels=["987654"],
        **{"quotes-0-speaker": str(Person.objects.first().pk), "quotes-0-text": "Words."},
    )
    assert response.status_code == 200
    assert not Article.objects.filter(slug="late-report").exists()


def test_an_error_in_a_folded_section_of_a_quote_opens_it(admin_client, demo):
    """The quote's translation and its language sit side by side in the folded "Original words,
    translation and context": an error there must not stay folded away from the editor."""
    article = Article.objects.get()
    response = submit_admin_form(
        admin_client,
        admin_url(Article, "change", article.pk),
        **{"quotes-0-translation": "Words in another language.", "quotes-0-translation_language": ""},
    )
    assert response.status_code == 200
    html = response.content.decode()
    with_error = html[html.index('id="quotes-0"') : html.index('id="quotes-1"')]
    without_error = html[html.index('id="quotes-1"') : html.index('id="quotes-2"')]
    assert "Say which language the translation is in." in with_error
    assert "<details>" not in with_error
    assert "<details>" in without_error


def test_two_quotes_of_an_article_may_swap_places_but_not_share_one(admin_client, demo):
    """The import finds an article's quotes by their position: two at one place would be confused."""
    article = Article.objects.get()
    first, second = article.quotes.order_by("position")[:2]
    url = admin_url(Article, "change", article.pk)
    response = submit_admin_form(admin_client, url, **{"quotes-1-position": str(first.position)})
    assert response.status_code == 200
    html = response.content.decode()
    assert (
        "Another quote of this article has this position."
        in html[html.index('id="quotes-1"') : html.index('id="quotes-2"')]
    )
    assert article.quotes.filter(position=first.position).count() == 1

    swapped = {"quotes-0-position": str(second.position), "quotes-1-position": str(first.position)}
    assert submit_admin_form(admin_client, url, **swapped).status_code == 302
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.position, second.position) == (2, 1)

    alone = admin_url(Quote, "change", first.pk)
    response = submit_admin_form(admin_client, alone, position=str(second.position))
    assert "Another quote of this article has this position." in visible_text(response)


def test_a_quote_may_take_the_place_of_one_deleted_in_the_same_save(admin_client, demo):
    article = Article.objects.get()
    first, second = article.quotes.order_by("position")[:2]
    url = admin_url(Article, "change", article.pk)
    changes = {"quotes-0-position": str(second.position), "quotes-1-DELETE": "on"}
    assert submit_admin_form(admin_client, url, **changes).status_code == 302
    assert not Quote.objects.filter(pk=second.pk).exists()
    first.refresh_from_db()
    assert first.position == second.position


def test_new_quotes_left_at_0_go_after_all_the_others(admin_client, demo):
    """Even after a quote given the next place in the same save."""
    article = Article.objects.get()
    last = article.quotes.order_by("position").last()
    url = admin_url(Article, "change", article.pk)
    count = article.quotes.count()
    new = {
        "TOTAL_FORMS": str(count + 2),
        f"{count}-text": "Left at 0.",
        f"{count}-position": "0",
        f"{count + 1}-text": "Given the next place.",
        f"{count + 1}-position": str(last.position + 1),
    }
    for form in [count, count + 1]:
        new |= {
            f"{form}-speaker": str(last.speaker_id),
            f"{form}-panel": str(last.panel_id),
            f"{form}-language": "fr",
        }
    response = submit_admin_form(admin_client, url, **{f"quotes-{key}": value for key, value in new.items()})
    assert response.status_code == 302
    positions = dict(article.quotes.values_list("text", "position"))
    assert positions["Given the next place."] == last.position + 1
    assert positions["Left at 0."] == last.position + 2


def test_quotes_in_the_article_language_follow_it_when_it_changes(admin_client, demo):
    article = Article.objects.get()
    quote = article.quotes.first()
    quote.language = "en"
    quote.translation = ""
    quote.translation_language = ""
    quote.save()
    response = submit_admin_form(admin_client, admin_url(Article, "change", article.pk), language="de")
    assert response.status_code == 302
    assert set(article.quotes.values_list("language", flat=True)) == {"de", "en"}
    assert article.quotes.get(pk=quote.pk).language == "en", "a quote set to another language keeps it"


def test_a_quote_edited_while_the_article_language_changes_follows_it(admin_client, demo):
    article = Article.objects.get()
    response = submit_admin_form(
        admin_client,
        admin_url(Article, "change", article.pk),
        language="de",
        **{"quotes-0-text": "Neue Worte."},
    )
    assert response.status_code == 302
    assert set(article.quotes.values_list("language", flat=True)) == {"de"}


def test_publish_action_publishes_selected_articles(admin_client, demo):
    article = Article.objects.get()
    article.status = Article.Status.DRAFT
    article.save()
    admin_client.post(
        admin_url(Article, "changelist"), {"action": "publish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.is_public
