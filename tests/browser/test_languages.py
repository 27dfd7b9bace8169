"""A reader whose browser speaks French lands on the French site, moves between the languages with the
switcher and stays on the same page each time; on a phone the switcher fits the screen."""

import pytest
from playwright.sync_api import expect

from articles.models import Quote
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def french_page(chromium, live_server):
    context = chromium.new_context(
        base_url=live_server.url, locale="fr-FR", viewport={"width": 360, "height": 740}
    )
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_a_french_reader_is_offered_french_and_switches_languages_on_the_same_page(french_page, demo):
    page = french_page
    quote = Quote.objects.public().order_by("pk").first()
    speaker_path = quote.speaker.get_absolute_url()

    page.goto(speaker_path)  # an English address, shared by someone
    expect(page).to_have_url(f"{page.url.split('/fr/')[0]}/fr{speaker_path}")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.get_by_role("heading", level=1)).to_have_text(quote.speaker.name)
    switcher = page.get_by_role("navigation", name="Langue")
    expect(switcher.locator('[aria-current="true"]')).to_have_text("Français")
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window

    switcher.get_by_role("link", name="Deutsch").click()
    expect(page).to_have_url(f"{page.url.split('/de/')[0]}/de{speaker_path}")
    expect(page.locator("html")).to_have_attribute("lang", "de")
    expect(page.get_by_role("heading", level=1)).to_have_text(quote.speaker.name)

    page.get_by_role("navigation", name="Sprache").get_by_role("link", name="English").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")  # not sent back to French
    assert page.url.endswith(speaker_path) and "/fr/" not in page.url and "/de/" not in page.url
    expect(page.get_by_role("heading", level=1)).to_have_text(quote.speaker.name)

    # The quote search keeps the reader's filters across languages.
    page.goto(f"/quotes/?speaker={quote.speaker.slug}&sort=oldest")
    page.get_by_role("navigation", name="Language").get_by_role("link", name="Français").click()
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    assert page.url.endswith(f"/fr/quotes/?speaker={quote.speaker.slug}&sort=oldest")
    expect(page.get_by_label("Personne citée")).to_have_value(quote.speaker.name)


@pytest.mark.parametrize(("prefix", "marks"), [("/fr", "«\u00a0…\u00a0»"), ("/de", "„…“"), ("", "“…”")])
def test_a_translation_beside_a_quote_takes_the_quotation_marks_of_the_page(page, db, prefix, marks):
    """The French page quotes an English translation « like this », with its spaces, as French does."""
    said_in = {"/fr": "de", "/de": "fr", "": "de"}[prefix]
    quote = QuoteFactory(text="Worte.", language=said_in, translation="Words.", translation_language="en")
    page.goto(f"{prefix}{quote.get_absolute_url()}")
    quotes = page.locator(".quote-alt q").evaluate("q => getComputedStyle(q).quotes")
    opening, closing = marks.split("…")
    assert quotes.startswith(f'"{opening}" "{closing}"')
