"""sitemap.xml: every public page in every language, split into sections of at most 50,000 addresses
(the index at /sitemap.xml lists them)."""

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.urls import reverse
from django.utils import translation

from ..models import Article, Edition, Festival, Panel, Person, Quote, Topic


class ListPages(Sitemap):
    changefreq = "daily"

    def items(self):
        return ["home", "festival-list", "person-list", "topic-list", "article-list", "quote-list"]

    def location(self, name):
        return reverse(name)


class PublicThings(Sitemap):
    """The public rows of a model, in a stable order, fetching only what their addresses need."""

    queryset = None

    def items(self):
        return self.queryset.public().order_by("pk")

    def lastmod(self, thing):
        return thing.updated_at


class Festivals(PublicThings):
    queryset = Festival.objects.only("slug", "updated_at")


class Editions(PublicThings):
    queryset = Edition.objects.select_related("festival").only("year", "updated_at", "festival__slug")


class Panels(PublicThings):
    queryset = Panel.objects.select_related("edition__festival").only(
        "slug", "updated_at", "edition__year", "edition__festival__slug"
    )


class People(PublicThings):
    queryset = Person.objects.only("slug", "updated_at")


class Topics(PublicThings):
    queryset = Topic.objects.only("slug", "updated_at")


class Articles(PublicThings):
    queryset = Article.objects.only("slug", "updated_at")


class Quotes(PublicThings):
    queryset = Quote.objects.only("updated_at")


def in_language(sitemap, language):
    """The sitemap of the same pages in `language` (their addresses under its prefix). A section per
    language rather than Django's `Sitemap.i18n`, which lists every item in a Python list before it
    pages them: a million quotes on every request for a section. Search engines find the
    alternates of each page in its hreflang links."""

    class InLanguage(sitemap):
        def location(self, item):
            with translation.override(language):
                return super().location(item)

    return InLanguage


SECTIONS = {
    "pages": ListPages,
    "festivals": Festivals,
    "editions": Editions,
    "sessions": Panels,
    "people": People,
    "topics": Topics,
    "articles": Articles,
    "quotes": Quotes,
}
SITEMAPS = {
    name if language == settings.LANGUAGE_CODE else f"{name}-{language}": in_language(sitemap, language)
    for language in dict(settings.LANGUAGES)
    for name, sitemap in SECTIONS.items()
}
