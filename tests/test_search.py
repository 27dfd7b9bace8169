"""Quote and people search: the same behaviour on PostgreSQL and on SQLite."""

import datetime
import re

import pytest
from django.db import connection
from django.utils.html import escape

from articles.models import Article, Quote
from articles.search import site
from tests.factories import ParticipationFactory, QuoteFactory

from .helpers import visible_text

TOOLS_QUOTE = "Je me base toujours sur les créateurs humains"


def found(client, **params):
    response = client.get("/quotes/", params)
    assert response.status_code == 200
    return [quote.text for quote in response.context["page"].object_list]


def test_french_stemming_finds_the_plural(client, demo):
    assert any(text.startswith(TOOLS_QUOTE) for text in found(client, q="outil"))


def test_accents_do_not_matter(client, demo):
    assert any(text.startswith(TOOLS_QUOTE) for text in found(client, q="createurs"))
    assert any(text.startswith(TOOLS_QUOTE) for text in found(client, q="CRÉATEURS"))


def test_every_word_must_appear(client, demo):
    assert [text[:20] for text in found(client, q="outils clients")] == [TOOLS_QUOTE[:20]]


def test_a_phrase_in_quotes_must_appear_as_a_phrase(client, demo):
    assert len(found(client, q='"la personne qui utilise"')) == 1
    assert found(client, q='"utilise la personne"') == []
    assert len(found(client, q="utilise la personne")) == 1


@pytest.mark.parametrize("marks", ["“”", "« »", "„“"])
def test_a_phrase_may_be_put_in_the_quotation_marks_of_each_language(client, demo, marks):
    opening, closing = marks[0], marks[-1]
    assert len(found(client, q=f"{opening}la personne qui utilise{closing}")) == 1
    assert found(client, q=f"{opening}utilise la personne{closing}") == []


def test_the_translation_is_searched_too(client, demo):
    texts = found(client, q="afraid")
    assert len(texts) == 1
    assert texts[0].startswith("Cela change la donne")


def test_speaker_and_words_combine(client, demo):
    assert len(found(client, q="outils")) == 2
    assert len(found(client, q="outils", speaker="christina-caspers-roemer")) == 1
    assert (
        len(found(client, q="outils", speaker="christina-caspers-roemer", festival="berlinale", year="2024"))
        == 1
    )
    assert found(client, q="outils", speaker="dave-clark", topic="miniatures", language="de") == []


def test_filters_by_festival_year_topic_session_and_language(client, demo):
    other = QuoteFactory(text="Words from elsewhere.", language="en")
    assert len(found(client, festival="berlinale")) == 9
    assert found(client, year="2025") == ["Words from elsewhere."]
    assert len(found(client, topic="jobs")) == 9
    assert found(client, panel=str(other.panel.pk)) == ["Words from elsewhere."]
    assert found(client, language="en") == ["Words from elsewhere."]


def test_the_language_filter_offers_the_languages_public_quotes_are_in(client, db):
    QuoteFactory(text="Words said in English.", language="en")
    QuoteFactory(text="日本語で言った言葉です。", language="ja")  # no stemmer, still a language to pick
    QuoteFactory(text="Parole di una bozza.", language="it", article__status=Article.Status.DRAFT)

    def offered():
        select = client.get("/quotes/").content.decode().split('name="language"')[1].split("</select>")[0]
        return re.findall(r'<option value="([^"]*)"', select)

    assert offered() == ["", "en", "ja"]  # any language, English, Japanese: not Italian, a draft's
    assert found(client, language="ja") == ["日本語で言った言葉です。"]
    # A language no public quote is in lists none, and the select shows it; one there is not is refused.
    italian = client.get("/quotes/", {"language": "it"})
    assert "No quotes match these filters." in visible_text(italian)
    assert '<option value="it" selected>Italian</option>' in italian.content.decode()
    assert "Quotes cannot be filtered by that language." in visible_text(client.get("/quotes/?language=xx"))

    QuoteFactory(text="Parole pubblicate.", language="it")  # a save shows at once
    assert offered() == ["", "en", "it", "ja"]


