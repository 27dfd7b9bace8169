"""The topic pages: each topic's sessions and quotes."""

from tests.helpers.pages import visible_text


def test_topic_page_shows_its_panels_and_quotes(client, demo):
    text = visible_text(client.get("/topics/miniatures/"))
    assert "AI and World-Building in Film and TV" in text
    assert "nous utilisons simplement ChatGPT" in text
    assert "Miniatures" in visible_text(client.get("/topics/"))
