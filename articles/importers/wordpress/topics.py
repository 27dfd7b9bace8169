"""A post's categories and tags as the archive's topics: an existing topic when its name, in any
of its languages, or its slug is the term's (accents and case aside), else a new topic."""

from urllib.parse import unquote

from django.utils.text import slugify

from ...models import Topic
from ...text import fold
from .content import text_of

TERM_DOMAINS = ("category", "post_tag")
# WordPress's default category, which a post is in when its author chose none: not a topic.
DEFAULT_CATEGORIES = {"uncategorized", "non-classe", "allgemein", "sin-categoria", "senza-categoria"}
NAME_LENGTH = Topic._meta.get_field("name").max_length
SLUG_LENGTH = Topic._meta.get_field("slug").max_length


class TopicFinder:
    def __init__(self, report):
        self.report = report
        self.names = {}  # (domain, slug) → the term's name, from the site's list of terms
        self.found = {}  # fold(name) or slug → Topic
        self.counted = set()
        for topic in Topic.objects.all():
            self.remember(topic)

    def remember(self, topic):
        for name in (topic.name, topic.name_fr, topic.name_de):
            if name:
                self.found.setdefault(fold(name), topic)
        self.found.setdefault(topic.slug, topic)

    def names_of(self, terms):
        for term in terms:
            self.names[(term.domain, term.slug)] = term.name

    def of(self, post):
        """The topics of the post's categories and tags, found or created."""
        topics = {}
        for term in post.terms:
            if term.domain not in TERM_DOMAINS:
                continue
            slug = slugify(unquote(term.slug))
            if term.domain == "category" and slug in DEFAULT_CATEGORIES:
                continue
            name = text_of(term.name or self.names.get((term.domain, term.slug), "")) or term.slug
            topic = self.topic(name[:NAME_LENGTH], slug)
            topics[topic.pk] = topic
        return list(topics.values())

    def topic(self, name, slug):
        topic = self.found.get(fold(name)) or self.found.get(slug)
        created = topic is None
        if created:
            topic = Topic(name=name, slug=self.free_slug(slug or slugify(name) or "topic"))
            # Unique already: no topic has its name (found) or its slug (free_slug), read or created.
            topic.full_clean(validate_unique=False)
            topic.save()
            self.remember(topic)
        if topic.pk not in self.counted:
            self.counted.add(topic.pk)
            self.report.count("topics", created=created)
        return topic

    def free_slug(self, slug):
        slug, number = slug[:SLUG_LENGTH], 2
        candidate = slug
        while candidate in self.found:  # every topic's slug, read when the import began or created by it
            candidate = f"{slug[: SLUG_LENGTH - 4]}-{number}"
            number += 1
        return candidate
