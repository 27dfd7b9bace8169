from django.urls import path, register_converter

from . import feeds, views
from .converters import YearConverter

register_converter(YearConverter, "year")

urlpatterns = [
    path("", views.home, name="home"),
    path("festivals/", views.festival_list, name="festival-list"),
    path("festivals/<slug:slug>/", views.festival_detail, name="festival-detail"),
    path("festivals/<slug:slug>/feed.atom", feeds.FestivalFeed(), name="festival-feed"),
    path("festivals/<slug:slug>/<year:year>/", views.edition_detail, name="edition-detail"),
    path("festivals/<slug:slug>/<year:year>/<slug:panel_slug>/", views.panel_detail, name="panel-detail"),
    path("people/", views.person_list, name="person-list"),
    path("people/suggest/", views.person_suggest, name="person-suggest"),
    path("people/<slug:slug>/", views.person_detail, name="person-detail"),
    path("people/<slug:slug>/feed.atom", feeds.PersonQuoteFeed(), name="person-feed"),
    path("topics/", views.topic_list, name="topic-list"),
    path("topics/<slug:slug>/", views.topic_detail, name="topic-detail"),
    path("topics/<slug:slug>/feed.atom", feeds.TopicFeed(), name="topic-feed"),
    path("articles/", views.article_list, name="article-list"),
    path("articles/feed.atom", feeds.ArticleFeed(), name="article-feed"),
    path("articles/<slug:slug>/", views.article_detail, name="article-detail"),
    path("articles/<slug:slug>/comments/", views.post_comment, name="article-comment"),
    path("quotes/", views.quote_list, name="quote-list"),
    path("quotes/export.csv", views.quote_export, {"export_format": "csv"}, name="quote-export-csv"),
    path("quotes/export.json", views.quote_export, {"export_format": "json"}, name="quote-export-json"),
    path("quotes/<int:pk>/", views.quote_detail, name="quote-detail"),
    path("search/", views.site_search, name="site-search"),
]
