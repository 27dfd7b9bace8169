"""An archive of any size, with one address for each kind of public page."""

from tests.factories import (
    ArticleFactory,
    EditionFactory,
    FestivalFactory,
    PanelFactory,
    ParticipationFactory,
    PersonFactory,
    QuoteFactory,
    ReaderCommentFactory,
    TopicFactory,
)


def build_archive(size):
    """`size` festivals with `size` panels each; every panel has two people on stage, a published
    article and two quotes; the last article has `size` comments, each with a reply. Returns one URL
    per kind of page."""
    topics = TopicFactory.create_batch(2)
    people = PersonFactory.create_batch(size * 2)
    for _ in range(size):
        edition = EditionFactory(festival=FestivalFactory())
        for index in range(size):
            panel = PanelFactory(edition=edition)
            panel.topics.set(topics)
            article = ArticleFactory()
            for person in people[index * 2 : index * 2 + 2]:
                participation = ParticipationFactory(panel=panel, person=person)
                QuoteFactory.create_batch(2, participation=participation, article=article)
    for _ in range(size):
        ReaderCommentFactory(content_object=article, parent=ReaderCommentFactory(content_object=article))
    person, topic = people[0], topics[0]
    return {
        "home": "/",
        "festival-list": "/festivals/",
        "festival-detail": edition.festival.get_absolute_url(),
        "edition-detail": edition.get_absolute_url(),
        "panel-detail": panel.get_absolute_url(),
        "person-list": "/people/",
        "person-list-letter": f"/people/?letter={person.index_letter}",
        "person-detail": person.get_absolute_url(),
        "topic-list": "/topics/",
        "topic-detail": topic.get_absolute_url(),
        "article-list": "/articles/",
        "article-detail": article.get_absolute_url(),
        "quote-list": "/quotes/",
        "quote-list-speaker": f"/quotes/?speaker={person.slug}",
        "quote-list-topic": f"/quotes/?topic={topic.slug}",
        "quote-list-search": "/quotes/?q=words+said",
        "quote-list-everything": (
            f"/quotes/?q=words&speaker={panel.people.first().slug}&topic={topic.slug}&festival={edition.festival.slug}"
            f"&year={edition.year}&panel={panel.pk}&language=en&sort=oldest"
        ),
        "quote-detail": person.quotes.first().get_absolute_url(),
        "person-suggest": f"/people/suggest/?q={person.name.split()[0]}",
        "site-search": "/search/?q=session",
        "article-feed": "/articles/feed.atom",
        "festival-feed": f"/festivals/{edition.festival.slug}/feed.atom",
        "topic-feed": f"/topics/{topic.slug}/feed.atom",
        "person-feed": f"/people/{person.slug}/feed.atom",
    }
