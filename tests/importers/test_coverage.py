"""Importing coverage (articles/importers/coverage/): all or nothing, records matched by slug, with a
report that names every bad record and every change."""

import re

import pytest
from django.utils import translation

from articles.importers.coverage import load_coverage, load_files
from articles.models import Article, Festival, Participation, Person, Quote, Topic
from tests.helpers.importing import (
    ARTICLE,
    DEMO_FILE,
    MODELS,
    counts,
    demo_coverage,
    failed_import,
    run_import,
    table,
    upload,
    write,
)
from tests.helpers.pages import visible_text

pytestmark = pytest.mark.django_db


PANEL = "berlinale/2024/ai-and-world-building-in-film-and-tv"


def test_importing_the_same_file_again_changes_nothing(tmp_path):
    path = write(tmp_path, demo_coverage())
    run_import(path)
    before = counts()
    stamps = {
        model.__name__: list(model.objects.values_list("pk", "updated_at"))
        for model in MODELS
        if model is not Participation
    }
    rows = list(Quote.objects.values()) + list(Participation.objects.values())

    out, _ = run_import(path)

    assert counts() == before
    assert {
        model.__name__: list(model.objects.values_list("pk", "updated_at"))
        for model in MODELS
        if model is not Participation
    } == stamps
    assert list(Quote.objects.values()) + list(Participation.objects.values()) == rows
    assert "quotes            0 created     0 updated     9 unchanged" in out
    report = load_files([("demo.json", DEMO_FILE.read_bytes())])
    assert report.ok
    assert all(tally.created == tally.updated == 0 for tally in report.counts.values())
    assert report.counts["participants"].unchanged == 4
    assert not report.written


def test_a_changed_record_is_updated_and_the_rest_left_alone(demo):
    data = demo_coverage()
    data["articles"][0]["quotes"][2]["context"] = "Asked about Sora."
    data["people"][0]["bio"] = "Filmmaker."
    untouched = Quote.objects.get(position=1).updated_at

    report = load_coverage(data)

    assert report.ok, report.errors
    assert (report.counts["quotes"].updated, report.counts["quotes"].unchanged) == (1, 8)
    assert (report.counts["people"].updated, report.counts["people"].unchanged) == (1, 3)
    assert Quote.objects.get(position=3).context == "Asked about Sora."
    assert Quote.objects.get(position=1).updated_at == untouched


@pytest.mark.django_db(transaction=True)  # the upload is imported by the worker, as on the site
def test_a_file_that_changes_records_in_the_archive_says_which_keys_of_which(tmp_path, admin_client):
    """Records are matched by slug: a file that reuses an article's slug for another report would
    overwrite it. The report names each record it changes and how, before (dry run) and after."""
    run_import(write(tmp_path, demo_coverage()))
    data = demo_coverage()
    data["articles"][0].update(title="Another report altogether", publication="Variety")
    data["articles"][0]["quotes"][0]["text"] = "Completely different words."

    out, _ = run_import("--dry-run", write(tmp_path, data))
    assert f"  {ARTICLE}: title, publication" in out.splitlines()
    assert f"  {ARTICLE}.quotes[0] (position 1): text" in out.splitlines()
    assert "Would change, in records already in the archive:" in out
    assert not Article.objects.filter(title="Another report altogether").exists()

    response = upload(admin_client, data)
    assert [ARTICLE, "title, publication"] in table(response, "import-changes")
    assert Article.objects.filter(title="Another report altogether").exists()


def test_festival_and_topic_names_in_french_and_german_are_imported_and_shown_in_those_languages(client):
    data = demo_coverage()
    data["festivals"][0].update(name_fr="Berlinale (Festival de Berlin)", name_de="")
    data["topics"][0].update(name_fr="Intelligence artificielle", name_de="Künstliche Intelligenz")

    assert load_coverage(data).ok

    topic = Topic.objects.get(slug=data["topics"][0]["slug"])
    assert (topic.name_fr, topic.name_de) == ("Intelligence artificielle", "Künstliche Intelligenz")
    topic_url, festival_url = topic.get_absolute_url(), Festival.objects.get().get_absolute_url()
    assert "Künstliche Intelligenz" in visible_text(client.get(f"/de{topic_url}"))
    assert "Intelligence artificielle" in visible_text(client.get(f"/fr{topic_url}"))
    assert "Berlinale (Festival de Berlin)" in visible_text(client.get(f"/fr{festival_url}"))
    assert data["festivals"][0]["name"] in visible_text(client.get(f"/de{festival_url}"))  # no German name


