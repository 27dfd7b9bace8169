"""Every text of the interface is marked for translation and translated into French and German.

The texts are gathered as `make messages` (Django's makemessages) gathers them, but without GNU
gettext: templates through Django's own templatize(), then Python code, both read by Babel's Python
extractor with makemessages' keywords."""

import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from babel.messages.extract import extract_python
from babel.messages.pofile import read_po
from django.conf import settings
from django.template.base import Lexer, TokenType
from django.utils.translation.template import templatize

ROOT = Path(settings.BASE_DIR)
TEMPLATES = sorted((ROOT / "templates").rglob("*.html"))
CODE = sorted(path for folder in ("articles", "festival") for path in (ROOT / folder).rglob("*.py"))
LANGUAGES = [code for code, _ in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
# makemessages' keywords for xgettext, as Babel writes them: argument positions, "c" for a context.
KEYWORDS = {
    "_": None,
    "gettext": None,
    "gettext_lazy": None,
    "gettext_noop": None,
    "ngettext": (1, 2),
    "ngettext_lazy": (1, 2),
    "pgettext": ((1, "c"), 2),
    "pgettext_lazy": ((1, "c"), 2),
    "npgettext": ((1, "c"), 2, 3),
    "npgettext_lazy": ((1, "c"), 2, 3),
}


def marked_texts(source):
    """(context, msgid) of every text a Python source marks for translation."""
    found = set()
    for _, funcname, messages, _ in extract_python(io.BytesIO(source.encode()), KEYWORDS, [], {}):
        spec = KEYWORDS[funcname]
        messages = messages if isinstance(messages, tuple) else (messages,)
        context = messages[0] if spec and isinstance(spec[0], tuple) else None
        msgid = messages[1] if context else messages[0]
        if msgid:
            found.add((context, msgid))
    return found


def interface_texts():
    texts = {}
    for path in CODE:
        for text in marked_texts(path.read_text()):
            texts.setdefault(text, path.relative_to(ROOT))
    for path in TEMPLATES:
        for text in marked_texts(templatize(path.read_text(), origin=str(path))):
            texts.setdefault(text, path.relative_to(ROOT))
    return texts


@pytest.fixture(scope="module")
def catalogs():
    catalogs = {}
    for language in LANGUAGES:
        with open(ROOT / "locale" / language / "LC_MESSAGES" / "django.po", "rb") as po:
            catalogs[language] = read_po(po, locale=language)
    return catalogs


def test_texts_are_gathered_from_templates_and_code():
    texts = interface_texts()
    assert (None, "Skip to content") in texts  # {% translate %} in base.html
    assert (None, "Nobody in the archive goes by that name.") in texts  # gettext_lazy in filters.py
    assert (None, "%(counter)s quote") in texts  # {% blocktranslate count %}


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_text_of_the_interface_is_translated(catalogs, language):
    catalog = catalogs[language]
    missing = []
    for (context, msgid), where in sorted(interface_texts().items(), key=lambda item: str(item)):
        message = catalog.get(msgid, context=context)
        strings = (
            message.string
            if message and isinstance(message.string, tuple)
            else (message and (message.string,))
        )
        if not message or message.fuzzy or not all(strings):
            missing.append(f"{where}: {msgid!r}")
    assert not missing, (
        f"not translated into {language} (run `make messages`, then translate):\n" + "\n".join(missing)
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders_of_the_english(catalogs, language):
    placeholder = re.compile(r"%\(\w+\)[sd]|%[sd]|<[^>]+>")
    wrong = []
    for message in catalogs[language]:
        if not message.id or not message.string:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        expected = sorted(set(placeholder.findall(ids[-1])))
        wrong += [
            f"{ids[0]!r} → {string!r}"
            for string in strings
            if sorted(set(placeholder.findall(string))) != expected
        ]
    assert not wrong, "\n".join(wrong)


class VisibleText(HTMLParser):
    """The words of a template a reader would read: text between tags and the attributes browsers
    show or speak, once every template tag and variable has been taken out."""

    SHOWN_ATTRIBUTES = {"alt", "aria-label", "placeholder", "title"}

    def __init__(self):
        super().__init__()
        self.words, self.skipping = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skipping += 1
        self.words += [value for name, value in attrs if name in self.SHOWN_ATTRIBUTES and value]
        if tag == "meta" and dict(attrs).get("content") and dict(attrs).get("name") == "description":
            self.words.append(dict(attrs)["content"])

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping:
            self.words.append(data)


# Words that read the same in every language: names of file formats.
UNTRANSLATED_WORDS = {"CSV", "JSON"}


def untranslated_words(source):
    """Words written straight into a template rather than through {% translate %}: template tags,
    variables and the texts of {% blocktranslate %} (translated) are taken out first."""
    kept, skipping = [], None
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK:
            words = token.contents.split()
            if skipping and words[0] == skipping:
                skipping = None
            elif words[0] in ("blocktranslate", "blocktrans"):
                skipping = "end" + words[0]
            elif words[:2] == ["block", "bodyclass"]:  # the admin's class names for the body element
                skipping = "endblock"
            kept.append(" ")
        elif token.token_type == TokenType.TEXT and not skipping:
            kept.append(token.contents)
        else:
            kept.append(" ")
    parser = VisibleText()
    parser.feed("".join(kept))
    words = re.findall(r"[^\W\d_]{2,}", " ".join(parser.words))
    return [word for word in words if word not in UNTRANSLATED_WORDS]


def test_untranslated_words_in_a_template_are_found():
    source = (
        '{% load i18n %}<p title="Hint">{% translate "Kept" %} Written straight</p>'
        "{% blocktranslate %}Fine{% endblocktranslate %}"
    )
    assert untranslated_words(source) == ["Hint", "Written", "straight"]


@pytest.mark.parametrize("template", TEMPLATES, ids=lambda path: str(path.relative_to(ROOT / "templates")))
def test_no_template_writes_a_text_of_the_interface_without_translating_it(template):
    assert untranslated_words(template.read_text()) == []
