"""An editor enters a panel, its two participants and a quote in the admin, publishes the article that
covers it, and readers then find the panel, the quote and the article on the public site."""

import datetime
import re
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from playwright.sync_api import expect

from articles.models import Article
from tests.factories import EditionFactory, FestivalFactory, PersonFactory

pytestmark = pytest.mark.django_db(transaction=True)

PANEL = "Financing the Next Wave"
ARTICLE = "Who pays for the next wave"
QUOTE = "Independent producers need the streamers to share their audience data with us"


def autocomplete(select):
    """The autocomplete box (select2) that the admin shows in place of `select`."""
    return select.locator("xpath=following-sibling::span[contains(@class, 'select2')][1]")


def searched(response, term):
    """Whether `response` answers an autocomplete box's search for `term` (None: as it opens)."""
    address = urlsplit(response.url)
    return address.path == "/admin/autocomplete/" and parse_qs(address.query).get("term") == (
        [term] if term else None
    )


def pick(page, select, typed, suggestion):
    """Types into the autocomplete box of `select` and picks one of the suggestions.

    The box asks the server for suggestions as it opens, and again a moment after each keystroke:
    each answer is awaited, so that none is still being served when the form is saved (on SQLite in
    memory, the live server's threads share one connection, and a read during a write fails)."""
    with page.expect_response(lambda response: searched(response, None)):
        autocomplete(select).click()
    with page.expect_response(lambda response: searched(response, typed)):
        page.locator(".select2-container--open").get_by_role("searchbox").fill(typed)
    page.get_by_role("option", name=suggestion, exact=True).click()
    expect(autocomplete(select)).to_contain_text(suggestion)


def add_from_admin_index(page, model_plural):
    """From any admin page: back to the admin's index, then "Add" on the row of `model_plural`."""
    page.get_by_role("link", name="Festival Panel Archive", exact=True).click()
    page.get_by_role("row", name=model_plural).get_by_role("link", name="Add").click()


