"""The coverage import checks every record in Python and writes in bulk at the end
(articles/importers/coverage/batch.py, stored.py): its cost in queries does not grow with the file,
and what save() and the signals did for each record is still done."""

import pytest
from django.contrib.auth.models import User
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.importers.coverage import load_coverage
from articles.models import Article, Panel, Participation, Person, Quote
from tests.factories import ArticleFactory, PanelFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def coverage(sessions, festival="cannes", year=2025):
    """A festival's edition with `sessions` sessions of two people each, each covered by a published
    article with two quotes."""
    data = {
        "festivals": [{"slug": festival, "name": f"Festival {festival}"}],
        "editions": [{"festival": festival, "year": year, "start_date": f"{year}-05-01"}],
        "people": [
            {"slug": f"{festival}-person-{n}", "name": f"Ada Lovelace {n}"} for n in range(sessions * 2)
        ],
        "panels": [],
        "articles": [],
    }
    for n in range(sessions):
        data["panels"].append(
            {
                "festival": festival,
                "year": year,
                "slug": f"session-{n}",
                "title": f"Session {n}",
                "participants": [
                    {"person": f"{festival}-person-{2 * n}"},
                    {"person": f"{festival}-person-{2 * n + 1}"},
                ],
            }
        )
        data["articles"].append(
            {
                "slug": f"{festival}-report-{n}",
                "title": f"Report {n}",
                "published_on": f"{year}-05-02",
                "language": "en",
                "status": "published",
                "panels": [f"{festival}/{year}/session-{n}"],
                "quotes": [
                    {"position": 1, "speaker": f"{festival}-person-{2 * n}", "text": "We make films."},
                    {"position": 2, "speaker": f"{festival}-person-{2 * n + 1}", "text": "We watch them."},
                ],
            }
        )
    return data


def queries_to_import(data):
    with CaptureQueriesContext(connection) as captured:
        report = load_coverage(data)
    assert report.ok, report.errors
    return len(captured.captured_queries)


def test_an_import_runs_as_many_queries_for_ten_times_the_records():
    small = queries_to_import(coverage(3, festival="small"))
    large = queries_to_import(coverage(30, festival="large"))

    assert small == large
    assert Quote.objects.filter(article__slug__startswith="large-report-").count() == 60


def test_importing_the_same_records_again_runs_as_few_queries_whatever_their_number():
    load_coverage(coverage(3, festival="small"))
    load_coverage(coverage(30, festival="large"))

    assert queries_to_import(coverage(3, festival="small")) == queries_to_import(
        coverage(30, festival="large")
    )


def test_imported_records_are_public_in_the_history_and_in_order_on_stage(client):
    editor = User.objects.create_user("editor", is_staff=True)
    report = load_coverage(coverage(2), user=editor)

    assert report.ok
    page = client.get("/festivals/cannes/2025/session-1/")
    assert page.status_code == 200
    assert "We watch them." in page.content.decode()
    assert client.get("/people/cannes-person-3/").status_code == 200
    stage = Participation.objects.filter(panel__slug="session-1").order_by("order")
    assert [(p.person.slug, p.order) for p in stage] == [("cannes-person-2", 1), ("cannes-person-3", 2)]
    history = Quote.history.filter(article__slug="cannes-report-1")
    assert {(entry.history_user, entry.history_change_reason) for entry in history} == {
        (editor, "Imported from a coverage file")
    }
    person = Person.objects.get(slug="cannes-person-3")
    assert (person.sort_name, person.index_letter) == ("3", "#")
    assert Article.objects.get(slug="cannes-report-0").published_at is not None


def test_a_quote_added_to_a_stored_article_takes_its_only_session_and_is_checked_against_its_stage():
    panel = PanelFactory()
    on_stage = ParticipationFactory(panel=panel).person
    elsewhere = Person.objects.create(name="Not There", slug="not-there")
    article = ArticleFactory(status=Article.Status.PUBLISHED)
    article.panels.add(panel)
    quote = {"position": 1, "speaker": on_stage.slug, "text": "Words."}
    data = {
        "articles": [
            {
                "slug": article.slug,
                "title": article.title,
                "published_on": "2024-02-18",
                "language": "en",
                "quotes": [quote],
            }
        ]
    }

    assert load_coverage(data).ok
    assert Quote.objects.get(article=article).panel == panel

    quote.update(position=2, speaker=elsewhere.slug)
    errors = [str(error) for error in load_coverage(data).errors]
    assert errors == [
        f"articles[0] ({article.slug}).quotes[0] (position 2), speaker: Not There was not on stage at "
        f"“{panel.title}”. Add them as a participant of the session first."
    ]
    assert Quote.objects.filter(article=article).count() == 1


def test_a_name_another_festival_has_in_the_file_or_in_the_archive_is_refused():
    load_coverage({"festivals": [{"slug": "berlinale", "name": "Berlinale"}]})
    data = {
        "festivals": [
            {"slug": "berlin", "name": "Berlinale"},
            {"slug": "cannes", "name": "Cannes"},
            {"slug": "cannes-again", "name": "Cannes"},
        ]
    }

    errors = [str(error) for error in load_coverage(data).errors]

    assert errors == [
        "festivals[0] (berlin), name: Festival with this Name already exists.",
        "festivals[2] (cannes-again), name: Festival with this Name already exists.",
    ]
    assert not Panel.objects.exists()