def test_languages_and_festivals_are_offered_in_alphabetical_order_whatever_their_accents(client, db):
    for festival in ["Zurich Film Festival", "Écrans de Paris", "Berlinale"]:
        quote = QuoteFactory(participation__panel__edition__festival__name=festival)
    for language in ["te", "tk"]:  # Télougou and Turkmène in French
        QuoteFactory(language=language, participation__panel=quote.panel)
    page = client.get("/fr/quotes/").content.decode()

    def labels(name):
        select = page.split(f'name="{name}"')[1].split("</select>")[0]
        return re.findall(r">([^<]+)</option>", select)[1:]

    assert labels("festival") == ["Berlinale", "Écrans de Paris", "Zurich Film Festival"]
    assert labels("language")[-2:] == ["Télougou", "Turkmène"]


def test_the_form_shows_the_filters_chosen(client, demo):
    chosen = {"festival": "berlinale", "language": "fr", "sort": "oldest"}
    html = client.get("/quotes/", chosen).content.decode()
    selected = re.findall(r'<option value="([^"]*)" selected>', html)
    assert selected == ["berlinale", "fr", "oldest"]
    assert re.findall(r'<option value="([^"]*)" selected>', client.get("/quotes/").content.decode()) == []


def test_better_matches_come_first(client, db):
    once = QuoteFactory(
        text="There was fear in the long corridors of the old studio buildings that night, they said."
    )
    twice = QuoteFactory(text="Fear the machine, fear the tools.")
    assert found(client, q="fear") == [twice.text, once.text]
    assert found(client, q="fear", sort="oldest")[0] == once.text


@pytest.mark.parametrize(
    ("printed", "language", "typed"),
    [("Die Straße gehört dem Kino.", "de", "strasse"), ("Wir drehen in der Strasse.", "de", "Straße"),
     ("Kręcimy w Łodzi.", "pl", "lodzi"), ("Optagelser i Øresund.", "da", "oresund"),
     ("Un chef-d’œuvre.", "fr", "oeuvre")],
)  # fmt: skip
def test_letters_without_an_accent_to_take_off_fold_too(client, db, printed, language, typed):
    """ß, ł, ø, œ… are no letters with an accent, but readers type them as ss, l, o, oe: both
    engines fold them as PostgreSQL's unaccent does."""
    quote = QuoteFactory(text=printed, language=language)
    assert found(client, q=typed) == [quote.text]
    assert "<mark>" in client.get("/quotes/", {"q": typed}).content.decode()


def test_words_said_rank_above_words_of_the_translation(client, db):
    translated = QuoteFactory(
        text="Wir bauen Welten.", language="de", translation="We build worlds.", translation_language="en"
    )
    said = QuoteFactory(text="Worlds are built by people.", language="en")
    assert found(client, q="worlds") == [said.text, translated.text]


def test_matched_words_are_highlighted(client, demo):
    html = client.get("/quotes/", {"q": "outil"}).content.decode()
    assert "<mark>outils</mark>" in html
    assert "<mark>" not in client.get("/quotes/").content.decode()


def test_an_edited_quote_is_found_by_its_new_words(client, demo):
    quote = Quote.objects.get(text__startswith="Cela change")
    quote.text = "Une tout autre phrase sur les marionnettes."
    quote.save()
    assert found(client, q="marionnette") == [quote.text]
    assert found(client, q="donne") == []


def test_a_phrase_looked_for_in_only_some_quotes_holding_its_words_says_so(client, db, settings):
    """On PostgreSQL a phrase is looked for among at most QUOTE_PHRASE_CHECKS quotes holding all its
    words (SQLite looks in every quote): when more hold them, matches may be missing, and the page
    says so, even when it found none."""
    if connection.vendor != "postgresql":
        pytest.skip("SQLite looks for a phrase in every quote holding its words")
    first = QuoteFactory(text="Puppets need light, and light needs puppets.")
    for _ in range(3):
        QuoteFactory(participation=first.speaker.participations.get(), article=first.article, text=first.text)
    notice = "quotes hold every word of this phrase"

    settings.QUOTE_PHRASE_CHECKS = 10
    response = client.get("/quotes/", {"q": '"light needs puppets"'})
    assert "4 quotes" in visible_text(response)
    assert notice not in visible_text(response)

    settings.QUOTE_PHRASE_CHECKS = 2
    for phrase, listed in [('"need light"', 2), ('"puppets need puppets"', 0)]:
        response = client.get("/quotes/", {"q": phrase})
        assert len(response.context["page"].object_list) == listed
        assert "More than 2 quotes hold every word of this phrase" in visible_text(response)