def test_an_editor_enters_a_panel_and_publishes_its_coverage(page):
    # What the editor finds already in the archive: the festival's edition and the people on stage.
    festival = FestivalFactory(name="Lyon Screen Forum", short_name="Screen Forum", city="Lyon")
    EditionFactory(
        festival=festival,
        year=2025,
        start_date=datetime.date(2025, 5, 10),
        end_date=datetime.date(2025, 5, 20),
    )
    PersonFactory(name="Amara Okafor", slug="amara-okafor")
    PersonFactory(name="Jonas Lindqvist", slug="jonas-lindqvist")
    editor = User.objects.create_user("editor", password="a long pass phrase", is_staff=True)
    editor.groups.add(Group.objects.get(name="Editor"))

    page.goto("/admin/login/")
    page.get_by_label("Username").fill("editor")
    page.get_by_label("Password").fill("a long pass phrase")
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("button", name="Log out")).to_be_visible()

    # The panel, with who was on stage; saved first without its title.
    add_from_admin_index(page, "Sessions")
    expect(page.get_by_role("heading", name="Add session")).to_be_visible()
    pick(page, page.get_by_label("Edition"), "Screen Forum", "Screen Forum 2025")
    page.get_by_label("Kind").select_option(label="Panel")
    page.get_by_label("Date:", exact=True).fill("2025-05-12")
    page.get_by_label("Venue").fill("Main Hall")
    on_stage = [
        ("Okafor", "Amara Okafor", "Moderator", "Head of Development, Northlight Films"),
        ("Lindqvist", "Jonas Lindqvist", "Panelist", "Producer, Fjord Pictures"),
    ]
    for number, (typed, name, role, affiliation) in enumerate(on_stage):
        row = page.locator(f"#participations-{number}")
        pick(page, row.locator(".field-person select"), typed, name)
        row.locator(".field-role select").select_option(label=role)
        row.locator(".field-affiliation input").fill(affiliation)
    page.get_by_role("button", name="Save", exact=True).click()

    expect(page.locator(".errornote")).to_be_visible()
    expect(page.locator(".form-row.field-title")).to_contain_text("This field is required.")
    expect(autocomplete(page.locator("#participations-1 .field-person select"))).to_contain_text(
        "Jonas Lindqvist"
    )
    page.get_by_label("Title").fill(PANEL)
    page.get_by_label("Title").press("Tab")
    expect(page.get_by_label("Slug")).to_have_value("financing-the-next-wave")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")
    expect(page.locator("#result_list")).to_contain_text(PANEL)

    # The article covering it, with the quote, saved as a draft.
    add_from_admin_index(page, "Articles")
    expect(page.get_by_role("heading", name="Add article")).to_be_visible()
    page.get_by_label("Title").fill(ARTICLE)
    pick(page, page.get_by_label("Sessions covered"), "Financing", f"{PANEL} (Screen Forum 2025)")
    source = page.get_by_role("group", name="Source")
    source.get_by_label("Publication:", exact=True).fill("Trade Weekly")
    source.get_by_label("Author").fill("Mia Chen")
    source.get_by_label("Publication date").fill("2025-05-13")
    source.get_by_label("Language").select_option(label="English")
    page.get_by_label("Summary").fill("Producers and streamers argued over audience data.")
    page.get_by_label("Body").fill(f"Jonas Lindqvist was blunt: “{QUOTE}.”")
    quote = page.locator("#quotes-0")
    pick(page, quote.get_by_label("Speaker"), "Lindqvist", "Jonas Lindqvist")
    quote.get_by_label("Words as reported").fill(QUOTE)
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.locator(".messagelist")).to_contain_text("was added successfully")

    article = Article.objects.get(title=ARTICLE)
    assert Client().get(article.get_absolute_url()).status_code == 404  # a draft: readers cannot see it

    # Published from the list of articles.
    row = page.locator("#result_list tbody tr", has_text=ARTICLE)
    expect(row).to_contain_text("Draft")
    row.locator("input.action-select").check()
    page.locator("select[name=action]").select_option(label="Publish the selected articles")
    page.get_by_role("button", name="Go").click()
    expect(page.locator(".messagelist")).to_contain_text("1 article published.")
    expect(page.locator("#result_list tbody tr", has_text=ARTICLE)).to_contain_text("Published")

    page.get_by_role("button", name="Log out").click()
    expect(page.get_by_role("heading", name="Logged out")).to_be_visible()

    # A reader finds the article on the home page...
    page.goto("/")
    page.get_by_role("region", name="Latest coverage").get_by_role("link", name=ARTICLE).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(ARTICLE)
    quotes = page.get_by_role("region", name="Quotes in this article")
    expect(quotes).to_contain_text(QUOTE)
    expect(quotes).to_contain_text("Jonas Lindqvist")

    # ...the panel it covers, with both participants and the quote...
    page.get_by_role("region", name="Sessions covered").get_by_role("link", name=PANEL).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(PANEL)
    stage = page.get_by_role("region", name="On stage")
    for _typed, name, role, affiliation in on_stage:
        card = stage.get_by_role("listitem").filter(has=page.get_by_role("link", name=name))
        expect(card).to_contain_text(role)
        expect(card).to_contain_text(affiliation)
    said = page.get_by_role("region", name="What they said")
    expect(said.get_by_role("region", name=re.compile(r"^Jonas Lindqvist"))).to_contain_text(QUOTE)

    # ...and the quote's own page, which names the article that reported it.
    said.get_by_role("link", name="Permalink and citation").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Jonas Lindqvist at Screen Forum 2025")
    expect(page.locator("blockquote")).to_contain_text(QUOTE)
    expect(page.get_by_role("link", name=ARTICLE)).to_be_visible()
    expect(page.get_by_role("link", name=PANEL)).to_be_visible()
