"""The article pages: the sessions and people an article covers, and its quotes."""

from articles.models import Person, Quote
from tests.helpers.pages import visible_text


def test_article_page_shows_the_panels_and_people_it_covers(client, demo):
    text = visible_text(client.get("/articles/berlin-debat-menace-ia-emplois-hollywood/"))
    assert "Berlinale 2024" in text
    assert "AI and World-Building in Film and TV" in text
    for person in Person.objects.all():
        assert person.name in text
    assert "9 quotes" not in text  # quotes are listed, not merely counted
    for quote in Quote.objects.all():
        assert quote.text in text
    assert "Berlin débat de la menace" in visible_text(client.get("/articles/"))


def test_article_page_names_the_source_once_and_shows_roles_of_people_on_stage(client, demo):
    response = client.get("/articles/berlin-debat-menace-ia-emplois-hollywood/")
    text = visible_text(response)
    assert "Reported in" not in text
    assert "AC Coppens Panelist Founder, The Catalysts" in text
