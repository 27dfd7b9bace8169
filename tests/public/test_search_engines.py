"""What search engines and link previews read: schema.org JSON-LD with the right types and names,
OpenGraph and Twitter card tags, canonical addresses, sitemap.xml and robots.txt."""

import json
import re
import xml.etree.ElementTree as ElementTree

import pytest

from articles.models import Article, Panel, Person, Quote
from tests.factories import QuoteFactory

pytestmark = pytest.mark.django_db

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def json_ld(response):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    assert len(blocks) == 1
    data = json.loads(blocks[0])
    assert data["@context"] == "https://schema.org"
    return data


def meta(response, name):
    found = re.search(rf'<meta (?:property|name)="{name}" content="([^"]*)">', response.content.decode())
    return found and found.group(1)


def test_a_panel_page_describes_an_event_with_its_performers(client, demo):
    panel = Panel.objects.public().first()
    data = json_ld(client.get(panel.get_absolute_url()))
    assert data["@type"] == "Event"
    assert data["name"] == panel.title
    assert data["superEvent"]["name"] == str(panel.edition)
    assert {performer["name"] for performer in data["performer"]} == set(
        panel.participations.values_list("person__name", flat=True)
    )
    assert data["startDate"].startswith(panel.date.isoformat())


def test_an_article_page_describes_a_news_article(client, demo):
    article = Article.objects.public().first()
    response = client.get(article.get_absolute_url())
    data = json_ld(response)
    assert data["@type"] == "NewsArticle"
    assert article.title.startswith(data["headline"].rstrip("…")), "the title, cut at 110 characters"
    assert len(data["headline"]) <= 110
    assert data["inLanguage"] == article.language
    assert [event["@type"] for event in data["about"]] == ["Event"] * article.panels.count()
    assert meta(response, "og:type") == "article"


def test_a_person_page_describes_a_person(client, demo):
    person = Person.objects.public().first()
    response = client.get(person.get_absolute_url())
    data = json_ld(response)
    assert (data["@type"], data["name"]) == ("Person", person.name)
    assert meta(response, "og:title") == person.name
    assert meta(response, "og:type") == "profile"


def test_a_quote_page_describes_a_quotation_by_its_speaker(client, demo):
    quote = Quote.objects.public().select_related("speaker", "article").first()
    data = json_ld(client.get(quote.get_absolute_url()))
    assert data["@type"] == "Quotation"
    assert data["text"] == quote.text
    assert data["creator"] == {**data["creator"], "@type": "Person", "name": quote.speaker.name}
    assert quote.article.title.startswith(data["isPartOf"]["headline"].rstrip("…"))
    assert data["about"]["@type"] == "Event"


def test_structured_data_cannot_be_broken_out_of(client, db):
    quote = QuoteFactory(text="</script><script>alert(1)</script> & more")
    response = client.get(quote.get_absolute_url())
    assert "</script><script>alert(1)" not in response.content.decode()
    assert json_ld(response)["text"] == quote.text


def test_every_page_has_a_canonical_address_and_link_preview_tags(client, demo):
    response = client.get("/quotes/", {"speaker": "dave-clark", "page": "1"})
    assert '<link rel="canonical" href="http://testserver/quotes/">' in response.content.decode()
    assert meta(response, "og:url") == "http://testserver/quotes/"
    assert meta(response, "og:site_name") == "Festival Panel Archive"
    assert meta(response, "twitter:card") == "summary"
    assert meta(response, "og:title")
    second = client.get("/people/", {"page": "2"})
    assert '<link rel="canonical" href="http://testserver/people/?page=2">' in second.content.decode()


def test_the_sitemap_lists_every_public_page_and_nothing_else(client, demo, settings):
    QuoteFactory(article__status=Article.Status.DRAFT, covered=False)
    index = ElementTree.fromstring(client.get("/sitemap.xml").content)
    addresses = set()
    for section in index.iter(f"{SITEMAP}loc"):
        path = section.text.split(settings.SITE_DOMAIN, 1)[1]
        page = ElementTree.fromstring(client.get(path).content)
        addresses |= {loc.text.split(settings.SITE_DOMAIN, 1)[1] for loc in page.iter(f"{SITEMAP}loc")}
    expected = {"/", "/festivals/", "/people/", "/topics/", "/articles/", "/quotes/"}
    for model in (Article, Panel, Person, Quote):
        expected |= {thing.get_absolute_url() for thing in model.objects.public()}
    expected |= {f"/{language}{path}" for path in expected for language in ("fr", "de")}
    assert expected <= addresses
    assert all(client.get(address).status_code == 200 for address in addresses)


def test_robots_txt_points_to_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert "Disallow: /search/" in lines
    assert not any(line.startswith("Disallow: /quotes/?") for line in lines), "quote searches are pages too"
    assert "Sitemap: http://testserver/sitemap.xml" in lines
