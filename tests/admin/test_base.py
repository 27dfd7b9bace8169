"""The editors' admin: every page opens, saves, and says clearly what it refuses; what all its
ModelAdmins share (searches, pickers, slugs, the language filter, View on site); and a whole
festival panel entered page by page."""

import json

import pytest

from articles.models import Article, Edition, Festival, Panel, Person, Quote, Topic
from tests.helpers.admin_forms import admin_form_data, admin_url, submit_admin_form
from tests.helpers.pages import visible_text

MODELS = [Festival, Edition, Topic, Person, Panel, Article, Quote]


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


@pytest.mark.parametrize("model", [Person, Panel, Article], ids=lambda m: m.__name__)
def test_deleting_what_quotes_depend_on_is_refused_with_a_clear_message(admin_client, demo, model):
    obj = model.objects.first()
    page = admin_client.get(admin_url(model, "delete", obj.pk))
    assert "would require deleting the following protected related objects" in visible_text(page)
    admin_client.post(admin_url(model, "delete", obj.pk), {"post": "yes"})
    assert model.objects.filter(pk=obj.pk).exists()
    assert Quote.objects.count() == 9


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


def test_view_on_site_previews_drafts_but_links_nothing_else_readers_cannot_see(admin_client, demo):
    article = Article.objects.get()
    article.status = Article.Status.DRAFT
    article.save()
    for model, obj in [(Article, article), (Panel, Panel.objects.get())]:
        html = admin_client.get(admin_url(model, "change", obj.pk)).content.decode()
        assert "View on site" in html and obj.get_absolute_url() in html
    person = Person.objects.first()
    assert "View on site" not in admin_client.get(admin_url(Person, "change", person.pk)).content.decode()


def test_language_filters_offer_only_languages_in_use(admin_client, demo):
    response = admin_client.get(admin_url(Quote, "changelist"))
    changelist = response.context["cl"]
    [language_filter] = [spec for spec in changelist.filter_specs if spec.title == "language"]
    assert [choice["display"] for choice in language_filter.choices(changelist)] == ["All", "French"]
