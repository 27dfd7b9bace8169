"""The card that shows a quote, wherever quotes are listed: `{% quote_card quote show_speaker=True %}`.

Written in Python rather than as an included template, as Django's admin writes the rows of its
lists: the same card as a template include takes a quarter of a quote search's time or more, the
card written here a twentieth (bench/template_bench.py, which renders both). Every value goes
through `escape` (or comes escaped from search.highlight): tests/public/test_quote_cards.py feeds
markup to every field.
"""

from html import escape

from django import template
from django.utils.formats import date_format
from django.utils.html import normalize_newlines
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, gettext_noop

from .. import languages, search
from ..text import typeset

register = template.Library()

# The labels of a quote's other versions: (without a known language, with its name).
LABELS = {
    "spoken": (gettext_noop("As spoken"), gettext_noop("As spoken (%(language)s)")),
    "translation": (gettext_noop("Translation"), gettext_noop("Translation (%(language)s)")),
}


@register.simple_tag(takes_context=True)
def quote_card(
    context, quote, *, show_speaker=False, show_panel=False, hide_source=False, hide_permalink=False
):
    """A quote (with `speaker`, `panel__edition__festival` and `article` selected, and the
    `speaker_affiliation` of querysets.with_context), what was spoken and its translation, then who
    said it, where, in which article, and its permalink. Words of the reader's search are marked."""
    # One card writer per page render: it looks up its labels once for every card.
    card = context.render_context.get(QuoteCard)
    if card is None:
        card = context.render_context[QuoteCard] = QuoteCard(
            context.get("LANGUAGE_CODE"), context.get("search_text") or ""
        )
    return card.render(
        quote,
        show_speaker=show_speaker,
        show_panel=show_panel,
        hide_source=hide_source,
        hide_permalink=hide_permalink,
    )


class QuoteCard:
    def __init__(self, page_language, search_text):
        self.page_language = page_language
        self.search_text = search_text
        self.labels = {}  # (what, language) → label
        self.dates = {}  # date → as the page's language writes it: a session's quotes share a few dates
        self.source_label = escape(gettext("Reported in"))
        self.date_unknown = escape(gettext("date unknown"))
        self.permalink_label = escape(gettext("Permalink and citation"))

    def render(self, quote, *, show_speaker, show_panel, hide_source, hide_permalink):
        article = quote.article
        cite = f' cite="{escape(article.source_url)}"' if article.source_url else ""
        text = normalize_newlines(self.words(quote.text, quote.language)).replace("\n", "<br>")
        parts = [
            f'<figure class="quote" id="quote-{quote.pk}">\n'
            f"  <blockquote{self.lang(quote.language)}{cite}>\n    <p>{text}</p>\n  </blockquote>\n"
        ]
        if quote.spoken_text:
            label = self.label("spoken", quote.spoken_language)
            parts.append(self.alternative(label, quote.spoken_text, quote.spoken_language))
        # A reader of the quote's own language needs no translation.
        if quote.translation and quote.language != self.page_language:
            label = self.label("translation", quote.translation_language)
            parts.append(self.alternative(label, quote.translation, quote.translation_language))
        caption = []
        if show_speaker:
            caption.append(self.speaker(quote))
        if show_panel:
            caption.append(self.panel(quote.panel, after_speaker=show_speaker))
        if quote.context:
            caption.append(f'<span class="context">{escape(quote.context)}</span>')
        if not hide_source:
            caption.append(self.source(article))
        if not hide_permalink:
            caption.append(
                f'<a class="permalink" href="{escape(quote.get_absolute_url())}">{self.permalink_label}</a>'
            )
        if caption:
            parts.append("  <figcaption>\n    " + "\n    ".join(caption) + "\n  </figcaption>\n")
        parts.append("</figure>")
        return mark_safe("".join(parts))

    def label(self, what, language):
        """ "Translation (English)", looked up once a page for each language."""
        if (what, language) not in self.labels:
            plain, with_language = LABELS[what]
            name = languages.language_name(language)
            label = gettext(with_language) % {"language": name} if name else gettext(plain)
            self.labels[what, language] = escape(label)
        return self.labels[what, language]

    def lang(self, language):
        """The lang attribute of a text whose language is not the page's."""
        return f' lang="{escape(language)}"' if language and language != self.page_language else ""

    def words(self, text, language):
        """The text escaped and typeset, the words of the reader's search marked."""
        return search.highlight(typeset(text, language), self.search_text)

    def alternative(self, label, text, language):
        return (
            f'  <p class="quote-alt"><span class="label">{label}</span> '
            f"<q{self.lang(language)}>{self.words(text, language)}</q></p>\n"
        )

    def speaker(self, quote):
        speaker = quote.speaker
        affiliation = getattr(quote, "speaker_affiliation", "")
        affiliation = f', <span class="affiliation">{escape(affiliation)}</span>' if affiliation else ""
        url = speaker.get_absolute_url()
        return f'<a class="speaker" href="{escape(url)}">{escape(speaker.name)}</a>{affiliation}'

    def panel(self, panel, *, after_speaker):
        dash = "— " if after_speaker else ""
        url = panel.get_absolute_url()
        return (
            f'<span class="where">{dash}<a href="{escape(url)}">{escape(panel.title)}</a>, '
            f"{escape(str(panel.edition))}</span>"
        )

    def source(self, article):
        title = escape(typeset(article.title, article.language))
        publication = f", {escape(article.publication)}" if article.publication else ""
        published_on = article.published_on
        if published_on:
            when = f'<time datetime="{published_on.isoformat()}">{self.date(published_on)}</time>'
        else:
            when = self.date_unknown
        return (
            f'<span class="source">{self.source_label} <a href="{escape(article.get_absolute_url())}">'
            f"<cite{self.lang(article.language)}>{title}</cite></a>{publication}, {when}</span>"
        )

    def date(self, day):
        if day not in self.dates:
            self.dates[day] = escape(date_format(day))
        return self.dates[day]
