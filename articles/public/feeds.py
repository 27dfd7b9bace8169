"""Atom feeds: all coverage, a festival's coverage, a topic's coverage, and a person's quotes."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from ..models import Article, Festival, Person, Quote, Topic
from ..text import quoted_within

FEED_ITEMS = 30


class ArticleFeed(Feed):
    feed_type = Atom1Feed
    title = gettext_lazy("Festival Panel Archive: latest coverage")
    subtitle = gettext_lazy("Reports of panels, keynotes and press conferences, with who said what.")

    def link(self, obj=None):
        return reverse("article-list")

    def articles(self, obj):
        return Article.objects.public()

    def items(self, obj=None):
        return self.articles(obj).order_by("-published_at", "-pk")[:FEED_ITEMS]

    def item_title(self, article):
        return article.title

    def item_description(self, article):
        # An Atom summary is HTML to feed readers: the editors' plain text is escaped.
        return escape(article.summary or Truncator(article.body).words(60))

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return ", ".join(part for part in (article.author, article.publication) if part) or None


class CoverageFeed(ArticleFeed):
    """The coverage of one festival or topic."""

    model = None
    covered_through = None  # from an article to the festival or topic
    title_format = subtitle_format = None

    def get_object(self, request, slug):
        return get_object_or_404(self.model.objects.public(), slug=slug)

    def title(self, thing):
        return self.title_format % {"name": thing.local_name}

    def subtitle(self, thing):
        return self.subtitle_format % {"name": thing.local_name}

    def link(self, thing):
        return thing.get_absolute_url()

    def articles(self, thing):
        return Article.objects.public().filter(**{self.covered_through: thing}).distinct()


class FestivalFeed(CoverageFeed):
    model = Festival
    covered_through = "panels__edition__festival"
    title_format = gettext_lazy("%(name)s: latest coverage")
    subtitle_format = gettext_lazy("Reports of sessions at %(name)s.")


class TopicFeed(CoverageFeed):
    model = Topic
    covered_through = "panels__topics"
    title_format = gettext_lazy("%(name)s: latest coverage")
    subtitle_format = gettext_lazy("Reports of sessions on %(name)s.")


class PersonQuoteFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Person.objects.public(), slug=slug)

    def title(self, person):
        return _("Quotes by %(name)s") % {"name": person.name}

    def subtitle(self, person):
        return _("What %(name)s said on festival stages, as reported.") % {"name": person.name}

    def link(self, person):
        return person.get_absolute_url()

    def items(self, person):
        return Quote.objects.in_context().public().filter(speaker=person).latest_first()[:FEED_ITEMS]

    def item_title(self, quote):
        return f"{quoted(Truncator(quote.text).words(12))} — {quote.panel.edition}"

    def item_description(self, quote):
        lines = [quoted(quote.text)]
        if quote.translation:
            lines.append(f"({quote.translation})")
        affiliation = getattr(quote, "speaker_affiliation", "")
        speaker = f"{quote.speaker.name}, {affiliation}" if affiliation else quote.speaker.name
        lines.append(f"{speaker}, {quote.panel.title}, {quote.panel.edition}")
        return "<br>".join(escape(line) for line in lines)

    def item_pubdate(self, quote):
        return quote.article.published_at

    def item_author_name(self, quote):
        return quote.speaker.name


def quoted(text):
    """`text` between the quotation marks of the feed's language, quotations within it nested."""
    return _("“%(words)s”") % {"words": quoted_within(text, get_language())}