def test_statuses_and_the_public_from_time_are_imported():
    data = demo_coverage()
    article = data["articles"][0]
    article["status"] = "in_review"
    report = load_coverage(data)
    assert report.ok, report.errors
    assert Article.objects.get().status == Article.Status.IN_REVIEW
    assert not Quote.objects.public().exists()

    article["status"] = "published"
    article["published_at"] = "2030-01-01T09:00:00+01:00"
    report = load_coverage(data)
    assert report.counts["articles"].updated == 1
    stored = Article.objects.get()
    assert stored.status == Article.Status.PUBLISHED
    assert stored.published_at.isoformat() == "2030-01-01T08:00:00+00:00"
    assert not stored.is_public  # scheduled
    assert load_coverage(data).counts["articles"].unchanged == 1


def test_one_bad_record_among_good_ones_writes_nothing_and_every_bad_record_is_reported(tmp_path):
    data = demo_coverage()
    data["people"].append({"slug": "jane-doe", "name": "Jane Doe", "website": "not a web address"})
    data["articles"][0]["quotes"][3]["speaker"] = "nobody-we-know"
    data["articles"][0]["quotes"][7]["speaker"] = "ac-coppens"  # she was on stage, he was too: fine
    data["articles"][0]["quotes"][8]["published"] = "yes"

    message, stderr = failed_import(write(tmp_path, data))

    assert counts() == dict.fromkeys(counts(), 0)
    assert "3 errors (listed above); nothing was written." in message
    lines = stderr.splitlines()
    assert "people[4] (jane-doe), website: Enter a valid URL." in lines
    assert (
        f"{ARTICLE}.quotes[3] (position 4), speaker: "
        "No person “nobody-we-know” in the file or in the archive."
    ) in lines
    assert any(line.startswith(f"{ARTICLE}.quotes[8] (position 9), published: Unknown key") for line in lines)


def test_a_record_refused_for_one_problem_is_still_checked_for_the_others(tmp_path):
    """One round reports every problem: a wrong key or value in a record no longer hides the rest
    of what is wrong with it, nor with the quotes of an article refused for its own values."""
    data = demo_coverage()
    data["people"].append(
        {"slug": "jane-doe", "name": "Jane Doe", "website": "not a web address", "bio2": "x"}
    )
    data["editions"].append(
        {"festival": "berlinale", "year": "2025x", "start_date": "2025-02-25", "end_date": "2025-02-15"}
    )
    article = data["articles"][0]
    article["title"] = ""
    article["quotes"][0].update(
        translation="Noch einmal auf Französisch.", translation_language=article["language"]
    )
    data["people"].append({"slug": "not-on-stage", "name": "Not On Stage"})
    article["quotes"][1]["speaker"] = "not-on-stage"

    _, stderr = failed_import(write(tmp_path, data))

    lines = stderr.splitlines()
    assert "people[4] (jane-doe), website: Enter a valid URL." in lines
    assert any(line.startswith("people[4] (jane-doe), bio2: Unknown key") for line in lines)
    assert any(line.startswith("editions[1] (berlinale 2025x), year:") for line in lines)
    assert "editions[1] (berlinale 2025x): An edition cannot end before it starts." in lines
    assert any(line.startswith(f"{ARTICLE}, title: Required") for line in lines)
    assert any(
        "quotes[0] (position 1), translation_language: The translation must be in another language" in line
        for line in lines
    )
    assert any("quotes[1] (position 2), speaker: Not On Stage was not on stage" in line for line in lines)


