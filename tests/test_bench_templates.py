"""bench/template_bench.py times the quote card as the archive writes it (the quote_card tag) against
the same card written as a template include (bench/templates/quote_card.html): the comparison holds
only while both write the same card."""

import itertools
import re
import sys
from pathlib import Path

import pytest
from django.template import Context, engines
from django.utils import translation

from articles.models import Quote
from tests.factories import QuoteFactory

BENCH = Path(__file__).resolve().parents[1] / "bench"
OPTIONS = ["show_speaker=True show_panel=True", "show_panel=True", "hide_source=True", "hide_permalink=True"]


@pytest.fixture
def template_bench(monkeypatch):
    monkeypatch.syspath_prepend(str(BENCH))
    import template_bench

    yield template_bench
    for name in ["template_bench", "search_bench", "setup", "card_parts"]:
        sys.modules.pop(name, None)


def same_markup(html):
    """The card's markup with the white space between and inside tags that no reader sees folded."""
    html = re.sub(r">\s+<", "><", html.strip())
    return re.sub(r"\s+>", ">", re.sub(r"\s+", " ", html))


@pytest.mark.django_db
def test_the_benchmarks_include_writes_the_card_the_archive_writes(template_bench):
    QuoteFactory(
        text="Words <b>& more</b>\nsecond line",
        language="fr",
        spoken_text="Gesprochen",
        spoken_language="de",
        translation="Translated",
        translation_language="en",
        context="Context",
        article__source_url='https://example.com/?a="b"',
    )
    QuoteFactory(language="en", article__publication="")
    include_engine = template_bench.card_templates()["person page"][1].engine
    for language, words, options in itertools.product(["en", "fr", "de"], ["", "words second"], OPTIONS):
        tag = engines["django"].from_string(f"{{% load quote_cards %}}{{% quote_card quote {options} %}}")
        include = include_engine.from_string(f'{{% include "quote_card.html" with {options} %}}')
        with translation.override(language):
            for quote in Quote.objects.in_context():
                context = {"quote": quote, "LANGUAGE_CODE": language, "search_text": words}
                assert same_markup(tag.render(context)) == same_markup(include.render(Context(context)))
