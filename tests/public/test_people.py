"""The people pages: the A–Z index by surname, its letters and pages, and each person's sessions and
quotes."""

import re

from articles.models import Person, Quote
from tests.factories import QuoteFactory
from tests.helpers.pages import visible_text


def test_person_page_shows_bio_panels_and_all_their_quotes(client, demo):
    text = visible_text(client.get("/people/christina-caspers-roemer/"))
    assert "Managing director of Trixter" in text
    assert "AI and World-Building in Film and TV" in text
    assert "Panelist · Managing director, Trixter · Berlinale 2024" in text
    assert "2 quotes" in text
    for quote in Quote.objects.filter(speaker__slug="christina-caspers-roemer"):
        assert quote.text in text


def test_a_person_changes_affiliation_between_festivals(client, db):
    earlier = QuoteFactory(
        participation__affiliation="Producer, Old Films",
        participation__panel__edition__year=2023,
        participation__panel__edition__start_date=None,
        participation__panel__date=None,
    )
    later = QuoteFactory(
        participation__person=earlier.speaker,
        participation__affiliation="Head of Drama, New Studio",
        participation__panel__edition__year=2025,
    )
    text = visible_text(client.get(earlier.speaker.get_absolute_url()))
    assert "Producer, Old Films" in text
    assert "Head of Drama, New Studio" in text
    assert "Head of Drama, New Studio" in visible_text(client.get(later.panel.get_absolute_url()))
    assert "Producer, Old Films" not in visible_text(client.get(later.panel.get_absolute_url()))


def test_quotes_elsewhere_link_the_article_that_reported_them(client, demo):
    html = client.get("/people/simon-weisse/").content.decode()
    assert (
        html.count(
            'Reported in <a href="/articles/berlin-debat-menace-ia-emplois-hollywood/"><cite lang="fr">'
        )
        == 2
    )


def test_people_index_is_a_to_z_by_surname(client, demo):
    text = visible_text(client.get("/people/"))
    order = [text.index(name) for name in ["Caspers-Roemer", "Dave Clark", "AC Coppens", "Simon Weisse"]]
    assert order == sorted(order)
    headings = [line for line in client.get("/people/").content.decode().splitlines() if "<h2" in line]
    assert [heading.split(">")[1][0] for heading in headings] == ["C", "W"]


def test_people_index_files_accents_and_particles_under_their_letter(client, db):
    for name, sort_name in [
        ("Ana Öztürk", ""),
        ("Omar Ortiz", ""),
        ("Zoe Zander", ""),
        ("Guillermo del Toro", "del Toro"),
    ]:
        QuoteFactory(participation__person__name=name, participation__person__sort_name=sort_name)
    QuoteFactory(participation__person__name="Dan Dawson")
    html = client.get("/people/").content.decode()
    headings = [line.split(">")[1][0] for line in html.splitlines() if "<h2" in line]
    assert headings == ["D", "O", "Z"]
    text = visible_text(client.get("/people/"))
    assert text.index("Dan Dawson") < text.index("Guillermo del Toro") < text.index("Omar Ortiz")
    assert text.index("Omar Ortiz") < text.index("Ana Öztürk") < text.index("Zoe Zander")


def test_people_index_sorts_accented_names_as_their_letters_on_both_databases(client, db):
    """Both databases' own collations would put “Öberg” after “Olsen” and “Weiß” after “Weisse”."""
    for name in ["Nils Olsen", "Karin Öberg", "Jan Weisse", "Anna Weiß", "Inès Gómez", "Ana Gonzalez"]:
        QuoteFactory(participation__person__name=name)
    text = visible_text(client.get("/people/"))
    assert text.index("Inès Gómez") < text.index("Ana Gonzalez")
    assert text.index("Karin Öberg") < text.index("Nils Olsen")
    assert text.index("Anna Weiß") < text.index("Jan Weisse")


def test_names_beginning_with_a_letter_that_has_no_accent_to_take_off_file_under_its_base_letter(client, db):
    for name in ["Nils Olsen", "Lars Østergaard", "Anna Łukasik", "Pia Lund"]:
        QuoteFactory(participation__person__name=name)
    o_people = visible_text(client.get("/people/?letter=o"))
    assert o_people.index("Nils Olsen") < o_people.index("Lars Østergaard")
    l_people = visible_text(client.get("/people/?letter=l"))
    assert l_people.index("Anna Łukasik") < l_people.index("Pia Lund")
    assert "Østergaard" not in visible_text(client.get("/people/?letter=%23"))


def test_people_index_filters_by_letter(client, demo):
    text = visible_text(client.get("/people/?letter=w"))
    assert "Simon Weisse" in text
    assert "Dave Clark" not in text


def test_the_a_to_z_bar_links_the_letters_people_file_under_and_shows_the_others_unlinked(client, demo):
    in_use = set(Person.objects.public().values_list("index_letter", flat=True))
    html = client.get("/people/").content.decode()
    bar = html[html.index('<nav class="letters"') : html.index("</nav>", html.index('<nav class="letters"'))]
    assert re.sub(r"<[^>]+>", " ", bar).split() == ["All", *"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
    for letter in "ABCDEFGHIJKLMNOPQRSTUVWXYZ#":
        linked = f'href="?letter={"%23" if letter == "#" else letter}"' in bar
        assert linked == (letter in in_use), letter
    assert in_use and len(in_use) < 27, "the demo leaves some letters empty"
    # A letter typed into the address still shows as the current one, with nobody under it.
    page = client.get("/people/", {"letter": "Z"})
    assert 'href="?letter=Z" aria-current="page"' in page.content.decode()
    assert "Nobody here yet." in visible_text(page)


def test_people_index_is_paginated(client, db):
    QuoteFactory.create_batch(65)
    first = client.get("/people/").content.decode()
    assert '<a href="?page=1" aria-current="page"><span class="visually-hidden">Page </span>1</a>' in first
    assert '<a href="?page=2"><span class="visually-hidden">Page </span>2</a>' in first
    second = client.get("/people/?page=2")
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in second.content.decode()
    assert second.content.decode().count('class="person-card"') == 5
