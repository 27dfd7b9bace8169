"""Every public page, with the demo coverage loaded as `make run` loads it: a title, one heading and
landmarks; nothing of drafts; typography; long lists."""

import re

import pytest

from articles.models import Article
from tests.factories import QuoteFactory
from tests.helpers.demo import PANEL_URL
from tests.helpers.pages import outline, visible_text

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


def test_quotes_carry_their_language(client, demo):
    html = client.get(PANEL_URL).content.decode()
    assert '<blockquote lang="fr"' in html


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


def test_the_favicon_is_served(client, db):
    response = client.get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
