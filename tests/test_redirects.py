"""A page that moves keeps its old address working: 301 to the new one."""

import pytest
from django.urls import reverse

from articles.models import Person
from tests.factories import QuoteFactory
from tests.helpers.admin_forms import submit_admin_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def quote():
    return QuoteFactory()


def moved_permanently_to(client, path):
    response = client.get(path)
    assert response.status_code == 301, (path, response.status_code)
    return response["Location"]


def test_a_new_article_slug_redirects_the_old_address(client, quote):
    article = quote.article
    old = article.get_absolute_url()
    article.slug = "a-better-title"
    article.save()
    assert moved_permanently_to(client, old) == "/articles/a-better-title/"
    assert client.get("/articles/a-better-title/").status_code == 200


def test_renaming_twice_redirects_every_old_address_straight_to_the_newest(client, quote):
    person = quote.speaker
    first = person.get_absolute_url()
    for slug in ["second-name", "third-name"]:
        person.slug = slug
        person.save()
    assert moved_permanently_to(client, first) == "/people/third-name/"
    assert moved_permanently_to(client, "/people/second-name/") == "/people/third-name/"


def test_taking_an_old_address_back_serves_the_page_there(client, quote):
    person = quote.speaker
    original = person.slug
    person.slug = "interim"
    person.save()
    person.slug = original
    person.save()
    assert client.get(f"/people/{original}/").status_code == 200
    assert moved_permanently_to(client, "/people/interim/") == f"/people/{original}/"


def test_a_festival_slug_change_moves_every_page_under_it(client, quote):
    panel = quote.panel
    festival = panel.edition.festival
    old_panel, old_edition = panel.get_absolute_url(), panel.edition.get_absolute_url()
    festival.slug = "renamed-festival"
    festival.save()
    panel.refresh_from_db()
    assert moved_permanently_to(client, old_panel) == panel.get_absolute_url()
    assert moved_permanently_to(client, old_edition) == f"/festivals/renamed-festival/{panel.edition.year}/"
    assert client.get(panel.get_absolute_url()).status_code == 200


def test_a_panel_moved_to_another_year_redirects(client, quote):
    edition = quote.panel.edition
    old = quote.panel.get_absolute_url()
    edition.year = 2024
    edition.start_date = edition.start_date.replace(year=2024)
    edition.end_date = edition.end_date.replace(year=2024)
    edition.save()
    quote.panel.date = edition.start_date
    quote.panel.save()
    assert moved_permanently_to(client, old) == quote.panel.get_absolute_url()


def test_a_slug_changed_in_the_admin_redirects(admin_client, client, quote):
    person = quote.speaker
    old = person.get_absolute_url()
    response = submit_admin_form(
        admin_client, reverse("admin:articles_person_change", args=[person.pk]), slug="changed-in-admin"
    )
    assert response.status_code == 302
    assert Person.objects.get(pk=person.pk).slug == "changed-in-admin"
    assert moved_permanently_to(client, old) == "/people/changed-in-admin/"


def test_unknown_addresses_still_answer_404(client, quote):
    assert client.get("/people/nobody-at-all/").status_code == 404


def test_a_slug_changed_in_a_french_admin_redirects_in_every_language(admin_client, client, quote):
    person = quote.speaker
    old = person.get_absolute_url()
    admin_client.defaults["HTTP_ACCEPT_LANGUAGE"] = "fr-FR,fr;q=0.9"
    response = submit_admin_form(
        admin_client, reverse("admin:articles_person_change", args=[person.pk]), slug="renamed-in-french"
    )
    assert response.status_code == 302
    assert moved_permanently_to(client, old) == "/people/renamed-in-french/"
    assert moved_permanently_to(client, f"/fr{old}") == "/fr/people/renamed-in-french/"
    assert moved_permanently_to(client, f"/de{old}") == "/de/people/renamed-in-french/"


def test_old_addresses_saved_before_the_languages_answer_in_each_language(client, quote):
    from importlib import import_module

    from django.apps import apps
    from django.contrib.redirects.models import Redirect
    from django.contrib.sites.models import Site

    person = quote.speaker
    Redirect.objects.create(
        site=Site.objects.get_current(), old_path="/people/before/", new_path=person.get_absolute_url()
    )
    migration = import_module("articles.migrations.0013_redirects_in_each_language")
    migration.copy_redirects_into_each_language(apps, None)
    migration.copy_redirects_into_each_language(apps, None)  # twice changes nothing

    page = person.get_absolute_url()
    assert moved_permanently_to(client, "/fr/people/before/") == f"/fr{page}"
    assert moved_permanently_to(client, "/de/people/before/") == f"/de{page}"
    assert Redirect.objects.filter(old_path__endswith="/people/before/").count() == 3
