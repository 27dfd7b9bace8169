"""The quote search page: its filters and form, its pages, and each quote's permalink with a citation."""

import re

import pytest
from django.utils.html import escape

from articles.models import Article, Quote
from tests.factories import QuoteFactory
from tests.helpers.pages import visible_text
from tests.helpers.search import found


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


def test_quotes_filter_by_topic(client, demo):
    QuoteFactory(text="Off-topic words entirely.")
    text = visible_text(client.get("/quotes/?topic=miniatures"))
    assert "9 quotes" in text
    assert "Off-topic words entirely." not in text


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


def test_filters_that_match_nothing_say_so_and_offer_a_way_back(client, demo):
    QuoteFactory(participation__person__name="Nora Quist", participation__person__slug="nora-quist")
    response = client.get("/quotes/", {"speaker": "nora-quist", "topic": "miniatures"})
    text = visible_text(response)
    assert "Quotes by Nora Quist on Miniatures" in text
    assert "No quotes match these filters. Clear the filters" in text
    assert 'href="/quotes/"' in response.content.decode()


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


def test_pagination_keeps_the_filters(client, db):
    quote = QuoteFactory()
    for _ in range(30):
        QuoteFactory(participation=quote.speaker.participations.get(), article=quote.article)
    html = client.get(f"/quotes/?speaker={quote.speaker.slug}").content.decode()
    assert f'href="?speaker={quote.speaker.slug}&amp;page=2"' in html


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


def test_search_results_link_to_permalinks(client, demo):
    quote = Quote.objects.get(speaker__slug="ac-coppens")
    assert f'href="/quotes/{quote.pk}/"' in client.get("/quotes/", {"q": "fascination"}).content.decode()


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
