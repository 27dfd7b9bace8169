"""The addresses of a page in each language (articles/languages.py)."""

import pytest

from articles.languages import address_in

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "path, expected",
    [
        ("/fr/quotes/?speaker=x", "/quotes/?speaker=x"),
        ("/quotes/", "/quotes/"),
        ("/fr/", "/"),
        ("/fr", "/"),
        ("/fr//elsewhere.example/x/", "/elsewhere.example/x/"),  # never an address on another site
        ("/fr-ca/quotes/", "/fr-ca/quotes/"),  # not a prefix of ours
        ("/french/", "/french/"),
    ],
)
def test_the_address_of_a_page_in_another_language_stays_on_this_site(path, expected):
    assert address_in("en", path) == expected
    assert address_in("de", path) == "/de" + expected
