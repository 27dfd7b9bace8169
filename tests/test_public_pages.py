"""Every public page, with the demo coverage loaded as `make run` loads it."""

import datetime
import re

import pytest

from articles.models import Article, Panel, Person, Quote
from tests.factories import (
    ArticleFactory,
    FestivalFactory,
    PanelFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    TopicFactory,
)

from .helpers import outline, visible_text

PANEL_URL = "/festivals/berlinale/2024/ai-and-world-building-in-film-and-tv/"
PUBLIC_URLS = [
    "/",
    "/festivals/",
    "/festivals/berlinale/",
    "/festivals/berlinale/2024/",
    PANEL_URL,
    "/people/",
    "/people/dave-clark/",
    "/topics/",
    "/topics/artificial-intelligence/",
    "/articles/",
    "/articles/berlin-debat-menace-ia-emplois-hollywood/",
    "/quotes/",
    "/quotes/?speaker=christina-caspers-roemer",
]


@pytest.mark.parametrize("url", PUBLIC_URLS)
def test_every_page_has_a_title_one_heading_and_landmarks(client, demo, url):
    response = client.get(url)
    assert response.status_code == 200
    page = outline(response)
    assert page.tags.count("h1") == 1
    assert {"header", "nav", "main", "footer"} <= set(page.tags)
    assert page.title.strip().endswith("Festival Panel Archive")
    assert len(page.title.strip()) > len("· Festival Panel Archive")


def test_home_shows_latest_coverage_festivals_topics_and_quotes(client, demo):
    text = visible_text(client.get("/"))
    assert "Berlin débat de la menace de l’IA pour les emplois à Hollywood" in text
    assert "Berlin International Film Festival" in text
    assert "Artificial intelligence" in text
    assert "Cela change la donne par rapport à ce à quoi nous sommes confrontés." in text
    assert client.get("/").content.decode().count('class="quote"') == 5


def test_festival_pages_lead_to_the_edition_and_its_panels(client, demo):
    assert "2024" in visible_text(client.get("/festivals/"))
    festival = visible_text(client.get("/festivals/berlinale/"))
    assert "Berlin, Germany" in festival
    assert "1 session covered" in festival
    edition = visible_text(client.get("/festivals/berlinale/2024/"))
    assert "AI and World-Building in Film and TV" in edition
    assert "Dave Clark, AC Coppens, Christina Caspers-Roemer, Simon Weisse" in edition


def test_panel_page_shows_when_where_who_what_and_coverage(client, demo):
    text = visible_text(client.get(PANEL_URL))
    assert "Saturday, Feb. 17, 2024" in text
    assert "Berlin" in text
    for name, affiliation in [
        ("Dave Clark", "Director, Los Angeles; represented by Secret Level"),
        ("AC Coppens", "Founder, The Catalysts"),
        ("Christina Caspers-Roemer", "Managing director, Trixter"),
        ("Simon Weisse", "Miniatures specialist and prop maker, Berlin"),
    ]:
        assert f"{name} Panelist {affiliation}" in text
    for quote in Quote.objects.all():
        assert quote.text in text
    assert "Berlin débat de la menace" in text
    for topic in ["Artificial intelligence", "Visual effects", "Jobs", "Miniatures"]:
        assert topic in text


def test_panel_page_groups_quotes_by_speaker_in_stage_order(client, demo):
    text = visible_text(client.get(PANEL_URL))
    said = text[text.index("What they said") :]
    clark, coppens, caspers, weisse = (
        said.index(name) for name in ["Dave Clark", "AC Coppens", "Christina Caspers-Roemer", "Simon Weisse"]
    )
    assert clark < coppens < caspers < weisse
    clark_quotes = Quote.objects.filter(speaker__slug="dave-clark")
    assert clark_quotes.count() == 4
    assert all(clark < said.index(quote.text) < coppens for quote in clark_quotes)


def test_quotes_carry_their_language(client, demo):
    html = client.get(PANEL_URL).content.decode()
    assert '<blockquote lang="fr"' in html


