"""“Find quotes” in the article admin: the proposals of an article's body listed on one page, and
confirmed, corrected or discarded by the editor."""

import io

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from articles.models import Article, Person
from tests.factories import ArticleFactory, PanelFactory, ParticipationFactory, PersonFactory, QuoteFactory
from tests.helpers.newsroom import member_of
from tests.helpers.pages import visible_text


@pytest.fixture
def covered_article(db):
    """A draft covering one panel with Dave Clark and Simon Weisse on stage, and one quote entered."""
    clark = ParticipationFactory(person__name="Dave Clark", person__slug="dave-clark")
    panel = clark.panel
    weisse = ParticipationFactory(panel=panel, person__name="Simon Weisse", person__slug="simon-weisse")
    ParticipationFactory(panel=panel, person__name="AC Coppens", person__slug="ac-coppens")
    article = ArticleFactory(
        status=Article.Status.DRAFT,
        language="fr",
        body=(
            "Dave Clark a ouvert la table ronde. "
            "« Vous ne devriez pas avoir peur de votre travail », a-t-il dit.\n\n"
            "Simon Weisse fabrique des miniatures. « Je suis encore là, et c'est très intéressant », "
            "a expliqué Weisse.\n\n"
            "La salle était pleine. « Tout le monde voulait parler de Sora ce jour-là », note le programme. "
            "Une pause a suivi.\n\n"
            "« Mais c'est juste une chose nouvelle et nous devons travailler avec », a ajouté Weisse."
        ),
    )
    article.panels.add(panel)
    QuoteFactory(
        article=article,
        speaker=weisse.person,
        panel=panel,
        language="fr",
        text="Mais c'est juste une chose nouvelle et nous devons travailler avec",
        position=1,
    )
    return article


def find_url(article_or_pk):
    pk = getattr(article_or_pk, "pk", article_or_pk)
    return reverse("admin:articles_article_find_quotes", args=[pk])


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def proposals_data(response, **changes):
    """The POST data of the find-quotes page as shown, with changes per form: {index: {field: value}}."""
    formset = response.context["formset"]
    data = {
        formset.management_form.add_prefix(name): formset.management_form[name].value()
        for name in formset.management_form.fields
    }
    for index, form in enumerate(formset.forms):
        values = {name: form[name].value() for name in form.fields}
        values.update(changes.get(f"form{index}", {}))
        for name, value in values.items():
            if value is None or value is False:
                continue
            data[form.add_prefix(name)] = "on" if value is True else str(getattr(value, "pk", value))
    return data


def test_the_article_change_page_offers_find_quotes(admin_client, covered_article):
    html = admin_client.get(change_url(covered_article)).content.decode()
    assert f'href="{find_url(covered_article)}"' in html
    assert "Find quotes" in html


def test_the_find_page_lists_the_proposals_and_what_is_already_entered(admin_client, covered_article):
    response = admin_client.get(find_url(covered_article))
    assert response.status_code == 200
    proposed = [
        (form["text"].value(), str(form["speaker"].value() or "")) for form in response.context["formset"]
    ]
    clark, weisse = (
        covered_article.panels.get().people.get(name=name).pk for name in ["Dave Clark", "Simon Weisse"]
    )
    assert proposed == [
        ("Vous ne devriez pas avoir peur de votre travail", str(clark)),
        ("Je suis encore là, et c'est très intéressant", str(weisse)),
        ("Tout le monde voulait parler de Sora ce jour-là", ""),
    ]
    text = visible_text(response)
    assert "Already entered" in text
    assert "Mais c'est juste une chose nouvelle et nous devons travailler avec" in text
    # Proposed with no speaker, it is not kept unless the editor says so.
    assert [form["keep"].value() for form in response.context["formset"]] == [True, True, False]


def test_confirmed_proposals_are_added_in_the_order_the_article_prints_them(admin_client, covered_article):
    response = admin_client.get(find_url(covered_article))
    edited = "Vous ne devriez pas avoir peur de votre propre travail"
    saved = admin_client.post(find_url(covered_article), proposals_data(response, form0={"text": edited}))
    assert saved.status_code == 302
    assert saved.url == change_url(covered_article)
    quotes = list(
        covered_article.quotes.order_by("position").values_list(
            "position", "speaker__name", "text", "language"
        )
    )
    assert quotes == [
        (1, "Dave Clark", edited, "fr"),
        (2, "Simon Weisse", "Je suis encore là, et c'est très intéressant", "fr"),
        (3, "Simon Weisse", "Mais c'est juste une chose nouvelle et nous devons travailler avec", "fr"),
    ]
    assert {quote.panel for quote in covered_article.quotes.all()} == {covered_article.panels.get()}
    assert "2 quotes added." in visible_text(admin_client.get(saved.url))


