"""Bringing a WordPress export in: its posts become articles, their categories and tags topics,
their comments readers' comments, and their old addresses redirects; all in one transaction,
rolled back when anything fails (and for a dry run)."""

import html
from collections import defaultdict
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.sites.models import Site as DjangoSite
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone
from django.utils.encoding import escape_uri_path
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...http.page_cache import start_new_generation
from ...models import Article, WordPressPost
from ..coverage.report import RecordError
from . import wxr
from .batch import Entry, PostBatch
from .comments import CommentImport
from .content import text_of
from .detect import archive_language, languages_of
from .report import WordPressReport
from .topics import TopicFinder

CHANGE_REASON = gettext_lazy("Imported from WordPress")
# What WordPress keeps as posts but is not coverage: counted in the report, not imported.
NOT_COVERAGE = {
    "page", "attachment", "nav_menu_item", "revision", "custom_css", "customize_changeset",
    "oembed_cache", "user_request", "wp_block", "wp_template", "wp_template_part", "wp_global_styles",
    "wp_navigation", "wp_font_family", "wp_font_face",
}  # fmt: skip
STATUSES = {
    "publish": Article.Status.PUBLISHED,
    "future": Article.Status.PUBLISHED,  # scheduled: published_at lies ahead
    "pending": Article.Status.IN_REVIEW,
    "draft": Article.Status.DRAFT,
    "private": Article.Status.DRAFT,  # readers never saw it
}
TITLE_LENGTH = Article._meta.get_field("title").max_length
SLUG_LENGTH = Article._meta.get_field("slug").max_length
BATCH_POSTS = 200  # posts checked, then written together: what memory holds of the export at once


def import_wordpress(source, *, dry_run=False, user=None, progress=None):
    """Import the export `source` (a path or a binary file); return a WordPressReport. `user`: who
    imports, for the change history; `progress(done, total)` hears of each item read."""
    report = WordPressReport(dry_run=dry_run)
    total = wxr.count_items(source) if progress else 0
    try:
        with transaction.atomic():
            importer = WordPressImport(report, user)
            for done, thing in enumerate(wxr.read(source)):
                if isinstance(thing, wxr.Site):
                    importer.start(thing)
                else:
                    importer.post(thing)
                    if progress:
                        progress(done, max(total, done))
            importer.flush()
            if not dry_run:
                start_new_generation()
            if report.errors or dry_run:
                transaction.set_rollback(True)
    except wxr.NotAnExport as error:
        fresh = WordPressReport(dry_run=dry_run)
        fresh.errors.append(RecordError(_("The file"), "", str(error)))
        return fresh
    return report


