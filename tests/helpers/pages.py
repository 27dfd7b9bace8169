"""Reading pages as a reader would: the text they show, their headings and landmarks."""

import html as html_module
import re
from html.parser import HTMLParser


class PageOutline(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def outline(response):
    parser = PageOutline()
    parser.feed(response.content.decode())
    return parser


BLOCK_TAGS = "|".join(
    ["p", "div", "li", "ul", "ol", "dl", "dt", "dd", "h[1-6]", "br", "title", "blockquote"]
    + ["section", "article", "header", "footer", "nav", "main", "figure", "figcaption"]
)


def visible_text(response):
    """The page's text with tags removed and white space folded, as a reader sees it."""
    html = response.content.decode()
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(rf"</?(?:{BLOCK_TAGS})\b[^>]*>", " ", html)
    text = re.sub(r"<[^>]+>", "", text)
    text = html_module.unescape(text)
    return re.sub(r"\s+", " ", text)
