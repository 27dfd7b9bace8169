"""How a coverage file may refer to what the archive holds: a topic by its name in any language, a
session by its title, and who was on stage in the roles real programmes print."""

import pytest

from articles.importers.coverage import load_coverage
from articles.models import Article, Participation, Quote
from tests.factories import EditionFactory, PanelFactory, PersonFactory, TopicFactory

pytestmark = pytest.mark.django_db


def test_a_topic_is_found_by_its_name_in_any_language_accents_and_case_aside():
    jobs = TopicFactory(slug="jobs", name="Jobs", name_fr="Emploi", name_de="Arbeitsplätze")
    edition = EditionFactory()
    festival, year = edition.festival.slug, edition.year
    data = {
        "topics": [{"slug": "ai", "name": "Artificial intelligence"}],
        "panels": [
            {"festival": festival, "year": year, "slug": "one", "title": "One", "topics": ["EMPLOI", "ai"]},
            {"festival": festival, "year": year, "slug": "two", "title": "Two", "topics": ["arbeitsplatze"]},
            {
                "festival": festival,
                "year": year,
                "slug": "three",
                "title": "Three",
                "topics": ["artificial  intelligence"],
            },
        ],
    }

    report = load_coverage(data)

    assert report.ok, report.errors
    panels = {panel.slug: panel for panel in edition.panels.all()}
    assert {topic.slug for topic in panels["one"].topics.all()} == {"jobs", "ai"}
    assert list(panels["two"].topics.all()) == [jobs]
    assert [topic.slug for topic in panels["three"].topics.all()] == ["ai"]


def test_an_unknown_topic_name_is_reported():
    edition = EditionFactory()
    data = {
        "panels": [
            {
                "festival": edition.festival.slug,
                "year": edition.year,
                "slug": "one",
                "title": "One",
                "topics": ["Nowhere"],
            }
        ]
    }

    errors = [str(error) for error in load_coverage(data).errors]

    assert errors == [
        f"panels[0] ({edition.festival.slug}/{edition.year}/one), topics: "
        "No topic “Nowhere” in the file or in the archive."
    ]


def test_a_session_is_found_by_its_title_in_the_archive_or_in_the_file():
    stored = PanelFactory(title="The Future of Work / Jobs and AI")
    person = PersonFactory()
    Participation.objects.create(panel=stored, person=person)
    edition = stored.edition
    prefix = f"{edition.festival.slug}/{edition.year}"
    data = {
        "panels": [
            {
                "festival": edition.festival.slug,
                "year": edition.year,
                "slug": "new-one",
                "title": "Écrans et Émotions",
                "participants": [{"person": person.slug}],
            }
        ],
        "articles": [
            {
                "slug": "report",
                "title": "Report",
                "published_on": "2024-02-18",
                "language": "en",
                "panels": [f"{prefix}/the future of work / jobs and ai", f"{prefix}/ecrans et emotions"],
                "quotes": [
                    {
                        "position": 1,
                        "speaker": person.slug,
                        "panel": f"{prefix}/THE FUTURE OF WORK / JOBS AND AI",
                        "text": "Words.",
                    },
                    {
                        "position": 2,
                        "speaker": person.slug,
                        "panel": f"{prefix}/Écrans et émotions",
                        "text": "More.",
                    },
                ],
            }
        ],
    }

    report = load_coverage(data)

    assert report.ok, report.errors
    article = Article.objects.get(slug="report")
    assert {panel.slug for panel in article.panels.all()} == {stored.slug, "new-one"}
    assert [quote.panel.slug for quote in Quote.objects.filter(article=article)] == [stored.slug, "new-one"]


def test_a_title_that_two_sessions_share_is_not_a_reference():
    first = PanelFactory(title="Opening")
    PanelFactory(title="Opening", edition=first.edition, slug="opening-again")
    prefix = f"{first.edition.festival.slug}/{first.edition.year}"
    data = {
        "articles": [
            {
                "slug": "report",
                "title": "Report",
                "published_on": "2024-02-18",
                "language": "en",
                "panels": [f"{prefix}/Opening"],
            }
        ]
    }

    errors = [str(error) for error in load_coverage(data).errors]

    assert errors == [
        f"articles[0] (report), panels: No session “{prefix}/Opening” in the file or in the archive."
    ]


@pytest.mark.parametrize("role", ["director", "producer", "cast", "interpreter", "host", "guest"])
def test_who_was_on_stage_takes_the_roles_programmes_print(role):
    panel = PanelFactory()
    person = PersonFactory()
    data = {
        "panels": [
            {
                "festival": panel.edition.festival.slug,
                "year": panel.edition.year,
                "slug": panel.slug,
                "title": panel.title,
                "participants": [{"person": person.slug, "role": role}],
            }
        ]
    }

    assert load_coverage(data).ok

    assert Participation.objects.get(panel=panel, person=person).role == role


def test_a_person_is_found_by_their_name_or_another_spelling_of_it():
    dave = PersonFactory(name="David Clark", other_names="Dave Clark")
    panel = PanelFactory()
    data = {
        "people": [{"slug": "zoe-lund", "name": "Zoé Lund"}],
        "panels": [
            {
                "festival": panel.edition.festival.slug,
                "year": panel.edition.year,
                "slug": panel.slug,
                "title": panel.title,
                "participants": [{"person": "dave clark"}, {"person": "Zoe LUND", "role": "moderator"}],
            }
        ],
    }

    report = load_coverage(data)

    assert report.ok, report.errors
    assert {(p.person.slug, p.role) for p in Participation.objects.filter(panel=panel)} == {
        (dave.slug, "panelist"),
        ("zoe-lund", "moderator"),
    }


def test_a_name_two_people_share_is_not_a_reference():
    PersonFactory(name="Alex Kim", slug="alex-kim")
    PersonFactory(name="Alex Kim", slug="alex-kim-2")
    panel = PanelFactory()
    data = {
        "panels": [
            {
                "festival": panel.edition.festival.slug,
                "year": panel.edition.year,
                "slug": panel.slug,
                "title": panel.title,
                "participants": [{"person": "Alex Kim"}],
            }
        ]
    }

    errors = [str(error) for error in load_coverage(data).errors]

    assert errors == [
        f"panels[0] ({panel.edition.festival.slug}/{panel.edition.year}/{panel.slug})"
        ".participants[0] (Alex Kim), person: No person “Alex Kim” in the file or in the archive."
    ]
