"""A reader on a phone and on a desktop: from the home page to a quote's permalink, by following links
and using the quote search, checking what each page shows and that no page scrolls sideways."""

import pytest
from playwright.sync_api import expect

from articles.models import Quote

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 360, "height": 740}
DESKTOP = {"width": 1280, "height": 900}


def fits_the_screen(page):
    """Nothing sticks out sideways: the page is no wider than the window."""
    width, window = page.evaluate("[document.documentElement.scrollWidth, window.innerWidth]")
    assert width <= window, f"{page.url} is {width} px wide in a {window} px window"


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_a_reader_goes_from_the_home_page_to_a_quote(page, demo, live_server, viewport):
    page.set_viewport_size(viewport)
    elsewhere = []
    page.on(
        "request",
        lambda request: None if request.url.startswith(live_server.url) else elsewhere.append(request.url),
    )
    quote = Quote.objects.public().with_context().order_by("pk").first()
    panel, speaker = quote.panel, quote.speaker
    edition = panel.edition
    festival = edition.festival

    page.goto("/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Who said what on festival stages")
    expect(page.get_by_role("navigation", name="Main")).to_be_visible()
    expect(page.get_by_role("search").first).to_be_visible()
    fits_the_screen(page)

    page.get_by_role("region", name="Festivals").get_by_role("link", name=festival.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(festival.name)
    fits_the_screen(page)

    page.get_by_role("link", name=f"{festival.display_name} {edition.year}").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(str(edition))
    breadcrumbs = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumbs.get_by_role("link", name=festival.display_name)).to_be_visible()
    fits_the_screen(page)

    page.get_by_role("link", name=panel.title).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(panel.title)
    on_stage = page.get_by_role("region", name="On stage")
    for participation in panel.participations.select_related("person"):
        expect(on_stage.get_by_role("link", name=participation.person.name)).to_be_visible()
    said = page.get_by_role("region", name="What they said")
    expect(said.get_by_role("heading", name=speaker.name, exact=False).first).to_be_visible()
    expect(said.locator("blockquote").first).to_be_visible()
    fits_the_screen(page)

    on_stage.get_by_role("link", name=speaker.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(speaker.name)
    expect(page.get_by_role("region", name="Sessions").get_by_role("link", name=panel.title)).to_be_visible()
    fits_the_screen(page)

    # The reader searches the quotes by this speaker, the type-ahead completing the name.
    page.get_by_role("link", name="Quotes", exact=True).click()
    page.wait_for_load_state()  # the type-ahead script runs once the page has loaded (defer)
    speaker_field = page.get_by_label("Speaker")
    # One input event, so one suggestion request: the live server's threads share one SQLite
    # connection in memory, and overlapping requests can fail there.
    speaker_field.fill(speaker.name[:5])
    expect(page.locator("#speaker-suggestions option").first).to_have_attribute("value", speaker.name)
    speaker_field.fill(speaker.name)
    speaker_field.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quotes by {speaker.name}")
    count = Quote.objects.public().filter(speaker=speaker).count()
    expect(page.locator("p.count")).to_have_text(f"{count} quote" if count == 1 else f"{count} quotes")
    expect(page.locator("figure.quote")).to_have_count(count)
    assert "speaker=" in page.url, "the search is in the address, to share or go back to"
    fits_the_screen(page)

    card = page.locator(f"#quote-{quote.pk}")
    card.get_by_role("link", name="Permalink and citation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"{speaker.name} at {edition}")
    expect(page.locator("blockquote")).to_contain_text(quote.text[:40])
    expect(page.get_by_role("link", name=quote.article.title, exact=False).first).to_be_visible()
    citation = page.get_by_label("Citation")
    expect(citation).to_contain_text(speaker.name)
    expect(citation).to_contain_text(page.url)
    fits_the_screen(page)

    page.go_back()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quotes by {speaker.name}")
    expect(page.get_by_label("Speaker")).to_have_value(speaker.name)
    assert elsewhere == [], "no request leaves the site (fonts, scripts, trackers)"


def test_the_quote_search_works_without_javascript(chromium, demo, live_server):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    speaker = Quote.objects.public().select_related("speaker").order_by("pk").first().speaker
    page.goto("/quotes/")
    page.get_by_label("Speaker").fill(speaker.name.split()[-1])
    page.get_by_label("Sort by").select_option(label="Oldest first")
    page.get_by_role("button", name="Search quotes").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Quotes by {speaker.name}")
    expect(page.locator("figure.quote").first).to_be_visible()
    context.close()


def test_a_reader_copies_a_quotes_citation(chromium, demo, live_server):
    context = chromium.new_context(base_url=live_server.url)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    quote = Quote.objects.public().order_by("pk").first()
    page.goto(quote.get_absolute_url())
    citation = page.get_by_label("Citation").input_value()
    page.get_by_role("button", name="Copy citation").click()
    expect(page.get_by_role("status")).to_have_text("The citation is on your clipboard.")
    assert page.evaluate("navigator.clipboard.readText()") == citation
    context.close()


def test_without_javascript_the_citation_is_offered_to_select_not_a_button_that_does_nothing(
    chromium, demo, live_server
):
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    page = context.new_page()
    page.goto(Quote.objects.public().order_by("pk").first().get_absolute_url())
    expect(page.get_by_label("Citation")).to_be_visible()
    expect(page.get_by_role("button", name="Copy citation")).to_be_hidden()
    context.close()
