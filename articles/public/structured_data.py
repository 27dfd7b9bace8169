"""What search engines and link previews read about a page: schema.org JSON-LD (NewsArticle, Event,
Person, Quotation) and OpenGraph / Twitter card properties. Built from the page's object and the
request, whose host makes every address absolute."""

import datetime

from django.utils.text import Truncator
from django.utils.translation import gettext as _

from ..text import typeset


def article_description(article):
    """What a search result or a link preview says of an article: its summary's first words."""
    return typeset(Truncator(article.summary).words(30, truncate=" …"), article.language) or article.title


def session_description(panel):
    return _("%(kind)s “%(title)s” at %(edition)s: who was on stage and what they said.") % {
        "kind": panel.get_kind_display(),
        "title": panel.title,
        "edition": panel.edition,
    }


def absolute(request, path):
    return request.build_absolute_uri(path)


def person_node(request, person, affiliation=""):
    node = {"@type": "Person", "name": person.name, "url": absolute(request, person.get_absolute_url())}
    if affiliation:
        node["jobTitle"] = affiliation
    return node


def event_node(request, panel, participations=(), *, brief=False):
    """The session as an Event; `brief` leaves out its description (not loaded beside a quote)."""
    edition = panel.edition
    festival = edition.festival
    node = {
        "@type": "Event",
        "name": panel.title,
        "url": absolute(request, panel.get_absolute_url()),
        "superEvent": {
            "@type": "Event",
            "name": str(edition),
            "url": absolute(request, edition.get_absolute_url()),
        },
        "location": {
            "@type": "Place",
            "name": panel.venue or festival.city or festival.local_name,
            "address": ", ".join(part for part in (festival.city, festival.country) if part)
            or festival.local_name,
        },
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if panel.date:
        start = datetime.datetime.combine(panel.date, panel.start_time) if panel.start_time else panel.date
        node["startDate"] = start.isoformat()
        if panel.end_time:
            node["endDate"] = datetime.datetime.combine(panel.date, panel.end_time).isoformat()
    elif edition.start_date:
        node["startDate"] = edition.start_date.isoformat()
    if not brief and panel.description:
        node["description"] = Truncator(panel.description).words(50)
    if participations:
        node["performer"] = [person_node(request, p.person, p.affiliation) for p in participations]
    return node


def article_node(request, article, panels=(), *, brief=False):
    """The article as a NewsArticle; `brief` leaves out its summary and last change (not loaded beside
    a quote)."""
    node = {
        "@type": "NewsArticle",
        "headline": Truncator(article.title).chars(110),
        "url": absolute(request, article.get_absolute_url()),
        "inLanguage": article.language,
    }
    if article.published_on:
        node["datePublished"] = article.published_on.isoformat()
    if not brief:
        node["dateModified"] = article.updated_at.isoformat()
    if article.author:
        node["author"] = {"@type": "Person", "name": article.author}
    if article.publication:
        node["publisher"] = {"@type": "Organization", "name": article.publication}
    if not brief and article.summary:
        node["description"] = article.summary
    if article.source_url:
        node["isBasedOn"] = article.source_url
    if panels:
        node["about"] = [event_node(request, panel, brief=True) for panel in panels]
    return node


def quotation_node(request, quote):
    node = {
        "@type": "Quotation",
        "text": quote.text,
        "inLanguage": quote.language,
        "url": absolute(request, quote.get_absolute_url()),
        "creator": person_node(request, quote.speaker, getattr(quote, "speaker_affiliation", "")),
        "spokenByCharacter": person_node(request, quote.speaker),
        "isPartOf": article_node(request, quote.article, brief=True),
        "about": event_node(request, quote.panel, brief=True),
    }
    if quote.translation:
        node["workTranslation"] = {
            "@type": "Quotation",
            "text": quote.translation,
            "inLanguage": quote.translation_language,
        }
    return node


def person_page_node(request, person):
    node = person_node(request, person)
    if person.bio:
        node["description"] = Truncator(person.bio).words(50)
    if person.website:
        node["sameAs"] = [person.website]
    return node


def with_context(node):
    return {"@context": "https://schema.org", **node}