def test_person_page_shows_bio_panels_and_all_their_quotes(client, demo):
    text = visible_text(client.get("/people/christina-caspers-roemer/"))
    assert "Managing director of Trixter" in text
    assert "AI and World-Building in Film and TV" in text
    assert "Panelist · Managing director, Trixter · Berlinale 2024" in text
    assert "2 quotes" in text
    for quote in Quote.objects.filter(speaker__slug="christina-caspers-roemer"):
        assert quote.text in text


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


def test_people_index_is_paginated(client, db):
    QuoteFactory.create_batch(65)
    first = client.get("/people/").content.decode()
    assert '<a href="?page=1" aria-current="page"><span class="visually-hidden">Page </span>1</a>' in first
    assert '<a href="?page=2"><span class="visually-hidden">Page </span>2</a>' in first
    second = client.get("/people/?page=2")
    assert 'aria-current="page"><span class="visually-hidden">Page </span>2</a>' in second.content.decode()
    assert second.content.decode().count('class="person-card"') == 5


def test_long_lists_link_to_the_first_last_and_nearby_pages(client, db, settings):
    settings.ARCHIVE_PAGE_SIZE = 1
    first = QuoteFactory()
    for _ in range(19):
        QuoteFactory(participation=first.speaker.participations.get(), article=first.article)
    html = client.get("/quotes/", {"speaker": first.speaker.slug, "page": 10}).content.decode()
    pages = re.search(r'<nav class="pagination".*?</nav>', html, re.S).group()
    numbers = re.findall(
        r'<li>(?:<a [^>]*>)?(?:<span class="visually-hidden">Page </span>)?(?:<span[^>]*>)?([^<]+)', pages
    )
    assert numbers == ["1", "…", "8", "9", "10", "11", "12", "…", "20"]
    assert f'href="?speaker={first.speaker.slug}&amp;page=20"' in pages, "pages keep the filters"


def test_topic_page_shows_its_panels_and_quotes(client, demo):
    text = visible_text(client.get("/topics/miniatures/"))
    assert "AI and World-Building in Film and TV" in text
    assert "nous utilisons simplement ChatGPT" in text
    assert "Miniatures" in visible_text(client.get("/topics/"))


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


def test_quotes_filter_by_speaker(client, demo):
    text = visible_text(client.get("/quotes/?speaker=simon-weisse"))
    assert "Quotes by Simon Weisse" in text
    assert "2 quotes" in text
    assert "Je suis encore là" in text
    assert "Cela change la donne" not in text


def test_quotes_filter_accepts_a_typed_name(client, demo):
    text = visible_text(client.get("/quotes/?speaker=Simon+weisse"))
    assert "Quotes by Simon Weisse" in text
    assert "2 quotes" in text


def test_quotes_filter_by_topic(client, demo):
    QuoteFactory(text="Off-topic words entirely.")
    text = visible_text(client.get("/quotes/?topic=miniatures"))
    assert "9 quotes" in text
    assert "Off-topic words entirely." not in text


def test_pagination_keeps_the_filters(client, db):
    quote = QuoteFactory()
    for _ in range(30):
        QuoteFactory(participation=quote.speaker.participations.get(), article=quote.article)
    html = client.get(f"/quotes/?speaker={quote.speaker.slug}").content.decode()
    assert f'href="?speaker={quote.speaker.slug}&amp;page=2"' in html


def test_a_draft_article_is_not_public(client, db):
    draft = QuoteFactory(article__status=Article.Status.DRAFT, text="Secret words from a draft.")
    assert client.get(draft.article.get_absolute_url()).status_code == 404
    assert client.get(draft.panel.get_absolute_url()).status_code == 404
    assert client.get(draft.speaker.get_absolute_url()).status_code == 404
    assert client.get(draft.panel.edition.get_absolute_url()).status_code == 404
    for url in ["/", "/quotes/", "/articles/", "/people/", f"/quotes/?speaker={draft.speaker.slug}"]:
        assert "Secret words from a draft." not in visible_text(client.get(url))