def test_a_discarded_proposal_is_not_added(admin_client, covered_article):
    response = admin_client.get(find_url(covered_article))
    admin_client.post(find_url(covered_article), proposals_data(response, form0={"keep": False}))
    assert list(covered_article.quotes.values_list("speaker__name", flat=True).order_by("position")) == [
        "Simon Weisse",
        "Simon Weisse",
    ]


def test_a_kept_proposal_with_no_speaker_is_refused_and_nothing_is_added(admin_client, covered_article):
    response = admin_client.get(find_url(covered_article))
    refused = admin_client.post(find_url(covered_article), proposals_data(response, form2={"keep": True}))
    assert refused.status_code == 200
    assert refused.context["formset"].forms[2].errors == {"speaker": ["Pick who said it."]}
    assert "Pick who said it." in visible_text(refused)
    assert covered_article.quotes.count() == 1


def test_a_speaker_not_on_stage_at_the_panel_is_refused_by_the_model(admin_client, covered_article):
    panel = covered_article.panels.get()
    other_panel = PanelFactory()
    stranger = ParticipationFactory(panel=other_panel, person=PersonFactory(name="Lana Stranger")).person
    covered_article.panels.add(other_panel)
    response = admin_client.get(find_url(covered_article))
    refused = admin_client.post(
        find_url(covered_article), proposals_data(response, form0={"speaker": stranger, "panel": panel})
    )
    assert refused.status_code == 200
    assert "Lana Stranger was not on stage" in visible_text(refused)
    assert covered_article.quotes.count() == 1


def test_with_several_panels_the_speakers_panel_is_proposed(admin_client, covered_article):
    other_panel = ParticipationFactory(person__name="Lana Stranger").panel
    covered_article.panels.add(other_panel)
    response = admin_client.get(find_url(covered_article))
    first_panel = covered_article.panels.exclude(pk=other_panel.pk).get()
    assert [form["panel"].value() for form in response.context["formset"]] == [
        first_panel.pk,
        first_panel.pk,
        None,
    ]


def test_passages_already_entered_are_not_proposed_again(admin_client, demo):
    article = Article.objects.get()
    response = admin_client.get(find_url(article))
    assert len(response.context["already_entered"]) == 9
    assert len(response.context["formset"].forms) == 0
    article.quotes.filter(position__in=[3, 7]).delete()
    response = admin_client.get(find_url(article))
    assert len(response.context["already_entered"]) == 7
    proposed = [(form["text"].value()[:20], form["speaker"].value()) for form in response.context["formset"]]
    assert proposed == [
        ("Lorsque vous créez c", Person.objects.get(name="Dave Clark").pk),
        ("Il s'agit d'aller pl", Person.objects.get(name="Christina Caspers-Roemer").pk),
    ]


def test_an_article_without_quoted_passages_says_so(admin_client):
    for body in ["", "Nothing in quotes here, only a “title” or two."]:
        article = ArticleFactory(body=body)
        response = admin_client.get(find_url(article))
        assert response.status_code == 200
        assert "No quoted passages found" in visible_text(response)


def test_a_contributor_finds_quotes_in_a_draft_but_not_in_a_published_article(covered_article):
    contributor = member_of("Contributor")
    assert (
        f'href="{find_url(covered_article)}"' in contributor.get(change_url(covered_article)).content.decode()
    )
    response = contributor.get(find_url(covered_article))
    assert response.status_code == 200
    assert contributor.post(find_url(covered_article), proposals_data(response)).status_code == 302
    assert covered_article.quotes.count() == 3

    Article.objects.filter(pk=covered_article.pk).update(status=Article.Status.PUBLISHED)
    assert contributor.get(find_url(covered_article)).status_code == 403
    assert contributor.post(find_url(covered_article), proposals_data(response)).status_code == 403
    assert (
        f'href="{find_url(covered_article)}"'
        not in contributor.get(change_url(covered_article)).content.decode()
    )
    assert covered_article.quotes.count() == 3


def test_an_unknown_article_is_not_found(admin_client, covered_article):
    assert admin_client.get(find_url(covered_article.pk + 1000)).status_code == 404
    assert admin_client.get(find_url("not-a-number")).status_code == 404


def test_confirming_needs_the_csrf_token(admin_user, covered_article):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    response = client.get(find_url(covered_article))
    data = proposals_data(response)
    assert client.post(find_url(covered_article), data).status_code == 403
    assert covered_article.quotes.count() == 1


def test_quotes_found_again_take_back_their_place_and_a_reimport_changes_nothing(admin_client, demo):
    article = Article.objects.get()
    in_order = list(article.quotes.order_by("position").values_list("text", flat=True))
    article.quotes.filter(position__in=[3, 7]).delete()

    response = admin_client.get(find_url(article))
    assert admin_client.post(find_url(article), proposals_data(response)).status_code == 302
    assert list(article.quotes.order_by("position").values_list("text", flat=True)) == in_order
    assert list(article.quotes.values_list("position", flat=True).order_by("position")) == list(range(1, 10))

    call_command("load_demo", stdout=io.StringIO())
    assert article.quotes.count() == 9