def test_quotes_of_drafts_are_never_found(client, db):
    QuoteFactory(text="Hidden draft words.", article__status=Article.Status.DRAFT)
    assert found(client, q="hidden") == []


def test_pagination_keeps_every_filter(client, db):
    quote = QuoteFactory(text="Cinema words.")
    for _ in range(30):
        QuoteFactory(
            participation=quote.speaker.participations.get(), article=quote.article, text="Cinema words."
        )
    html = client.get(
        "/quotes/", {"q": "cinema", "speaker": quote.speaker.slug, "sort": "newest"}
    ).content.decode()
    assert f'href="?q=cinema&amp;speaker={quote.speaker.slug}&amp;sort=newest&amp;page=2"' in html


@pytest.mark.parametrize(
    "params",
    [
        {"q": ""},
        {"q": "& | ! : * ( ) ' \" <"},
        {"q": "outils & | !"},
        {"q": '"'},
        {"q": "AND OR NOT NEAR"},
        {"q": "x" * 1_000_000},
        {"speaker": "nobody"},
        {"festival": "nowhere"},
        {"year": "abc"},
        {"year": "99999"},
        {"language": "xx"},
        {"sort": "sideways"},
        {"panel": "abc"},
        {"panel": "99999999999999999999"},
    ],
)
def test_bad_input_gets_a_clear_answer(client, demo, params):
    response = client.get("/quotes/", params)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="count"' in html or 'class="notice"' in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"q": "x" * 501}, "Ensure this value has at most 500 characters"),
        ({"festival": "nowhere"}, "There is no such festival in the archive."),
        ({"year": "abc"}, "Give the year as four digits, e.g. 2024."),
        ({"year": "99999"}, "Ensure this value is less than or equal to 2100."),
        ({"sort": "sideways"}, "Sort by relevance, newest or oldest."),
    ],
)
def test_bad_filters_say_what_is_wrong(client, demo, params, message):
    assert message in visible_text(client.get("/quotes/", params))


def test_what_readers_search_for_is_escaped(client, demo):
    html = client.get("/quotes/", {"q": "<script>alert(1)</script> outils"}).content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt; outils" in html


@pytest.mark.parametrize("typed", ["caspers roemer", "Caspers-Römer", "kaspers", "Christina", "casp"])
def test_names_are_matched_forgivingly(client, demo, typed):
    results = client.get("/people/suggest/", {"q": typed}).json()["results"]
    assert results[0] == {
        "name": "Christina Caspers-Roemer",
        "slug": "christina-caspers-roemer",
        "url": "/people/christina-caspers-roemer/",
    }


@pytest.mark.parametrize("typed", ["", "  ", "zzzz", "<>", "x" * 10_000])
def test_name_suggestions_for_nothing_are_empty(client, demo, typed):
    assert client.get("/people/suggest/", {"q": typed}).json() == {"results": []}


def test_speaker_filter_accepts_forgiving_names(client, demo):
    assert len(found(client, speaker="Caspers-Römer")) == 2
    assert len(found(client, speaker="kaspers")) == 2


def test_a_speaker_chosen_by_part_of_a_name_comes_with_the_others_it_matches(client, demo):
    QuoteFactory(text="Words of another Weiss.", participation__person__name="Anna Weiß")
    page = client.get("/quotes/", {"speaker": "weiss", "year": "2024"})
    text = visible_text(page)
    assert "Quotes by Anna Weiß" in text  # the whole word matches her name
    assert "Others whose names match “weiss”: Simon Weisse" in text
    other = re.search(r'<a href="([^"]+)">Simon Weisse</a>', page.content.decode()).group(1)
    assert "speaker=simon-weisse" in other and "year=2024" in other  # the other filters kept

    typed_with_spaces = visible_text(client.get("/quotes/", {"speaker": "   weiss  "}))
    assert "Others whose names match “weiss”: Simon Weisse" in typed_with_spaces

    for exactly in ["simon-weisse", "Simon Weisse", "Anna Weiß"]:
        assert "Others whose names match" not in visible_text(client.get("/quotes/", {"speaker": exactly}))