def test_a_published_panel_hides_quotes_reported_only_in_drafts(client, db):
    public = QuoteFactory(text="Published words.")
    QuoteFactory(
        participation=public.speaker.participations.get(),
        article__status=Article.Status.DRAFT,
        text="Draft words.",
    )
    for url in [public.panel.get_absolute_url(), public.speaker.get_absolute_url()]:
        text = visible_text(client.get(url))
        assert "Published words." in text
        assert "Draft words." not in text


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


def test_press_conferences_and_keynotes_show_their_kind(client, db):
    quote = QuoteFactory(
        participation__panel__kind=Panel.Kind.PRESS_CONFERENCE, participation__role="keynote"
    )
    text = visible_text(client.get(quote.panel.get_absolute_url()))
    assert "Press conference" in text
    assert "Keynote speaker" in text


def test_french_punctuation_stays_with_its_word(client, demo):
    html = client.get(PANEL_URL).content.decode()
    assert "dans l&#x27;espace, alors quoi\u202f? Où nous mène l’histoire\u202f?" in html
    assert "quoi ?" not in html
    article = client.get("/articles/berlin-debat-menace-ia-emplois-hollywood/").content.decode()
    assert "Hollywood\u00a0: «\u00a0Craignez la personne qui utilise ces outils\u00a0»" in article
    head = article[: article.index("</head>")]
    assert "<title>Berlin débat de la menace de l’IA pour les emplois à Hollywood\u00a0:" in head
    assert (
        'property="og:title" content="Berlin débat de la menace de l’IA pour les emplois à Hollywood\u00a0:'
        in head
    )


def test_english_text_is_left_as_typed(client, db):
    quote = QuoteFactory(text="Why not ? Because : reasons.", language="en")
    assert "Why not ? Because : reasons." in visible_text(client.get(quote.panel.get_absolute_url()))


def test_quotes_filter_takes_enough_of_a_name_to_name_one_person(client, demo):
    response = client.get("/quotes/", {"speaker": "weisse"})
    assert "Quotes by Simon Weisse" in visible_text(response)
    assert 'value="Simon Weisse"' in response.content.decode()


def test_quotes_filter_asks_for_more_when_several_people_match(client, demo):
    QuoteFactory(participation__person__name="Dave Smith")
    text = visible_text(client.get("/quotes/", {"speaker": "dave"}))
    assert "Several people match “dave”: Dave Clark, Dave Smith. Type more of the name." in text


def test_quotes_filter_shows_the_speaker_name_not_the_slug(client, demo):
    html = client.get("/quotes/", {"speaker": "dave-clark"}).content.decode()
    assert 'value="Dave Clark"' in html


def test_filters_that_match_nothing_say_so_and_offer_a_way_back(client, demo):
    QuoteFactory(participation__person__name="Nora Quist", participation__person__slug="nora-quist")
    response = client.get("/quotes/", {"speaker": "nora-quist", "topic": "miniatures"})
    text = visible_text(response)
    assert "Quotes by Nora Quist on Miniatures" in text
    assert "No quotes match these filters. Clear the filters" in text
    assert 'href="/quotes/"' in response.content.decode()


def test_article_page_names_the_source_once_and_shows_roles_of_people_on_stage(client, demo):
    response = client.get("/articles/berlin-debat-menace-ia-emplois-hollywood/")
    text = visible_text(response)
    assert "Reported in" not in text
    assert "AC Coppens Panelist Founder, The Catalysts" in text


def test_quotes_elsewhere_link_the_article_that_reported_them(client, demo):
    html = client.get("/people/simon-weisse/").content.decode()
    assert (
        html.count(
            'Reported in <a href="/articles/berlin-debat-menace-ia-emplois-hollywood/"><cite lang="fr">'
        )
        == 2
    )


def test_the_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")


