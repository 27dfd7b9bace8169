"""Load a WordPress export (WXR, from WordPress's Tools → Export) into the archive, with a report.

wxr.py reads the file as a stream; content.py makes a post's HTML the article's text; detect.py
finds its language; topics.py and comments.py bring its categories, tags and comments; loader.py
makes the articles and the redirects from the posts' old addresses, all in one transaction;
report.py is what the editor reads. A post is found again by its guid, so importing the same
export twice changes nothing and a newer one updates what changed.
"""

from .loader import import_wordpress
from .report import WordPressReport

__all__ = ["WordPressReport", "import_wordpress"]
