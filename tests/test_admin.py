"""The editors' admin: every page opens, saves, and says clearly what it refuses."""

import json

import pytest
from django.urls import reverse

from articles.models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic
from tests.factories import ParticipationFactory, PersonFactory

from .admin_forms import admin_form_data, submit_admin_form
from .helpers import visible_text

MODELS = [Festival, Edition, Topic, Person, Panel, Article, Quote]


def admin_url(model, action, *args):
    return reverse(f"admin:articles_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_changelist_add_and_change_pages_open(admin_client, demo, model):
    obj = model.objects.first()
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    assert admin_client.get(admin_url(model, "changelist"), {"q": "Berlin"}).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    response = admin_client.get(admin_url(model, "change", obj.pk))
    assert response.status_code == 200
    assert str(obj) in response.content.decode()


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_saving_an_unchanged_change_page_keeps_the_record(admin_client, demo, model):
    obj = model.objects.first()
    response = admin_client.get(admin_url(model, "change", obj.pk))
    saved = admin_client.post(admin_url(model, "change", obj.pk), admin_form_data(response))
    assert saved.status_code == 302, saved.context and saved.context["adminform"].form.errors
    assert model.objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize(
    ("model", "query", "expected", "count"),
    [
        (Article, {"status__exact": "published"}, "Berlin débat", 1),
        (Panel, {"kind__exact": "panel", "edition__year": "2024"}, "AI and World-Building", 1),
        (Quote, {"language": "fr", "q": "donne"}, "Cela change la donne", 1),
        (Quote, {"q": "caspers"}, "Je me base toujours", 2),
        (Person, {"participations__role__exact": "panelist", "q": "weisse"}, "Simon Weisse", 1),
        (Topic, {"q": "miniatures"}, "Miniatures", 1),
    ],
)
def test_changelists_filter_and_search(admin_client, demo, model, query, expected, count):
    response = admin_client.get(admin_url(model, "changelist"), query)
    assert expected in visible_text(response)
    assert response.context["cl"].result_count == count


def test_people_are_filtered_by_festival(admin_client, demo):
    other = ParticipationFactory()
    response = admin_client.get(
        admin_url(Person, "changelist"),
        {"participations__panel__edition__festival__id__exact": Festival.objects.get(slug="berlinale").pk},
    )
    assert response.context["cl"].result_count == 4
    assert other.person.name not in visible_text(response)


def test_an_editor_enters_a_whole_festival_panel(admin_client, db):
    """Festival with its edition, two people, the panel with them on stage, then the article with a quote."""
    response = submit_admin_form(
        admin_client,
        admin_url(Festival, "add"),
        name="Festival de Cannes",
        short_name="Cannes",
        slug="cannes",
        city="Cannes",
        country="France",
        **{
            "editions-0-year": "2025",
            "editions-0-start_date": "2025-05-13",
            "editions-0-end_date": "2025-05-24",
        },
    )
    assert response.status_code == 302
    edition = Edition.objects.get(festival__slug="cannes", year=2025)

    for name, slug in [("Ana Ruiz", "ana-ruiz"), ("Jonas Berg", "jonas-berg")]:
        submit_admin_form(admin_client, admin_url(Person, "add"), name=name, slug=slug)
    ana, jonas = Person.objects.get(slug="ana-ruiz"), Person.objects.get(slug="jonas-berg")

    response = submit_admin_form(
        admin_client,
        admin_url(Panel, "add"),
        edition=str(edition.pk),
        title="Producers’ Keynote",
        slug="producers-keynote",
        kind="keynote",
        date="2025-05-15",
        **{
            "participations-0-person": str(ana.pk),
            "participations-0-role": "keynote",
            "participations-0-affiliation": "CEO, Norte Films",
            "participations-0-order": "1",
            "participations-1-person": str(jonas.pk),
            "participations-1-role": "moderator",
            "participations-1-order": "2",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    panel = Panel.objects.get(slug="producers-keynote")
    assert [p.person for p in panel.participations.all()] == [ana, jonas]

    response = submit_admin_form(
        admin_client,
        admin_url(Article, "add"),
        title="Keynote report",
        slug="keynote-report",
        status="published",
        published_on="2025-05-16",
        language="en",
        panels=[str(panel.pk)],
        **{"quotes-0-speaker": str(ana.pk), "quotes-0-text": "Cinema is a team sport."},
    )
    assert response.status_code == 302
    article = Article.objects.get(slug="keynote-report")
    quote = article.quotes.get()
    assert quote.panel == panel, "a quote takes the session when the article covers only one"
    assert quote.language == "en", "a quote takes the article's language when none is given"
    assert "Cinema is a team sport." in visible_text(admin_client.get(panel.get_absolute_url()))


def test_a_quote_by_someone_not_on_the_panel_shows_the_error_on_the_form(admin_client, demo):
    outsider = PersonFactory(name="Off Stage")
    quote = Quote.objects.first()
    response = submit_admin_form(admin_client, admin_url(Quote, "change", quote.pk), speaker=str(outsider.pk))
    assert response.status_code == 200
    assert "Off Stage was not on stage at “AI and World-Building in Film and TV”" in visible_text(response)
    quote.refresh_from_db()
    assert quote.speaker != outsider


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


@pytest.mark.parametrize("model", [Person, Panel, Article], ids=lambda m: m.__name__)
def test_deleting_what_quotes_depend_on_is_refused_with_a_clear_message(admin_client, demo, model):
    obj = model.objects.first()
    page = admin_client.get(admin_url(model, "delete", obj.pk))
    assert "would require deleting the following protected related objects" in visible_text(page)
    admin_client.post(admin_url(model, "delete", obj.pk), {"post": "yes"})
    assert model.objects.filter(pk=obj.pk).exists()
    assert Quote.objects.count() == 9


def test_bulk_delete_of_quoted_people_is_refused(admin_client, demo):
    people = list(Person.objects.values_list("pk", flat=True))
    response = admin_client.post(
        admin_url(Person, "changelist"),
        {"action": "delete_selected", "_selected_action": people, "post": "yes"},
    )
    assert "protected" in visible_text(response)
    assert Person.objects.count() == 4


def test_taking_a_quoted_person_off_the_panel_is_refused(admin_client, demo):
    panel = Panel.objects.get()
    response = submit_admin_form(
        admin_client, admin_url(Panel, "change", panel.pk), **{"participations-0-DELETE": "on"}
    )
    assert response.status_code == 200
    assert (
        "Dave Clark is quoted from “AI and World-Building in Film and TV”, so they stay on it."
        in visible_text(response)
    )
    assert panel.participations.count() == 4


def test_an_unquoted_participant_can_be_removed(admin_client, db):
    participation = ParticipationFactory()
    panel = participation.panel
    response = submit_admin_form(
        admin_client, admin_url(Panel, "change", panel.pk), **{"participations-0-DELETE": "on"}
    )
    assert response.status_code == 302
    assert not Participation.objects.exists()


def test_invalid_input_shows_the_form_with_errors(admin_client, demo):
    festival = Festival.objects.get()
    add_edition = admin_url(Edition, "add")
    response = submit_admin_form(
        admin_client, add_edition, festival=str(festival.pk), year="2024", start_date="2024-02-15"
    )
    assert response.status_code == 200
    assert "Edition with this Festival and Year already exists." in visible_text(response)
    response = submit_admin_form(
        admin_client,
        add_edition,
        festival=str(festival.pk),
        year="2026",
        start_date="2026-02-20",
        end_date="2026-02-10",
    )
    assert "An edition cannot end before it starts." in visible_text(response)
    assert Edition.objects.count() == 1


@pytest.mark.parametrize(
    ("model", "field", "term", "expected"),
    [
        (Quote, "speaker", "caspers", "Christina Caspers-Roemer"),
        (Quote, "panel", "world", "AI and World-Building in Film and TV (Berlinale 2024)"),
        (Article, "panels", "berlinale", "AI and World-Building in Film and TV (Berlinale 2024)"),
        (Panel, "topics", "visual", "Visual effects"),
        (Panel, "edition", "berlinale", "Berlinale 2024"),
    ],
)
def test_people_panels_and_topics_are_picked_with_autocomplete(
    admin_client, demo, model, field, term, expected
):
    response = admin_client.get(
        "/admin/autocomplete/",
        {"app_label": "articles", "model_name": model._meta.model_name, "field_name": field, "term": term},
    )
    assert [result["text"] for result in response.json()["results"]] == [expected]


def test_publish_action_publishes_selected_articles(admin_client, demo):
    article = Article.objects.get()
    article.status = Article.Status.DRAFT
    article.save()
    admin_client.post(
        admin_url(Article, "changelist"), {"action": "publish", "_selected_action": [article.pk]}
    )
    article.refresh_from_db()
    assert article.is_public


@pytest.mark.parametrize(
    ("model", "source"),
    [(Festival, "name"), (Topic, "name"), (Person, "name"), (Panel, "title"), (Article, "title")],
)
def test_slugs_are_prefilled_from_names(admin_client, db, model, source):
    response = admin_client.get(admin_url(model, "add"))
    prefills = json.loads(response.context["prepopulated_fields_json"])
    assert {"id": "#id_slug", "name": "slug", "dependency_ids": [f"#id_{source}"]}.items() <= prefills[
        0
    ].items()


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


def test_view_on_site_previews_drafts_but_links_nothing_else_readers_cannot_see(admin_client, demo):
    article = Article.objects.get()
    article.status = Article.Status.DRAFT
    article.save()
    for model, obj in [(Article, article), (Panel, Panel.objects.get())]:
        html = admin_client.get(admin_url(model, "change", obj.pk)).content.decode()
        assert "View on site" in html and obj.get_absolute_url() in html
    person = Person.objects.first()
    assert "View on site" not in admin_client.get(admin_url(Person, "change", person.pk)).content.decode()


def test_a_person_page_in_the_admin_lists_their_sessions(admin_client, demo):
    person = Person.objects.get(slug="ac-coppens")
    response = admin_client.get(admin_url(Person, "change", person.pk))
    assert "Founder, The Catalysts" in response.content.decode()
    assert "AI and World-Building in Film and TV (Berlinale 2024)" in visible_text(response)


def test_panels_are_found_by_who_was_on_stage_and_quotes_by_festival(admin_client, demo):
    panels = admin_client.get(admin_url(Panel, "changelist"), {"q": "clark"})
    assert panels.context["cl"].result_count == 1
    quotes = admin_client.get(admin_url(Quote, "changelist"), {"q": "berlinale"})
    assert quotes.context["cl"].result_count == 9


def test_language_filters_offer_only_languages_in_use(admin_client, demo):
    response = admin_client.get(admin_url(Quote, "changelist"))
    changelist = response.context["cl"]
    [language_filter] = [spec for spec in changelist.filter_specs if spec.title == "language"]
    assert [choice["display"] for choice in language_filter.choices(changelist)] == ["All", "French"]


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