class WordPressImport:
    def __init__(self, report, user=None):
        self.report = report
        self.site = None
        self.language = settings.LANGUAGE_CODE
        self.topics = TopicFinder(report)
        self.comments = CommentImport(report)
        self.batch = PostBatch(report, DjangoSite.objects.get_current(), user, str(CHANGE_REASON))
        self.matched = set()  # the WordPressPost rows this export's posts have been matched to
        self.slugs = set()  # the slugs this import gives new articles
        # The posts read and not yet checked; and of those being checked, what the archive holds:
        # their WordPress records by guid, the slugs of theirs that articles have.
        self.pending, self.imported, self.taken = [], defaultdict(list), set()
        self.read = {}  # id of a post being checked → its text and language
        self.numbers = {}  # (guid, post number) → the post of the batch that has them

    def start(self, site):
        self.site = site
        self.language = archive_language(site.language) or settings.LANGUAGE_CODE
        self.topics.names_of(site.terms)

    def post(self, post):
        where = _label(post)
        if post.type in NOT_COVERAGE:
            self.report.ignored[post.type] += 1
        elif post.type != "post":
            self.report.skip(where, _("Its post type “%(type)s” is not an article.") % {"type": post.type})
        elif post.password:
            self.report.skip(where, _("It is password-protected: readers of the archive could not see it."))
        elif post.status not in STATUSES:
            self.report.skip(where, _("Its status “%(status)s” is not imported.") % {"status": post.status})
        else:
            self.pending.append((post, where))
            if len(self.pending) >= BATCH_POSTS:
                self.flush()

    def flush(self):
        """Check the posts read since the last flush, with what the archive holds of them fetched
        at once, and write them."""
        pending, self.pending = self.pending, []
        guids = {self.guid(post) for post, _ in pending}
        self.imported = defaultdict(list)
        for record in WordPressPost.objects.select_related("article").filter(guid__in=guids).order_by("pk"):
            self.imported[record.guid].append(record)
        slugs = {_own_slug(post) for post, _ in pending}
        self.taken = set(Article.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        bodies = [text_of(post.content) for post, _ in pending]
        languages = languages_of(
            [(post, body) for (post, _), body in zip(pending, bodies, strict=True)], self.language
        )
        self.read = {
            id(post): read
            for (post, _), read in zip(pending, zip(bodies, languages, strict=True), strict=True)
        }
        for post, where in pending:
            try:
                self.article_of(post, where)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.report.errors.append(RecordError(where, field, message))
        self.numbers.clear()
        self.batch.write()

    def guid(self, post):
        return post.guid or post.link or f"{self.site.link}/?p={post.id}"

    def article_of(self, post, where):
        """Check the post's article and gather it, with its topics and comments, into the batch."""
        guid = self.guid(post)
        if (guid, post.id) in self.numbers:
            message = _("It is in the export twice, as %(first)s: only that one is imported.")
            self.report.skip(where, message % {"first": self.numbers[(guid, post.id)]})
            return
        self.numbers[(guid, post.id)] = where
        known = self.known(guid, post.id)
        article = known.article if known else Article(slug=self.free_slug(post))
        changed = self.fill(article, post)
        if changed or known is None:
            article.full_clean(validate_unique=False)  # the slug is free (free_slug)
        record = known or WordPressPost(guid=guid)
        record.post_id, record.site = post.id, self.site.link[:300]
        record.permalink = _path(post.link)[:500]
        comments = self.comments.threaded(post, article, where)
        self.batch.entries.append(
            Entry(post, where, article, changed, record, self.topics.of(post), comments)
        )

    def known(self, guid, post_id):
        """The post as imported before: by its guid and number, or by its guid alone (a site moved
        to a new WordPress numbers its posts anew) unless another post of this export took it."""
        posts = self.imported[guid]
        same_number = [record for record in posts if record.post_id == post_id]
        known = next(iter(same_number or [record for record in posts if record.pk not in self.matched]), None)
        if known:
            self.matched.add(known.pk)
        return known

    def fill(self, article, post):
        """Set the article's fields from the post; the names of those that changed."""
        published_at = wxr.moment(post.date_gmt, post.date, timezone.get_current_timezone())
        body, language = self.read[id(post)]
        values = {
            "title": Truncator(text_of(post.title) or _("Untitled post %(id)s") % {"id": post.id}).chars(
                TITLE_LENGTH
            ),
            "publication": self.site.title[:200],
            "author": self.site.authors.get(post.creator, post.creator)[:200],
            "published_on": (published_at or timezone.now()).date(),
            "language": language,
            "source_url": _valid_url(post.link),
            "summary": text_of(post.excerpt),
            "body": body,
            "status": STATUSES[post.status],
            "published_at": published_at if post.status in ("publish", "future") else None,
            "comments_open": post.comment_status == "open",
        }
        changed = [name for name, value in values.items() if getattr(article, name) != value]
        for name in changed:
            setattr(article, name, values[name])
        return changed

    def free_slug(self, post):
        """The post's own slug (WordPress writes non-Latin ones percent-encoded), or one made of its
        title; with the post's number after it when another article has it."""
        slug = _own_slug(post)
        if slug in self.slugs or slug in self.taken:
            slug = f"{slug[: SLUG_LENGTH - 12]}-{post.id}"
        self.slugs.add(slug)
        return slug


def _own_slug(post):
    slug = slugify(unquote(post.name)) or slugify(html.unescape(post.title)) or f"post-{post.id}"
    return slug[:SLUG_LENGTH].strip("-")


def _label(post):
    title = Truncator(html.unescape(post.title).strip()).chars(60) or "–"
    return _("post %(id)s (“%(title)s”)") % {"id": post.id, "title": title}


def _path(link):
    """The path of a post's address as Django sees a request for it (non-Latin letters escaped)."""
    parts = urlsplit(link or "")
    return escape_uri_path(unquote(parts.path)) + (f"?{parts.query}" if parts.query else "")


def _valid_url(link):
    try:
        URLValidator()(link)
    except ValidationError:
        return ""
    return link if len(link) <= Article._meta.get_field("source_url").max_length else ""