def test_a_quote_by_someone_not_on_stage_is_reported_and_nothing_written(tmp_path):
    data = demo_coverage()
    data["people"].append({"slug": "jane-doe", "name": "Jane Doe"})
    data["articles"][0]["quotes"][0]["speaker"] = "jane-doe"

    _, stderr = failed_import(write(tmp_path, data))

    assert Person.objects.count() == 0
    assert "quotes[0] (position 1), speaker: Jane Doe was not on stage at “AI and World-Building" in stderr


def test_the_quotes_of_an_article_with_an_error_are_checked_too(tmp_path):
    """Every problem in one round: a bad source address does not hide that a quote's speaker was
    not on stage, nor that a translation's language is missing."""
    data = demo_coverage()
    data["people"].append({"slug": "jane-doe", "name": "Jane Doe"})
    article = data["articles"][0]
    article["source_url"] = "screendaily.com/x"
    article["quotes"][0]["speaker"] = "jane-doe"
    article["quotes"][1].update(translation="Some words.", translation_language=None)

    _, stderr = failed_import(write(tmp_path, data))

    assert f"{ARTICLE}, source_url: Enter a valid URL." in stderr
    assert "quotes[0] (position 1), speaker: Jane Doe was not on stage at “AI and World-Building" in stderr
    assert "quotes[1] (position 2), translation_language: Say which language the translation is in." in stderr
    assert len(re.findall(r"quotes\[\d+\]", stderr)) == 2  # the other quotes are right
    assert Quote.objects.count() == 0


def test_malformed_json_is_one_clear_error(tmp_path):
    message, stderr = failed_import(write(tmp_path, '{"festivals": [{"slug": "x",}]}', name="broken.json"))
    assert "1 error (listed above)" in message
    assert (
        "broken.json: This is not valid JSON: "
        "Expecting property name enclosed in double quotes (line 1, column 29)." in stderr
    )


def test_a_file_that_is_not_an_object_is_one_clear_error(tmp_path):
    _, stderr = failed_import(write(tmp_path, "[1, 2]"))
    assert "The file must hold one JSON object" in stderr and "not a list" in stderr


def test_unknown_top_level_keys_and_references_are_reported(tmp_path):
    data = demo_coverage()
    data["speakers"] = []
    data["editions"][0]["festival"] = "cannes"
    data["panels"][0]["topics"].append("cooking")
    data["panels"][0]["participants"][0]["person"] = "david-clark"
    data["articles"][0]["panels"] = ["berlinale/2023/ai-and-world-building-in-film-and-tv"]
    data["articles"][0]["quotes"][1]["panel"] = "berlinale-ai"

    _, stderr = failed_import(write(tmp_path, data))

    assert "top level, speakers: Unknown key; a file holds only festivals, editions" in stderr
    assert (
        "editions[0] (cannes 2024), festival: No festival “cannes” in the file or in the archive." in stderr
    )
    assert (
        f"panels[0] ({PANEL}), year: No edition of “berlinale” in 2024 in the file or in the archive"
        in stderr
    )
    assert f"panels[0] ({PANEL}), topics: No topic “cooking” in the file or in the archive." in stderr
    assert (
        "participants[0] (david-clark), person: No person “david-clark” in the file or in the archive."
        in stderr
    )
    assert "panels: No session “berlinale/2023/ai-and-world-building-in-film-and-tv”" in stderr
    assert (
        "quotes[1] (position 2), panel: “berlinale-ai” is not a session: "
        "write festival-slug/year/session-slug." in stderr
    )


def test_a_record_that_refers_to_a_bad_one_says_so():
    data = demo_coverage()
    data["people"][0]["website"] = "dave at example"

    report = load_coverage(data)

    messages = [str(error) for error in report.errors]
    assert messages[0] == "people[0] (dave-clark), website: Enter a valid URL."
    assert (
        f"panels[0] ({PANEL}).participants[0] (dave-clark), person: “dave-clark” has errors of its own "
        "(people[0] (dave-clark))."
    ) in messages
    assert Person.objects.count() == 0


