"""Reading a WordPress export (WXR: RSS 2.0 with WordPress's own elements), item by item.

The file is read as a stream (defusedxml's iterparse, which refuses entity declarations and so the
"billion laughs"): each item is handed on as it ends and then dropped, so an export of any size is
read in the memory of one post with its comments. The site's own elements (its title, language,
authors, categories and tags) come before the items, as WordPress writes them.

Namespaces are matched by what they name rather than by their exact address: WordPress has written
`http://wordpress.org/export/1.0/` to `https://wordpress.org/export/1.2/`, and excerpt's address
differs between exporters.
"""

import datetime
from dataclasses import dataclass, field
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse
from django.utils.translation import gettext as _

# expat's errors for a file that ends inside an element, a tag, a character or a CDATA section.
ENDED_TOO_SOON = {3, 5, 6, 20}


class NotAnExport(Exception):
    """The file cannot be read as a WordPress export; the message says why, in plain words."""


@dataclass
class Term:
    domain: str  # category, post_tag, language (Polylang), or a custom taxonomy
    slug: str
    name: str


@dataclass
class Comment:
    id: int
    parent: int
    author: str
    email: str
    url: str
    date_gmt: str
    date: str
    content: str
    approved: str  # "1", "0", "spam", "trash"
    type: str  # "comment" (or empty), "pingback", "trackback", …


@dataclass
class Post:
    id: int
    guid: str
    type: str
    status: str
    title: str = ""
    link: str = ""
    creator: str = ""
    name: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified_gmt: str = ""
    password: str = ""
    comment_status: str = ""
    terms: list = field(default_factory=list)
    meta: dict = field(default_factory=dict)
    comments: list = field(default_factory=list)


@dataclass
class Site:
    title: str = ""
    link: str = ""
    language: str = ""
    wxr_version: str = ""
    authors: dict = field(default_factory=dict)  # login → display name
    terms: list = field(default_factory=list)  # categories and tags, with their names


def local(tag):
    """`{https://wordpress.org/export/1.2/}post_id` → `wp:post_id`; `title` → `title`."""
    if not tag.startswith("{"):
        return tag
    namespace, name = tag[1:].split("}", 1)
    if "/excerpt" in namespace:
        return "excerpt:" + name
    if "wordpress.org/export" in namespace:
        return "wp:" + name
    if "purl.org/rss/1.0/modules/content" in namespace:
        return "content:" + name
    if "purl.org/dc/elements" in namespace:
        return "dc:" + name
    return name


def count_items(source, chunk_size=1 << 20):
    """About how many items (posts, pages, attachments…) the export holds: its `<item>` tags,
    counted in the raw bytes, for an import's progress. A binary file is read back to its start."""
    if isinstance(source, (str, bytes)) or hasattr(source, "__fspath__"):
        with open(source, "rb") as file:
            return count_items(file, chunk_size)
    start, count, tail = source.tell(), 0, b""
    while chunk := source.read(chunk_size):
        count += (tail + chunk).count(b"<item>")  # the tail is too short to hold one itself
        tail = chunk[-5:]
    source.seek(start)
    return count


def read(source):
    """Yield the Site once its elements are read (before the first item), then each Post.
    Raises NotAnExport for a file that is not well-formed XML, not an export, or cut short."""
    site, channel, depth = Site(), None, 0
    site_given = False
    events = iterparse(source, events=("start", "end"), forbid_dtd=True)
    try:
        for event, element in events:
            name = local(element.tag)
            if event == "start":
                depth += 1
                if depth == 1 and name != "rss":
                    raise NotAnExport(_("This is an XML file, but not a WordPress export (it is not RSS)."))
                if depth == 2 and name == "channel":
                    channel = element
                continue
            depth -= 1
            if depth != 2 or channel is None:
                continue
            if name == "item":
                if not site_given:
                    _check_is_export(site)
                    site_given = True
                    yield site
                yield _post(element)
            else:
                _read_site_element(site, name, element)
            channel.remove(element)
        if not site_given:
            _check_is_export(site)
            yield site
    except ParseError as error:
        raise NotAnExport(_unreadable(error)) from None
    except DefusedXmlException:
        raise NotAnExport(
            _("The file declares entities (a DTD); WordPress exports do not, and it is refused.")
        ) from None


