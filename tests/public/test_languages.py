"""The public pages in English, French and German: every page in each language, the switch between
them, dates and numbers written as each language writes them, names editors translated, and quotes
in their own words with a translation where the reader needs one."""

import datetime
import re

import pytest
from django.conf import settings

from articles.languages import address_in
from articles.models import Participation
from tests.factories import PanelFactory, ParticipationFactory, QuoteFactory, TopicFactory
from tests.helpers.archive import build_archive
from tests.helpers.languages import gettext_in
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db

LANGUAGES = [code for code, _ in settings.LANGUAGES]
NOT_PAGES = ("feed", "suggest")


def test_every_public_page_is_served_in_each_language(client):
    pages = {name: url for name, url in build_archive(1).items() if not name.endswith(NOT_PAGES)}
    for name, url in pages.items():
        for language in LANGUAGES:
            response = client.get(address_in(language, url))
            assert response.status_code == 200, (name, language)
            html = response.content.decode()
            assert f'<html lang="{language}">' in html, (name, language)
            assert gettext_in(language, "Skip to content") in html, (name, language)
            if language != "en":
                assert "Skip to content" not in html, (name, language)
            alternates = dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))
            path = url.split("?")[0]
            assert alternates == {
                "en": f"http://testserver{path}",
                "fr": f"http://testserver/fr{path}",
                "de": f"http://testserver/de{path}",
                "x-default": f"http://testserver{path}",
            }, (name, language)


def test_the_pages_that_are_not_found_say_so_in_their_language(client):
    response = client.get("/de/festivals/cannes/2023/women-in-animation/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="de">' in html
    assert 'name="q" value="cannes 2023 women in animation"' in html  # the search of the 404 page


def test_the_language_switch_keeps_the_reader_on_the_same_page_and_filters(client):
    quote = QuoteFactory(participation__person__name="Ada Lindqvist")
    french = client.get("/fr/quotes/", {"speaker": quote.speaker.slug, "sort": "oldest"}).content.decode()
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w+)" lang="\w+">', french))
    by_language = {language: href.replace("&amp;", "&") for href, language in links.items()}
    assert by_language == {
        "en": f"/quotes/?speaker={quote.speaker.slug}&sort=oldest",
        "de": f"/de/quotes/?speaker={quote.speaker.slug}&sort=oldest",
    }
    assert re.search(r'<span aria-current="true" lang="fr">Français</span>', french)

    # A reader whose browser prefers French, who picks English on a French page, gets English.
    english = client.get(
        by_language["en"], HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9", HTTP_REFERER="http://testserver/fr/quotes/"
    )
    assert english.status_code == 200
    assert '<html lang="en">' in english.content.decode()
    assert "Quotes by Ada Lindqvist" in visible_text(english)
    german = client.get(by_language["de"])
    assert gettext_in("de", "Quotes by %(speaker)s") % {"speaker": "Ada Lindqvist"} in visible_text(german)


def test_dates_and_numbers_are_written_as_each_language_writes_them(client):
    panel = PanelFactory(
        date=datetime.date(2026, 11, 24), start_time=datetime.time(14, 30), end_time=datetime.time(16, 0)
    )
    quote = QuoteFactory(participation__panel=panel)
    panel_url = quote.panel.get_absolute_url()
    french = client.get(f"/fr{panel_url}")
    assert "24 novembre 2026, 14 h 30–16 h 00" in visible_text(french)
    # No line break inside a time, nor after the dash of a range.
    assert (
        ', 14\xa0h\xa030</time><span class="nowrap">–<time datetime="16:00">16\xa0h\xa000</time></span>'
        in (french.content.decode())
    )
    assert "24. November 2026, 14:30–16:00" in visible_text(client.get(f"/de{panel_url}"))
    assert "Nov. 24, 2026, 2:30 p.m.–4 p.m." in visible_text(client.get(panel_url))

    assert "10,000" in visible_text(client.get("/quotes/"))  # "at most 10,000 quotes" per download
    assert "10.000" in visible_text(client.get("/de/quotes/"))
    assert "10\xa0000" in client.get("/fr/quotes/").content.decode()


