"""A WordPress post's HTML as the archive keeps an article's text: plain paragraphs.

WordPress stores a post as HTML with its own markup on top: block editor comments
(`<!-- wp:paragraph -->`), shortcodes (`[caption]…[/caption]`, `[gallery ids="1,2"]`), and in posts
of the classic editor, paragraphs as blank lines rather than `<p>` (WordPress adds those when it
shows the post). The HTML is sanitized by nh3 (the Rust library ammonia) down to the elements that
mark paragraphs and lines, with what scripts, styles, frames and embedded objects hold dropped
whole; what is left is read as text.
"""

import html
import re

import nh3

# Elements that end a paragraph, or a line, of the text; every other element keeps only its text.
BLOCKS = {
    "p", "div", "section", "article", "blockquote", "figure", "figcaption", "pre", "table", "tr",
    "ul", "ol", "li", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "address",
}  # fmt: skip
LINES = {"br", "td", "th"}
# Elements whose content is not text a reader sees in the post.
DROPPED_WITH_CONTENT = {
    "script", "style", "iframe", "noscript", "object", "embed", "template", "svg", "math", "audio",
    "video", "canvas", "select", "textarea", "button", "form", "head", "title",
}  # fmt: skip

BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
# Shortcodes whose content is media or markup, not words of the post: dropped with what they enclose.
MEDIA_SHORTCODES = ("embed", "video", "audio", "playlist", "gallery", "wpvideo", "soundcloud")
MEDIA_SHORTCODE = re.compile(
    r"\[(" + "|".join(MEDIA_SHORTCODES) + r")\b[^\]]*\](?:.*?\[/\1\])?", re.DOTALL | re.IGNORECASE
)
# Any other shortcode tag, opening or closing ([caption id="…"], [/caption], [pullquote]): the tag
# goes, its content stays. A shortcode's name starts with a letter; "[sic]" and "[…]" in a quote stay.
SHORTCODE = re.compile(r"\[/?[a-z][a-z0-9_-]*(?:\s[^\]\[]*)?/?\]", re.IGNORECASE)
KNOWN_WORDS_IN_BRACKETS = {"sic", "laughs", "rires", "lacht", "applause", "applaudissements", "beifall"}

# The block editor's posts, and classic ones written as HTML; other classic posts are text whose blank
# lines are paragraphs and whose line breaks are lines, as WordPress shows them (wpautop).
HTML_PARAGRAPHS = re.compile(r"<!--\s*wp:|<p[\s>]|<div[\s>]", re.IGNORECASE)
TAG = re.compile(r"<(/?)([a-z0-9]+)[^>]*>", re.IGNORECASE)


def text_of(markup):
    """The text of a post's (or a comment's) HTML, paragraphs separated by a blank line."""
    if not markup:
        return ""
    if HTML_PARAGRAPHS.search(markup):
        # Paragraphs are elements: a line break in the source is a space, as a browser shows it.
        markup = re.sub(r"[ \t\r\n]+", " ", BLOCK_COMMENT.sub(" ", markup))
    markup = MEDIA_SHORTCODE.sub("", markup)
    markup = SHORTCODE.sub(_kept_if_words, markup)
    cleaned = nh3.clean(
        markup,
        tags=BLOCKS | LINES,
        clean_content_tags=DROPPED_WITH_CONTENT,
        attributes={},
        link_rel=None,
        strip_comments=True,
    )
    text = TAG.sub(_break, cleaned)
    return _tidy(html.unescape(text))


def _kept_if_words(match):
    tag = match.group(0)
    name = tag.strip("[]/ ").split()[0].lower()
    return tag if name in KNOWN_WORDS_IN_BRACKETS else ""


def _break(match):
    name = match.group(2).lower()
    if name in LINES:
        return "\n" if name == "br" or match.group(1) else " "
    return "\n\n"


def _tidy(text):
    # Only spaces and tabs fold: French writes no-break spaces before « » : ; ! ? on purpose.
    lines = [re.sub(r"[ \t\f\v]+", " ", line).strip(" \t") for line in text.replace("\r", "").split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
