"""What every request goes through (articles/http/middleware.py): an address with a NUL byte is
refused, and each request is logged as one JSON line."""

import json

import pytest

from tests.helpers.pages import visible_text


@pytest.mark.parametrize("query", ["speaker=%00", "topic=a%00b", "page=%00", "%00=1"])
def test_a_nul_byte_in_the_address_is_a_bad_request(client, demo, query):
    response = client.get(f"/quotes/?{query}")
    assert response.status_code == 400
    assert "This address cannot be read" in visible_text(response)


@pytest.mark.django_db
def test_every_request_is_logged_as_one_json_line(client, caplog):
    with caplog.at_level("INFO", logger="festival.requests"):
        client.get("/quotes/", {"q": 'say "hello"'})
        client.get("/no-such-page/")
    lines = [
        json.loads(record.getMessage()) for record in caplog.records if record.name == "festival.requests"
    ]
    assert [(line["path"], line["status"]) for line in lines] == [("/quotes/", 200), ("/no-such-page/", 404)]
    assert lines[0]["query"] == "q=say+%22hello%22"
    assert all(line["duration_ms"] > 0 and line["method"] == "GET" for line in lines)