def test_roles_on_stage_read_the_same_for_a_woman_and_a_man_in_french_and_german(client):
    """Roles are named by what was done on stage (Modération, Gesprächsführung), by a noun that is
    the same for anyone (Podiumsgast) or in inclusive writing (Intervenant·e, Redner·in), never with a
    masculine noun ("Modérateur", "Podiumsteilnehmer") under a woman's name, nor with a word that
    reads as the kind of session ("Vortrag", "Keynote") or as a film genre ("Animation")."""
    quote = QuoteFactory(participation__role=Participation.Role.MODERATOR)
    panel = quote.panel
    Role = Participation.Role
    for role in [Role.INTERVIEWER, Role.PANELIST, Role.SPEAKER, Role.HOST, Role.KEYNOTE]:
        ParticipationFactory(panel=panel, role=role)
    panel_url, quote_url = panel.get_absolute_url(), quote.get_absolute_url()

    french = visible_text(client.get(f"/fr{panel_url}"))
    for label in [
        "Modération", "Conduite de l’entretien", "Panéliste", "Intervenant·e", "Animateur·rice",
        "Intervenant·e principal·e",
    ]:  # fmt: skip
        assert label in french
    german = visible_text(client.get(f"/de{panel_url}"))
    for label in [
        "Moderation",
        "Gesprächsführung",
        "Podiumsgast",
        "Redner·in",
        "Gastgeber·in",
        "Keynote-Redner·in",
    ]:
        assert label in german
    assert "Modérateur" not in french and "Podiumsteilnehmer" not in german
    assert "Animation" not in french and "Vortrag" not in german

    assert f"Personne citée {quote.speaker.name}" in visible_text(client.get(f"/fr{quote_url}"))
    assert f"Gesagt von {quote.speaker.name}" in visible_text(client.get(f"/de{quote_url}"))


def test_articles_in_lists_say_which_language_they_are_in_in_the_readers_language(client):
    QuoteFactory(article__language="fr", article__title="Un article en français")
    for prefix, name in [("", "French"), ("/fr", "Français"), ("/de", "Französisch")]:
        page = client.get(f"{prefix}/articles/").content.decode()
        meta = re.search(r'<p class="meta">(.*?)</p>', page.split("Un article en français")[1]).group(1)
        assert meta.split(" · ")[-1] == name


def test_names_editors_translated_are_shown_in_their_language_else_the_name(client):
    quote = QuoteFactory()
    topic = TopicFactory(name="Artificial intelligence", name_fr="Intelligence artificielle", name_de="")
    quote.panel.topics.add(topic)
    festival = quote.panel.edition.festival
    festival.name_de = "Internationale Filmfestspiele"
    festival.save()

    def heading(url):
        return re.search(r"<h1>(.*?)</h1>", client.get(url).content.decode()).group(1)

    topic_url, festival_url = topic.get_absolute_url(), festival.get_absolute_url()

    assert heading(f"/fr{topic_url}") == "Intelligence artificielle"
    assert heading(f"/de{topic_url}") == "Artificial intelligence"
    assert heading(topic_url) == "Artificial intelligence"
    assert heading(f"/de{festival_url}") == "Internationale Filmfestspiele"
    assert heading(festival_url) == festival.name
    assert (
        f'<option value="{topic.slug}">Intelligence artificielle</option>'
        in client.get("/fr/quotes/").content.decode()
    )


def test_a_quote_shows_its_translation_where_the_reader_reads_another_language(client):
    quote = QuoteFactory(
        text="Les outils changent la donne.",
        language="fr",
        translation="The tools change the game.",
        translation_language="en",
    )
    url = quote.get_absolute_url()
    english = client.get(url).content.decode()
    assert '<blockquote lang="fr"' in english
    assert "Translation (English) The tools change the game." in visible_text(client.get(url))
    assert "<q>The tools change the game.</q>" in english  # in the page's own language: no lang needed

    french = client.get(f"/fr{url}").content.decode()
    assert "<blockquote>" in french or "<blockquote cite" in french  # the page's language
    assert "The tools change the game." not in visible_text(client.get(f"/fr{url}"))

    german = client.get(f"/de{url}").content.decode()
    assert '<blockquote lang="fr"' in german
    assert '<q lang="en">The tools change the game.</q>' in german
    assert "Übersetzung (Englisch)" in visible_text(client.get(f"/de{url}"))