def _check_is_export(site):
    if not site.wxr_version:
        raise NotAnExport(
            _("This is an RSS feed, not a WordPress export: export the site from Tools → Export.")
        )


def _unreadable(error):
    line, column = getattr(error, "position", (0, 0))
    if (line, column) == (1, 0):
        return _("This is not a WordPress export: it is not XML. Export the site from Tools → Export.")
    if getattr(error, "code", None) in ENDED_TOO_SOON:
        return _(
            "The file ends before the export does (line %(line)s): it was cut short; export it again."
        ) % {"line": line}
    return _("The file is not well-formed XML: %(error)s (line %(line)s, column %(column)s).") % {
        "error": str(error).split(":")[0],
        "line": line,
        "column": column + 1,
    }


def _text(element, name):
    for child in element:
        if local(child.tag) == name:
            return child.text or "" if name == "content:encoded" else (child.text or "").strip()
    return ""


def _read_site_element(site, name, element):
    if name == "title":
        site.title = (element.text or "").strip()
    elif name == "link":
        site.link = (element.text or "").strip()
    elif name == "language":
        site.language = (element.text or "").strip()
    elif name == "wp:wxr_version":
        site.wxr_version = (element.text or "").strip()
    elif name == "wp:author":
        login = _text(element, "wp:author_login")
        site.authors[login] = _text(element, "wp:author_display_name") or login
    elif name == "wp:category":
        slug, name = _text(element, "wp:category_nicename"), _text(element, "wp:cat_name")
        site.terms.append(Term("category", slug, name))
    elif name == "wp:tag":
        site.terms.append(Term("post_tag", _text(element, "wp:tag_slug"), _text(element, "wp:tag_name")))


def _integer(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return 0


def _post(element):
    post = Post(
        id=_integer(_text(element, "wp:post_id")),
        guid=_text(element, "guid"),
        type=_text(element, "wp:post_type"),
        status=_text(element, "wp:status"),
    )
    post.title = _text(element, "title")
    post.link = _text(element, "link")
    post.creator = _text(element, "dc:creator")
    post.name = _text(element, "wp:post_name")
    post.content = _text(element, "content:encoded")
    post.excerpt = _text(element, "excerpt:encoded")
    post.date = _text(element, "wp:post_date")
    post.date_gmt = _text(element, "wp:post_date_gmt")
    post.modified_gmt = _text(element, "wp:post_modified_gmt")
    post.password = _text(element, "wp:post_password")
    post.comment_status = _text(element, "wp:comment_status")
    for child in element:
        name = local(child.tag)
        if name == "category":
            term = Term(child.get("domain", ""), child.get("nicename", ""), (child.text or "").strip())
            post.terms.append(term)
        elif name == "wp:postmeta":
            post.meta[_text(child, "wp:meta_key")] = _text(child, "wp:meta_value")
        elif name == "wp:comment":
            post.comments.append(_comment(child))
    return post


def _comment(element):
    return Comment(
        id=_integer(_text(element, "wp:comment_id")),
        parent=_integer(_text(element, "wp:comment_parent")),
        author=_text(element, "wp:comment_author"),
        email=_text(element, "wp:comment_author_email"),
        url=_text(element, "wp:comment_author_url"),
        date_gmt=_text(element, "wp:comment_date_gmt"),
        date=_text(element, "wp:comment_date"),
        content=_text(element, "wp:comment_content"),
        approved=_text(element, "wp:comment_approved"),
        type=_text(element, "wp:comment_type"),
    )


def moment(gmt, local_time, timezone):
    """A WordPress date (`2024-02-18 14:05:00`, in UTC, or else in the site's time) as an aware
    datetime; None for WordPress's "no date" (`0000-00-00 00:00:00`, a draft never scheduled)."""
    for value, zone in ((gmt, datetime.UTC), (local_time, timezone)):
        if not value or value.startswith("0000"):
            continue
        try:
            return datetime.datetime.strptime(value.strip(), "%Y-%m-%d %H:%M:%S").replace(tzinfo=zone)
        except ValueError:
            continue
    return None
