"""The public pages' addresses, the same in every language of the interface (festival/urls.py puts
them under each language's prefix)."""

from django.urls import path, register_converter

from . import feeds
from .converters import YearConverter
from .views import articles, festivals, home, people, quotes, search, sessions, topics

register_converter(YearConverter, "year")

urlpatterns = [
    path("", home.home, name="home"),
    path("festivals/", festivals.festival_list, name="festival-list"),
    path("festivals/<slug:slug>/", festivals.festival_detail, name="festival-detail"),
    path("festivals/<slug:slug>/feed.atom", feeds.FestivalFeed(), name="festival-feed"),
    path("festivals/<slug:slug>/<year:year>/", festivals.edition_detail, name="edition-detail"),
    path("festivals/<slug:slug>/<year:year>/<slug:panel_slug>/", sessions.panel_detail, name="panel-detail"),
    path("people/", people.person_list, name="person-list"),
    path("people/suggest/", people.person_suggest, name="person-suggest"),
    path("people/<slug:slug>/", people.person_detail, name="person-detail"),
    path("people/<slug:slug>/feed.atom", feeds.PersonQuoteFeed(), name="person-feed"),
    path("topics/", topics.topic_list, name="topic-list"),
    path("topics/<slug:slug>/", topics.topic_detail, name="topic-detail"),
    path("topics/<slug:slug>/feed.atom", feeds.TopicFeed(), name="topic-feed"),
    path("articles/", articles.article_list, name="article-list"),
    path("articles/feed.atom", feeds.ArticleFeed(), name="article-feed"),
    path("articles/<slug:slug>/", articles.article_detail, name="article-detail"),
    path("articles/<slug:slug>/comments/", articles.post_comment, name="article-comment"),
    path("quotes/", quotes.quote_list, name="quote-list"),
    path("quotes/export.csv", quotes.quote_export, {"export_format": "csv"}, name="quote-export-csv"),
    path("quotes/export.json", quotes.quote_export, {"export_format": "json"}, name="quote-export-json"),
    path("quotes/<int:pk>/", quotes.quote_detail, name="quote-detail"),
    path("search/", search.site_search, name="site-search"),
]
