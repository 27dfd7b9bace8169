"""A WordPress import's posts written a batch at a time: what a batch of posts already was in the
archive fetched in a few queries, then its articles, their history, topics, WordPress records, old
addresses and comments written in a few statements each (bulk_create, bulk_update). The export is
read as a stream, so a batch is what memory holds at once; the whole import is still one
transaction (loader.py).

Bulk writes skip save() and the signals: prepare_fields() fills in what Article.save() would, and
the moments things become public (visibility.py) are recomputed once for each batch."""

import operator
from collections import defaultdict
from functools import reduce

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.db.models import Q
from django.utils import timezone, translation
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ... import visibility
from ...models import Article, ReaderComment, WordPressComment, WordPressPost

BATCH_SIZE = 500
REDIRECT_LENGTH = Redirect._meta.get_field("old_path").max_length


class Entry:
    """One post of the batch: its article (new or stored) with the names of the fields that changed,
    its WordPress record, its topics and its comments, threaded (CommentImport.threaded)."""

    def __init__(self, post, where, article, changed, record, topics, comments):
        self.post, self.where, self.article, self.changed = post, where, article, changed
        self.record, self.topics, self.comments = record, topics, comments
        self.created = article.pk is None
        self.saved = {}  # WordPress comment number → the reader's comment made of it


class PostBatch:
    def __init__(self, report, site, user=None, reason=""):
        self.report, self.site, self.user, self.reason = report, site, user, reason
        self.entries = []

    def write(self):
        """Write the batch's entries; empty it."""
        entries, self.entries = self.entries, []
        if not entries:
            return
        links = self.topic_changes(entries)
        for entry in entries:
            self.report.count(
                "articles", created=entry.created, changed=bool(entry.changed) or entry in links
            )
        self.write_articles(entries)
        self.write_records(entries)
        self.write_topics(entries, links)
        self.write_redirects(entries)
        self.write_comments(entries)
        visibility.refresh(articles=[entry.article.pk for entry in entries])

    def write_articles(self, entries):
        history = {"default_user": self.user, "default_change_reason": self.reason, "batch_size": BATCH_SIZE}
        new = [entry.article for entry in entries if entry.article.pk is None]
        changed = [entry for entry in entries if entry.article.pk is not None and entry.changed]
        for article in new:
            article.prepare_fields()
        if new:
            bulk_create_with_history(new, Article, **history)
        if changed:
            now = timezone.now()
            fields = set(Article.prepared_fields) | {"updated_at"}
            for entry in changed:
                entry.article.prepare_fields()
                entry.article.updated_at = now
                fields |= set(entry.changed)
            articles = [entry.article for entry in changed]
            bulk_update_with_history(articles, Article, sorted(fields), **history)

    def write_records(self, entries):
        now = timezone.now()
        for entry in entries:
            entry.record.article = entry.article  # its id, now that the article has one
            entry.record.imported_at = now
        stored = [entry.record for entry in entries if entry.record.pk is not None]
        WordPressPost.objects.bulk_create(
            [entry.record for entry in entries if entry.record.pk is None], batch_size=BATCH_SIZE
        )
        fields = ["post_id", "site", "permalink", "imported_at"]
        WordPressPost.objects.bulk_update(stored, fields, batch_size=BATCH_SIZE)

    @staticmethod
    def topic_changes(entries):
        """{entry: (topic ids to link, to unlink)} for the entries whose topics change."""
        stored = [entry.article.pk for entry in entries if not entry.created]
        linked = defaultdict(set)
        for article, topic in Article.topics.through.objects.filter(article__in=stored).values_list(
            "article_id", "topic_id"
        ):
            linked[article].add(topic)
        changes = {}
        for entry in entries:
            wanted, current = {topic.pk for topic in entry.topics}, linked[entry.article.pk]
            if wanted != current:
                changes[entry] = (wanted - current, current - wanted)
        return changes

    @staticmethod
    def write_topics(entries, links):
        through = Article.topics.through
        gone = [Q(article_id=entry.article.pk, topic_id__in=removed) for entry, (_, removed) in links.items()]
        if any(removed for _, removed in links.values()):
            through.objects.filter(reduce(operator.or_, gone)).delete()
        through.objects.bulk_create(
            [
                through(article_id=entry.article.pk, topic_id=pk)
                for entry, (added, _) in links.items()
                for pk in added
            ],
            batch_size=BATCH_SIZE,
        )

    def write_redirects(self, entries):
        """Each post's old addresses (its permalink and `/?p=<number>`) answer 301 to its article."""
        with translation.override(settings.LANGUAGE_CODE):
            wanted = {}
            for entry in entries:
                target = entry.article.get_absolute_url()
                for old in {entry.record.permalink, f"/?p={entry.record.post_id}"} - {"", "/", target}:
                    if len(old) <= REDIRECT_LENGTH:
                        wanted[old] = target
        site = Site.objects.get_current()
        stored = {
            redirect.old_path: redirect
            for redirect in Redirect.objects.filter(site=site, old_path__in=list(wanted))
        }
        new, changed = [], []
        for old, target in wanted.items():
            redirect = stored.get(old)
            if redirect is None:
                new.append(Redirect(site=site, old_path=old, new_path=target))
            elif redirect.new_path != target:
                redirect.new_path = target
                changed.append(redirect)
            self.report.count("redirects", created=redirect is None, changed=redirect in changed)
        Redirect.objects.bulk_create(new, batch_size=BATCH_SIZE)
        Redirect.objects.bulk_update(changed, ["new_path"], batch_size=BATCH_SIZE)

    def write_comments(self, entries):
        """Comments that begin a thread first, then the replies under them (one level deep)."""
        stored = {
            (link.post_id, link.number): link.comment
            for link in WordPressComment.objects.filter(
                post__in=[entry.record.pk for entry in entries]
            ).select_related("comment")
        }
        for replies in (False, True):
            new, changed, links = [], [], []
            for entry in entries:
                for comment, values, parent in entry.comments:
                    if (parent is not None) != replies:
                        continue
                    parent = entry.saved[parent.id] if parent is not None else None
                    known = stored.get((entry.record.pk, comment.id))
                    instance = known or ReaderComment(
                        content_object=entry.article, site=self.site, object_pk=str(entry.article.pk)
                    )
                    differs = [name for name, value in values.items() if getattr(instance, name) != value]
                    if known is None or known.parent_id != (parent.pk if parent else None):
                        differs.append("parent")
                    for name in differs:
                        setattr(instance, name, parent if name == "parent" else values[name])
                    if known is None:
                        new.append(instance)
                        links.append((entry.record, comment.id, instance))
                    elif differs:
                        changed.append((instance, differs))
                    entry.saved[comment.id] = instance
                    self.report.count(
                        "comments", created=known is None, changed=known is not None and bool(differs)
                    )
            ReaderComment.objects.bulk_create(new, batch_size=BATCH_SIZE)
            if changed:
                fields = sorted({name for _, names in changed for name in names})
                ReaderComment.objects.bulk_update([c for c, _ in changed], fields, batch_size=BATCH_SIZE)
            WordPressComment.objects.bulk_create(
                [WordPressComment(post=record, number=number, comment=c) for record, number, c in links],
                batch_size=BATCH_SIZE,
            )
