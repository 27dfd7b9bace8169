"""Bringing a WordPress export in: its posts become articles, their categories and tags topics,
their comments readers' comments, and their old addresses redirects; all in one transaction,
rolled back when anything fails (and for a dry run)."""

import html
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site as DjangoSite
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import transaction
from django.utils import timezone, translation
from django.utils.encoding import escape_uri_path
from django.utils.text import Truncator, slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ...models import Article, WordPressPost
from ..coverage.report import RecordError
from . import wxr
from .comments import CommentImport
from .content import text_of
from .detect import archive_language, language_of
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
            if report.errors or dry_run:
                transaction.set_rollback(True)
    except wxr.NotAnExport as error:
        fresh = WordPressReport(dry_run=dry_run)
        fresh.errors.append(RecordError(_("The file"), "", str(error)))
        return fresh
    return report


class WordPressImport:
    def __init__(self, report, user=None):
        self.report, self.user = report, user
        self.site = None
        self.language = settings.LANGUAGE_CODE
        self.topics = TopicFinder(report)
        self.comments = CommentImport(report)
        self.django_site = DjangoSite.objects.get_current()
        self.matched = set()  # the WordPressPost rows this export's posts have been matched to

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
            try:
                with transaction.atomic():
                    self.article_of(post, where)
            except ValidationError as error:
                for field, messages in error.message_dict.items():
                    for message in messages:
                        self.report.errors.append(RecordError(where, field, message))

    def article_of(self, post, where):
        guid = post.guid or post.link or f"{self.site.link}/?p={post.id}"
        known = self.known(guid, post.id)
        article = known.article if known else Article(slug=self.free_slug(post))
        changed = self.fill(article, post)
        if changed or known is None:
            article.full_clean()
            article._change_reason = str(CHANGE_REASON)
            if self.user is not None:
                article._history_user = self.user
            article.save()
        topics = self.topics.of(post)
        if {topic.pk for topic in article.topics.all()} != {topic.pk for topic in topics}:
            article.topics.set(topics)
            changed = True
        self.report.count("articles", created=known is None, changed=bool(changed))
        record = known or WordPressPost(article=article, guid=guid)
        record.post_id, record.site = post.id, self.site.link[:300]
        record.permalink = _path(post.link)[:500]
        record.save()
        self.matched.add(record.pk)
        self.redirect(record, article)
        self.comments.of(post, article, record, where)

    def known(self, guid, post_id):
        """The post as imported before: by its guid and number, or by its guid alone (a site moved
        to a new WordPress numbers its posts anew) unless another post of this export took it."""
        posts = list(WordPressPost.objects.select_related("article").filter(guid=guid).order_by("pk"))
        same_number = [record for record in posts if record.post_id == post_id]
        known = next(iter(same_number or [record for record in posts if record.pk not in self.matched]), None)
        if known:
            self.matched.add(known.pk)
        return known

    def fill(self, article, post):
        """Set the article's fields from the post; the names of those that changed."""
        published_at = wxr.moment(post.date_gmt, post.date, timezone.get_current_timezone())
        body = text_of(post.content)
        values = {
            "title": Truncator(text_of(post.title) or _("Untitled post %(id)s") % {"id": post.id}).chars(
                TITLE_LENGTH
            ),
            "publication": self.site.title[:200],
            "author": self.site.authors.get(post.creator, post.creator)[:200],
            "published_on": (published_at or timezone.now()).date(),
            "language": language_of(post, body, self.language),
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
        slug = slugify(unquote(post.name)) or slugify(html.unescape(post.title)) or f"post-{post.id}"
        slug = slug[:SLUG_LENGTH].strip("-")
        if Article.objects.filter(slug=slug).exists():
            slug = f"{slug[: SLUG_LENGTH - 12]}-{post.id}"
        return slug

    def redirect(self, record, article):
        """The post's old addresses (its permalink and `/?p=<number>`) answer 301 to its article."""
        with translation.override(settings.LANGUAGE_CODE):
            target = article.get_absolute_url()
        longest = Redirect._meta.get_field("old_path").max_length
        for old in {record.permalink, f"/?p={record.post_id}"} - {"", "/", target}:
            if len(old) > longest:
                continue
            redirect, created = Redirect.objects.get_or_create(
                site=self.django_site, old_path=old, defaults={"new_path": target}
            )
            changed = redirect.new_path != target
            if changed:
                redirect.new_path = target
                redirect.save(update_fields=["new_path"])
            self.report.count("redirects", created=created, changed=changed)


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
