"""The home page: the latest coverage, festivals, topics and quotes."""

from tests.helpers.pages import visible_text


def test_home_shows_latest_coverage_festivals_topics_and_quotes(client, demo):
    text = visible_text(client.get("/"))
    assert "Berlin débat de la menace de l’IA pour les emplois à Hollywood" in text
    assert "Berlin International Film Festival" in text
    assert "Artificial intelligence" in text
    assert "Cela change la donne par rapport à ce à quoi nous sommes confrontés." in text
    assert client.get("/").content.decode().count('class="quote"') == 5