def test_quote_permalink_shows_the_quote_in_context_with_a_citation(client, demo):
    quote = Quote.objects.get(speaker__slug="ac-coppens")
    response = client.get(f"/quotes/{quote.pk}/")
    text = visible_text(response)
    assert quote.text in text
    assert quote.translation in text
    assert "AC Coppens, Founder, The Catalysts" in text
    assert "AI and World-Building in Film and TV" in text
    assert "Berlinale 2024" in text
    assert "Berlin débat de la menace de l’IA" in text
    citation = response.content.decode().split('<textarea id="citation"')[1].split("</textarea>")[0]
    assert f"http://testserver/quotes/{quote.pk}/" in citation
    assert (
        "— AC Coppens, Founder, The Catalysts, at “AI and World-Building in Film and TV”, Berlinale 2024"
        in citation
    )


@pytest.mark.parametrize(
    ("page", "language", "printed", "cited"),
    [("/fr", "fr", "On découvre « ensemble » un film : enfin ?",
      "«\u00a0On découvre “ensemble” un film\u00a0: enfin\u202f?\u00a0»"),
     ("/fr", "de", "Sie nannte es „Kino“.", "«\u00a0Sie nannte es “Kino”.\u00a0»"),
     ("", "en", "He said “never again”.", "“He said ‘never again’.”"),
     ("", "fr", "On découvre « ensemble » un film.", "“On découvre ‘ensemble’ un film.”"),
     ("/de", "de", "Sie nannte es „Kino“.", "„Sie nannte es ‚Kino‘.“"),
     ("/de", "en", "He said “never again”.", "„He said ‚never again‘.“")],
)  # fmt: skip
def test_a_citation_sets_quotations_within_the_quote_in_the_inner_marks_of_the_page(
    client, db, page, language, printed, cited
):
    """Whatever marks the quote uses (« », „ “, “ ”), the citation nests them as the page's language
    does, and keeps the quote's own typography (French spaces before : and ?)."""
    title = "Cannes : « La salle n’est pas morte »"
    quote = QuoteFactory(text=printed, language=language, article__title=title)
    html = client.get(f"{page}{quote.get_absolute_url()}").content.decode()
    citation = html.split('<textarea id="citation"')[1].split("</textarea>")[0]
    assert escape(cited) in citation
    if page == "/fr":
        assert escape("«\u00a0Cannes : “La salle n’est pas morte”\u00a0»") in citation


def test_quote_permalinks_of_drafts_and_unknown_ids_are_404(client, db):
    draft = QuoteFactory(article__status=Article.Status.DRAFT)
    assert client.get(f"/quotes/{draft.pk}/").status_code == 404
    assert client.get("/quotes/999999/").status_code == 404
    assert client.get("/quotes/abc/").status_code == 404


def test_search_results_link_to_permalinks(client, demo):
    quote = Quote.objects.get(speaker__slug="ac-coppens")
    assert f'href="/quotes/{quote.pk}/"' in client.get("/quotes/", {"q": "fascination"}).content.decode()


def test_site_search_groups_people_sessions_articles_and_quotes(client, demo):
    response = client.get("/search/", {"q": "weisse"})
    assert [person.name for person in response.context["results"]["people"]] == ["Simon Weisse"]
    response = client.get("/search/", {"q": "world building"})
    assert [panel.title for panel in response.context["results"]["panels"]] == [
        "AI and World-Building in Film and TV"
    ]
    response = client.get("/search/", {"q": "hollywood"})
    assert len(response.context["results"]["articles"]) == 1
    assert len(response.context["results"]["quotes"]) >= 1
    headings = [
        line.split(">")[1].split("<")[0] for line in response.content.decode().splitlines() if "<h2" in line
    ]
    assert headings == ["People", "Sessions", "Articles", "Quotes"]


def test_site_search_finds_an_article_by_a_word_of_its_text(db, client):
    QuoteFactory(article__title="Report from Munich", article__body="The Q&A ran over: a long Fragerunde.")
    results = client.get("/search/", {"q": "fragerunde"}).context["results"]
    assert [article.title for article in results["articles"]] == ["Report from Munich"]


def test_a_site_search_that_finds_nothing_says_so_once(client, demo):
    response = client.get("/search/", {"q": "zzyzx"})
    text = visible_text(response)
    assert "Nothing in the archive matches “zzyzx”. Check the spelling, or try fewer words." in text
    assert "<h2" not in response.content.decode().split("<h1")[1]
    partly = visible_text(client.get("/search/", {"q": "outils"}))  # only words said
    assert "Craignez la personne qui utilise ces outils" in partly
    assert "No people match." in partly and "Nothing in the archive" not in partly


