"""Atom feeds: all coverage, a festival's coverage, a topic's coverage, and a person's quotes."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .models import Article, Festival, Person, Quote, Topic

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


class FestivalFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Festival.objects.public(), slug=slug)

    def title(self, festival):
        return _("%(festival)s: latest coverage") % {"festival": festival.name}

    def subtitle(self, festival):
        return _("Reports of sessions at %(festival)s.") % {"festival": festival.name}

    def link(self, festival):
        return festival.get_absolute_url()

    def articles(self, festival):
        return Article.objects.public().filter(panels__edition__festival=festival).distinct()


class TopicFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Topic.objects.public(), slug=slug)

    def title(self, topic):
        return _("%(topic)s: latest coverage") % {"topic": topic.name}

    def subtitle(self, topic):
        return _("Reports of sessions on %(topic)s.") % {"topic": topic.name}

    def link(self, topic):
        return topic.get_absolute_url()

    def articles(self, topic):
        return Article.objects.public().filter(panels__topics=topic).distinct()


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
        return Quote.objects.public().with_context().filter(speaker=person).latest_first()[:FEED_ITEMS]

    def item_title(self, quote):
        return f"“{Truncator(quote.text).words(12)}” — {quote.panel.edition}"

    def item_description(self, quote):
        lines = [f"“{quote.text}”"]
        if quote.translation:
            lines.append(f"({quote.translation})")
        lines.append(f"{quote.speaker.name}, {quote.panel.title}, {quote.panel.edition}")
        return "<br>".join(escape(line) for line in lines)

    def item_pubdate(self, quote):
        return quote.article.published_at

    def item_author_name(self, quote):
        return quote.speaker.name
