"""The words a search matched, marked in the text shown, without breaking what is escaped."""


def test_matched_words_are_highlighted(client, demo):
    html = client.get("/quotes/", {"q": "outil"}).content.decode()
    assert "<mark>outils</mark>" in html
    assert "<mark>" not in client.get("/quotes/").content.decode()


def test_highlighting_never_breaks_escaped_characters():
    from articles.search import highlight

    assert highlight("Tom & Jerry's <b>amp</b> quot", "amp quot x27 lt") == (
        "Tom &amp; Jerry&#x27;s &lt;b&gt;<mark>amp</mark>&lt;/b&gt; <mark>quot</mark>"
    )
    assert highlight("Les créateurs et leurs outils", "createur OUTIL") == (
        "Les <mark>créateurs</mark> et leurs <mark>outils</mark>"
    )
    assert highlight("Über die Übersetzung von Übersetzungen", "Übersetzungen") == (
        "Über die <mark>Übersetzung</mark> von <mark>Übersetzungen</mark>"
    )
