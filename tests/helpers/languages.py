"""The interface's texts in a given language, to look for on the pages served in it."""

from django.utils import translation


def gettext_in(language, text):
    with translation.override(language):
        return translation.gettext(text)