def test_lists_of_names_follow_the_names_of_the_page(client):
    for name, name_fr, language in [("Animation", "Zoo animalier", "de"), ("Zoology", "Animaux", "en")]:
        quote = QuoteFactory(language=language)
        quote.panel.topics.add(TopicFactory(name=name, name_fr=name_fr))
    english = visible_text(client.get("/topics/"))
    french = visible_text(client.get("/fr/topics/"))
    assert english.index("Animation") < english.index("Zoology")
    assert french.index("Animaux") < french.index("Zoo animalier")

    french_page = client.get("/fr/quotes/").content.decode().split('name="language"')[1].split("</select>")[0]
    labels = re.findall(r">([^<]+)</option>", french_page)[1:]  # after "any language"
    assert labels == ["Allemand", "Anglais"]


@pytest.mark.parametrize(
    ("start", "end", "written"),
    [
        (
            "2025-02-15",
            "2025-02-25",
            {"": "Feb. 15–25, 2025", "/fr": "15–25 février 2025", "/de": "15.–25. Februar 2025"},
        ),
        (
            "2025-09-28",
            "2025-10-03",
            {
                "": "Sept. 28 – Oct. 3, 2025",
                "/fr": "28 septembre – 3 octobre 2025",
                "/de": "28. September – 3. Oktober 2025",
            },
        ),
        (
            "2025-12-30",
            "2026-01-02",
            {
                "": "Dec. 30, 2025 – Jan. 2, 2026",
                "/fr": "30 décembre 2025 – 2 janvier 2026",
                "/de": "30. Dezember 2025 – 2. Januar 2026",
            },
        ),
        ("2025-05-10", "2025-05-10", {"": "May 10, 2025", "/fr": "10 mai 2025", "/de": "10. Mai 2025"}),
    ],
)
def test_an_editions_days_are_written_as_a_range_the_way_each_language_writes_one(
    client, db, start, end, written
):
    quote = QuoteFactory(
        participation__panel__edition__start_date=datetime.date.fromisoformat(start),
        participation__panel__edition__end_date=datetime.date.fromisoformat(end),
        participation__panel__date=datetime.date.fromisoformat(start),
    )
    edition = quote.panel.edition
    urls = [edition.get_absolute_url(), edition.festival.get_absolute_url()]
    for prefix, days in written.items():
        for url in urls:
            assert days in visible_text(client.get(prefix + url)), (prefix, url)
    html = client.get(urls[0]).content.decode()
    assert f'<time datetime="{start}">' in html
    assert f'<time datetime="{end}">' in html or start == end
    # Days of one month stay on one line: no "15–" left at the end of a line.
    assert ('<span class="nowrap"><time' in html) == (start[:7] == end[:7] and start != end)


def test_a_festival_s_country_is_named_in_the_page_s_language(client, db):
    germany = QuoteFactory(participation__panel__edition__festival__country="Germany").panel.edition.festival
    QuoteFactory(participation__panel__edition__festival__country="Atlantis")
    QuoteFactory(participation__panel__edition__festival__country="Frankreich")
    french, german = visible_text(client.get("/fr/festivals/")), visible_text(client.get("/de/festivals/"))
    english = visible_text(client.get("/festivals/"))
    assert "Lyon, Allemagne" in french and "Lyon, Deutschland" in german and "Lyon, Germany" in english
    assert "Lyon, France" in french and "Lyon, Frankreich" in german and "Lyon, France" in english
    assert "Lyon, Atlantis" in french  # no country's name: as the editor typed it
    assert "Lyon, Allemagne" in visible_text(client.get(f"/fr{germany.get_absolute_url()}"))