@pytest.mark.parametrize(
    ("typed", "session", "article"),
    [
        ("ecrire", True, False),
        ("ÉCRIRE", True, False),
        ("lefevre", False, True),
        ("grosser", False, True),
        ("muller", False, True),
        ("Größer Écrire", False, False),
    ],
)
def test_site_search_finds_sessions_and_articles_whatever_their_accents_and_case(
    db, client, typed, session, article
):
    QuoteFactory(
        participation=ParticipationFactory(panel__title="Écrire pour les plateformes"),
        article__title="Größer als gedacht",
        article__author="Jörg Müller",
        article__summary="Avec Hélène Lefèvre-Dupré et d'autres.",
    )
    results = client.get("/search/", {"q": typed}).context["results"]
    assert [panel.title for panel in results["panels"]] == (
        ["Écrire pour les plateformes"] if session else []
    )
    assert [found.title for found in results["articles"]] == (["Größer als gedacht"] if article else [])


@pytest.mark.parametrize(
    ("typed", "found"), [("ai", ["AI in the writers' room"]), ("AI", ["AI in the writers' room"]),
                         ("writer", ["AI in the writers' room"]), ("aid", []), ("riters", [])],
)  # fmt: skip
def test_site_search_matches_the_beginnings_of_words_not_letters_inside_them(db, client, typed, found):
    QuoteFactory(
        participation__panel__title="AI in the writers' room",
        article__title="AI in the writers' room, reported",
    )
    QuoteFactory(participation__panel__title="Said and done", article__title="Said and done, reported")
    results = client.get("/search/", {"q": typed}).context["results"]
    assert [panel.title for panel in results["panels"]] == found
    assert [article.title for article in results["articles"]] == [f"{title}, reported" for title in found]


@pytest.mark.parametrize(
    ("typed", "found_session"),
    [("cannes", True), ("Festival de Cannes 2025", True), ("cannes 2024", False),
     ("weiss-ozturk", True), ("Öztürk keynote", True), ("öztürk berlinale", False)],
)  # fmt: skip
def test_site_search_finds_sessions_by_festival_year_and_people_on_stage(db, client, typed, found_session):
    keynote = ParticipationFactory(
        panel__title="Keynote",
        panel__edition__festival__name="Festival de Cannes",
        panel__edition__festival__short_name="Cannes",
        person__name="Jürgen Weiß-Öztürk",
    )
    QuoteFactory(participation=keynote)
    QuoteFactory(participation__panel__title="Another keynote", participation__panel__edition__year=2024)
    results = client.get("/search/", {"q": typed}).context["results"]
    assert [panel.title for panel in results["panels"]] == (["Keynote"] if found_session else [])


@pytest.mark.parametrize(
    ("typed", "listed"), [("berlinale", True), ("Berlinale 2024", True), ("2024", False)]
)
def test_site_search_leads_to_a_festival_named(client, demo, typed, listed):
    html = client.get("/search/", {"q": typed}).content.decode()
    assert ('<h2 id="found-festivals">Festivals</h2>' in html) == listed
    assert ('<a href="/festivals/berlinale/">' in html) == listed


@pytest.mark.parametrize("typed", ["", "&&&", "x" * 600, "<script>x</script>"])
def test_site_search_handles_odd_input(client, demo, typed):
    response = client.get("/search/", {"q": typed})
    assert response.status_code == 200
    assert "<script>x</script>" not in response.content.decode()


def test_suggestions_put_the_closest_name_first_and_only_public_people(client, demo):
    QuoteFactory(participation__person__name="Simon Weissenberg")
    ParticipationFactory(person__name="Simon Weisse Unpublished")
    results = client.get("/people/suggest/", {"q": "simon weisse"}).json()["results"]
    assert [result["name"] for result in results] == ["Simon Weisse", "Simon Weissenberg"]


def test_a_very_common_word_lists_a_bounded_set_and_asks_to_narrow(client, db, settings):
    settings.QUOTE_SEARCH_CANDIDATES = 3
    first = QuoteFactory(text="Cinema one.")
    for text in ["Cinema two.", "Cinema three.", "Cinema four."]:
        QuoteFactory(participation=first.speaker.participations.get(), article=first.article, text=text)
    response = client.get("/quotes/", {"q": "cinema"})
    assert len(response.context["page"].object_list) == 3
    assert (
        "At least 3 quotes match; 3 of them are listed. Add words or filters to narrow the search."
        in visible_text(response)
    )
    narrowed = client.get("/quotes/", {"q": "cinema four"})
    assert [quote.text for quote in narrowed.context["page"].object_list] == ["Cinema four."]
    assert "narrow the search" not in visible_text(narrowed)


