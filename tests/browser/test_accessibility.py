"""axe-core finds no accessibility violations on any kind of public page, in light and dark mode."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from articles.models import Article, Edition, Festival, Panel, Person, Quote, Topic

pytestmark = pytest.mark.django_db(transaction=True)


def public_pages():
    """One address of every kind of public page, taken from the demo coverage."""
    quote = Quote.objects.public().select_related("speaker").order_by("pk").first()
    return {
        "home": "/",
        "festivals": "/festivals/",
        "festival": Festival.objects.public().first().get_absolute_url(),
        "edition": Edition.objects.public().select_related("festival").first().get_absolute_url(),
        "panel": Panel.objects.public().with_edition().first().get_absolute_url(),
        "people": "/people/",
        "person": Person.objects.public().first().get_absolute_url(),
        "topics": "/topics/",
        "topic": Topic.objects.public().first().get_absolute_url(),
        "articles": "/articles/",
        "article": Article.objects.public().first().get_absolute_url(),
        "quote search": f"/quotes/?speaker={quote.speaker.slug}&q={quote.text.split()[1]}",
        "quote search with errors": "/quotes/?year=abc&speaker=nobody-at-all",
        "quote permalink": quote.get_absolute_url(),
        "site search": f"/search/?q={quote.speaker.name.split()[-1]}",
        "not found": "/festivals/no-such-festival/",
    }


def violations(page):
    results = Axe().run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + ", ".join(str(node["target"]) for node in violation["nodes"][:5])
        for violation in results.response["violations"]
    ]


@pytest.mark.parametrize("color_scheme", ["light", "dark"])
def test_no_public_page_has_an_axe_violation(page, demo, color_scheme):
    page.emulate_media(color_scheme=color_scheme)
    found = {}
    for kind, url in public_pages().items():
        page.goto(url)
        assert page.locator("h1").count() == 1, f"{kind} ({url}) should have one main heading"
        if problems := violations(page):
            found[f"{kind} {url}"] = problems
    assert found == {}
