"""How a quote is cited: the line a researcher copies from its permalink, in the page's language,
with the quotations inside the quote in that language's inner marks."""

from django.utils.formats import date_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from ..text import quoted_within, typeset


def citation(quote, address):
    """“Words” — Speaker, affiliation, at “Session”, Edition, date. Reported in “Article”,
    Publication, date. Address. `quote` comes with_context(); `address` is the permalink's, absolute."""
    language = get_language()
    panel, article = quote.panel, quote.article
    words = quoted_within(typeset(quote.text, quote.language), language)
    said = [
        _("“%(words)s”") % {"words": words} + " — " + quote.speaker.name,
        getattr(quote, "speaker_affiliation", None),
        _("at “%(title)s”, %(edition)s")
        % {"title": quoted_within(panel.title, language), "edition": panel.edition},
        panel.date and date_format(panel.date, "DATE_FORMAT"),
    ]
    title = quoted_within(typeset(article.title, article.language), language)
    reported = [
        _("Reported in “%(title)s”") % {"title": title},
        article.publication,
        date_format(article.published_on, "DATE_FORMAT") if article.published_on else _("date unknown"),
    ]
    return f"{', '.join(filter(None, said))}. {', '.join(filter(None, reported))}. {address}"