def test_filters_apply_before_the_bound_on_matches(client, db, settings):
    settings.QUOTE_SEARCH_CANDIDATES = 2
    for _ in range(3):
        QuoteFactory(text="Cinema elsewhere.", language="en")
    wanted = QuoteFactory(text="Cinema in German.", language="de")
    assert found(client, q="cinema", language="de") == [wanted.text]


def test_highlighting_never_breaks_escaped_characters():
    from articles.search import highlight

    assert highlight("Tom & Jerry's <b>amp</b> quot", "amp quot x27 lt") == (
        "Tom &amp; Jerry&#x27;s &lt;b&gt;<mark>amp</mark>&lt;/b&gt; <mark>quot</mark>"
    )
    assert highlight("Les créateurs et leurs outils", "createur OUTIL") == (
        "Les <mark>créateurs</mark> et leurs <mark>outils</mark>"
    )
    assert highlight("Über die Übersetzung von Übersetzungen", "Übersetzungen") == (
        "Über die <mark>Übersetzung</mark> von <mark>Übersetzungen</mark>"
    )


@pytest.mark.parametrize("param", ["speaker", "topic", "panel"])
def test_filters_never_name_what_only_drafts_cover(client, db, param):
    draft = QuoteFactory(
        article__status=Article.Status.DRAFT,
        participation__person__name="Secretia Hiddenworth",
        participation__panel__title="Secret Session Title",
    )
    topic = draft.panel.topics.create(name="Secret Topic Zebra", slug="secret-topic")
    QuoteFactory()
    value = {"speaker": "Hiddenworth", "topic": topic.slug, "panel": str(draft.panel.pk)}[param]
    html = client.get("/quotes/", {param: value}).content.decode()
    for secret in ["Hiddenworth", "Secret Session Title", "Secret Topic Zebra"]:
        # The reader's own words may stay: in the field, and in the addresses of this page in other languages.
        assert secret not in html.replace(f'value="{value}"', "").replace(f"?{param}={value}", "")
    assert "Secret Topic Zebra" not in client.get("/quotes/").content.decode()


@pytest.mark.parametrize("typed", ["_", "²", "½", "__ ²"])
def test_words_no_engine_can_search_give_no_results_not_an_error(client, demo, typed):
    response = client.get("/quotes/", {"q": typed})
    assert response.status_code == 200
    assert client.get("/search/", {"q": typed}).status_code == 200


def test_a_minus_excludes_a_word_on_both_engines(client, demo):
    assert [text[:20] for text in found(client, q="outils -créateurs")] == ["Cela change la donne"]
    assert [text[:20] for text in found(client, q="outils -createurs")] == ["Cela change la donne"]
    assert found(client, q="-outils") == []


def test_an_excluded_phrase_leaves_quotes_without_it(client, demo):
    assert [text[:20] for text in found(client, q='-"la personne qui" outils')] == [TOOLS_QUOTE[:20]]
    assert found(client, q='outils "') == found(client, q="outils")


@pytest.mark.parametrize("candidates", [200, 2], ids=["few-matches", "more-matches-than-candidates"])
def test_site_search_lists_the_first_sessions_and_articles_in_order_however_many_match(
    db, client, monkeypatch, candidates
):
    """Up to FIRST_FOUND_CANDIDATES matches are put in order among themselves; beyond that the
    database lists them in order itself. Either way the reader gets the same first five."""
    monkeypatch.setattr(site, "FIRST_FOUND_CANDIDATES", candidates)
    for day in [5, 1, 4, 2, 6, 3]:
        QuoteFactory(
            participation__panel__title=f"Keynote on day {day}",
            participation__panel__date=datetime.date(2025, 5, day),
            article__title=f"Keynote report {day}",
            article__published_on=datetime.date(2025, 6, day),
        )
    QuoteFactory(participation__panel__title="Another session", article__title="Another report")
    results = client.get("/search/", {"q": "keynote"}).context["results"]
    assert [panel.title for panel in results["panels"]] == [
        f"Keynote on day {day}" for day in [1, 2, 3, 4, 5]
    ]
    assert [article.title for article in results["articles"]] == [
        f"Keynote report {day}" for day in [6, 5, 4, 3, 2]
    ]