def test_wrong_types_bad_dates_and_unknown_choices_are_reported_by_field():
    data = demo_coverage()
    data["editions"][0]["year"] = "2024"
    data["panels"][0]["kind"] = "roundtable"
    data["panels"][0]["start_time"] = "2pm"
    data["panels"][0]["participants"][1]["role"] = "star"
    data["articles"][0]["published_on"] = "17/02/2024"
    data["articles"][0]["quotes"][0]["language"] = "french"
    data["articles"][0]["quotes"][2]["position"] = 2
    del data["articles"][0]["quotes"][4]["text"]

    report = load_coverage(data)

    assert not report.written and Festival.objects.count() == 0
    found = {(re.sub(r" \([^)]*\)", "", error.record), error.field): error.message for error in report.errors}
    assert found[("editions[0]", "year")] == "Must be a whole number, not a text."
    assert found[("panels[0]", "kind")].startswith("Unknown kind “roundtable”: use panel, keynote,")
    assert found[("panels[0]", "start_time")] == "“2pm” is not a real time, written HH:MM."
    assert found[("panels[0].participants[1]", "role")].startswith("Unknown role “star”")
    assert found[("articles[0]", "published_on")] == "“17/02/2024” is not a real date, written YYYY-MM-DD."
    assert found[("articles[0].quotes[0]", "language")].startswith("Unknown language “french”")
    assert found[("articles[0].quotes[2]", "position")].startswith(
        "Another quote of this article has this position"
    )
    assert found[("articles[0].quotes[4]", "text")] == "Required, but missing."


def test_the_report_is_in_the_language_of_whoever_imports_with_the_file_format_names_kept():
    data = demo_coverage()
    data["articles"][0]["quotes"][3]["speaker"] = "nobody-we-know"
    data["articles"][0]["quotes"][8]["published"] = "yes"

    with translation.override("fr"):
        messages = [str(error) for error in load_coverage(data).errors]

    assert (
        f"{ARTICLE}.quotes[3] (position 4), speaker\u00a0: "
        "Aucune personne «\u00a0nobody-we-know\u00a0» ni dans le fichier ni dans les archives."
    ) in messages
    assert (
        f"{ARTICLE}.quotes[8] (position 9), published\u00a0: Clé inconnue\u00a0; un enregistrement de la "
        "liste quotes a pour clés position, speaker, text, panel, language, spoken_text, spoken_language, "
        "translation, translation_language et context."
    ) in messages


@pytest.mark.parametrize(
    "change, expected",
    [
        (
            lambda data: data["festivals"][0].update(slug="ber\u0000linale"),
            "festivals[0] (ber\x00linale), slug: Contains a NUL",
        ),
        (
            lambda data: data["panels"][0].update(year=10**20),
            "year: No edition of “berlinale” in 100000000000000000000",
        ),
        (
            lambda data: data["articles"][0]["quotes"][0].update(position=10**20),
            "position: Ensure this value is less than",
        ),
        (
            lambda data: data["panels"][0].update(topics=["jobs", 3]),
            "topics: Must be a list of texts; item 1 is a number.",
        ),
        (lambda data: data.update(festivals=[1]), "festivals[0]: Must be an object with keys, not a number."),
        (
            lambda data: data.update(people={"slug": "x"}),
            "top level, people: Must be a list of objects, not an object.",
        ),
    ],
)
def test_hostile_values_are_reported_never_crash(change, expected):
    data = demo_coverage()
    change(data)
    report = load_coverage(data)
    assert any(expected in str(error) for error in report.errors), report.errors
    assert counts() == dict.fromkeys(counts(), 0)


def test_model_validation_is_reported_with_the_record():
    data = demo_coverage()
    data["editions"][0]["end_date"] = "2024-02-01"  # before it starts
    data["people"][1]["slug"] = "AC Coppens"

    report = load_coverage(data)

    messages = [str(error) for error in report.errors]
    assert "editions[0] (berlinale 2024): An edition cannot end before it starts." in messages
    assert any(
        message.startswith("people[1] (AC Coppens), slug: Enter a valid “slug”") for message in messages
    )
    assert Festival.objects.count() == 0
