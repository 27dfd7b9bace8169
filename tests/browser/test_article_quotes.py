"""An editor works on an article's quotes in a browser. The page sends what every quote has alike
once (articles/admin/stacked.py): each quote still offers every language, its speaker's and
session's pickers and links, and its folded "Original words, translation and context", as Django's
own page did; and a quote added offers the same."""

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import expect

from articles.languages import content_languages
from articles.models import Article, Quote
from tests.factories import ArticleFactory, ParticipationFactory, QuoteFactory
from tests.helpers.admin_forms import admin_url

pytestmark = pytest.mark.django_db(transaction=True)


def sign_in(page):
    User.objects.create_superuser("editor", "editor@example.org", "a long pass phrase")
    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long pass phrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()


def test_an_editor_translates_a_quote_and_adds_another(page):
    on_stage = ParticipationFactory(person__name="Amara Okafor")
    article = ArticleFactory(language="fr")
    QuoteFactory(participation=on_stage, article=article, language="fr", text="Les mots de la salle.")
    QuoteFactory(participation=on_stage, article=article, language="de", text="Die Worte des Saals.")
    languages = len(content_languages()) + 1  # and the empty choice
    sign_in(page)
    page.goto(admin_url(Article, "change", article.pk))

    first = page.locator("#quotes-0")
    language = first.get_by_label("Language:", exact=True)
    expect(language).to_have_value("fr")
    expect(language.locator("option")).to_have_count(languages)
    expect(page.locator("#quotes-1").get_by_label("Language:", exact=True)).to_have_value("de")
    speaker = first.locator(".fieldBox.field-speaker")
    expect(speaker.locator(".select2")).to_contain_text("Amara Okafor")
    person = on_stage.person.pk
    expect(speaker.locator("a.change-related")).to_have_attribute(
        "href", f"/admin/articles/person/{person}/change/?_to_field=id&_popup=1"
    )
    expect(speaker.locator("a.view-related")).to_have_attribute(
        "href", f"/admin/articles/person/{person}/change/?_to_field=id"
    )
    expect(speaker.locator("a.add-related")).to_have_count(0)  # nobody new was on stage

    first.get_by_text("Original words, translation and context").click()
    first.get_by_label("Translation:", exact=True).fill("Words from the room.")
    translation_language = first.get_by_label("Translation language:", exact=True)
    expect(translation_language.locator("option")).to_have_count(languages)
    translation_language.select_option(label="English")

    page.get_by_role("button", name="Add another Quote").click()
    added = page.locator(".inline-related:not(.empty-form)").last
    expect(added.get_by_label("Language:", exact=True).locator("option")).to_have_count(languages)
    added.get_by_text("Original words, translation and context").click()
    expect(added.get_by_label("Translation language:", exact=True).locator("option")).to_have_count(languages)

    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.locator(".messagelist")).to_contain_text("was changed successfully")
    translated = Quote.objects.get(text="Les mots de la salle.")
    assert (translated.translation, translated.translation_language) == ("Words from the room.", "en")
    assert Quote.objects.get(text="Die Worte des Saals.").language == "de"