def test_long_lists_count_up_to_a_bound_and_say_there_are_more(client, db, settings):
    settings.ARCHIVE_COUNT_LIMIT = 3
    settings.ARCHIVE_PAGE_SIZE = 2
    first = QuoteFactory()
    for _ in range(4):
        QuoteFactory(participation=first.speaker.participations.get(), article=first.article)
    text = visible_text(client.get("/quotes/"))
    assert "More than 3 quotes. Add words or filters to narrow them down." in text
    assert "More than 2 pages: add filters to narrow them down." in text
    narrowed = visible_text(client.get("/quotes/", {"speaker": "nobody-at-all"}))
    assert "More than" not in narrowed


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


def covered(panel):
    """The panel, made public by a published article covering it."""
    ArticleFactory().panels.add(panel)
    return panel


def test_a_panel_page_leads_on_to_the_same_edition_topics_and_people(client, db):
    topic = TopicFactory(name="Streaming")
    person = PersonFactory(name="Ada Onward")
    panel = covered(PanelFactory(title="This session"))
    panel.topics.add(topic)
    ParticipationFactory(panel=panel, person=person)
    same_edition = covered(PanelFactory(title="Next door", edition=panel.edition))
    same_topic = covered(PanelFactory(title="Streaming elsewhere"))
    same_topic.topics.add(topic)
    same_person = covered(PanelFactory(title="Ada again"))
    ParticipationFactory(panel=same_person, person=person)
    unpublished = PanelFactory(title="Not yet covered", edition=panel.edition)
    unpublished.topics.add(topic)
    ParticipationFactory(panel=unpublished, person=person)

    response = client.get(panel.get_absolute_url())
    onward = visible_text(response).split("More sessions", 1)[1]
    assert f"Also at {panel.edition} Next door" in onward
    assert f"On the same topics Streaming elsewhere {same_topic.edition}" in onward
    assert f"The same people elsewhere Ada again {same_person.edition} · Ada Onward" in onward
    assert "Not yet covered" not in onward
    assert "This session" not in onward
    html = response.content.decode()
    for other in (same_edition, same_topic, same_person):
        assert html.count(f'href="{other.get_absolute_url()}"') == 1


def test_a_session_sharing_topics_and_people_is_listed_once_among_the_onward_links(client, db):
    topic, person = TopicFactory(), PersonFactory(name="Ada Onward")
    panel = covered(PanelFactory(title="This session"))
    both = covered(PanelFactory(title="Ada on streaming again"))
    for session in (panel, both):
        session.topics.add(topic)
        ParticipationFactory(panel=session, person=person)

    onward = visible_text(client.get(panel.get_absolute_url())).split("More sessions", 1)[1]

    assert onward.count("Ada on streaming again") == 1
    assert "The same people elsewhere Ada on streaming again" in onward
    assert "On the same topics" not in onward


def test_a_panel_alone_in_the_archive_has_no_onward_links(client, db):
    panel = covered(PanelFactory())
    assert "More sessions" not in visible_text(client.get(panel.get_absolute_url()))


def test_sessions_on_the_same_topics_are_listed_latest_first(client, db):
    topic = TopicFactory()
    panel = covered(PanelFactory(title="This session"))
    panel.topics.add(topic)
    for year in (2019, 2025, 2022):
        other = covered(
            PanelFactory(title=f"Streaming in {year}", edition__year=year, date=datetime.date(year, 5, 12))
        )
        other.topics.add(topic)

    onward = visible_text(client.get(panel.get_absolute_url())).split("On the same topics", 1)[1]

    assert [onward.index(f"Streaming in {year}") for year in (2025, 2022, 2019)] == sorted(
        onward.index(f"Streaming in {year}") for year in (2025, 2022, 2019)
    )


def test_a_festival_lists_its_editions_latest_first(client, db):
    festival = FestivalFactory(slug="cannes", name="Cannes", short_name="")
    for year in [2023, 2025, 2024]:
        QuoteFactory(
            participation__panel__edition__festival=festival,
            participation__panel__edition__year=year,
            participation__panel__edition__start_date=datetime.date(year, 5, 10),
            participation__panel__edition__end_date=datetime.date(year, 5, 20),
        )
    text = visible_text(client.get("/festivals/cannes/"))
    assert text.index("Cannes 2025") < text.index("Cannes 2024") < text.index("Cannes 2023")
