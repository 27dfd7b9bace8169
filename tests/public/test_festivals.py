"""The festival pages: festivals, their editions latest first, and each edition's sessions."""

import datetime

from tests.factories import FestivalFactory, QuoteFactory
from tests.helpers.pages import visible_text


def test_festival_pages_lead_to_the_edition_and_its_panels(client, demo):
    assert "2024" in visible_text(client.get("/festivals/"))
    festival = visible_text(client.get("/festivals/berlinale/"))
    assert "Berlin, Germany" in festival
    assert "1 session covered" in festival
    edition = visible_text(client.get("/festivals/berlinale/2024/"))
    assert "AI and World-Building in Film and TV" in edition
    assert "Dave Clark, AC Coppens, Christina Caspers-Roemer, Simon Weisse" in edition


def test_a_festival_lists_its_editions_latest_first(client, db):
    festival = FestivalFactory(slug="cannes", name="Cannes", short_name="")
    for year in [2023, 2025, 2024]:
        QuoteFactory(
            participation__panel__edition__festival=festival,
            participation__panel__edition__year=year,
            participation__panel__edition__start_date=datetime.date(year, 5, 10),
            participation__panel__edition__end_date=datetime.date(year, 5, 20),
        )
    text = visible_text(client.get("/festivals/cannes/"))
    assert text.index("Cannes 2025") < text.index("Cannes 2024") < text.index("Cannes 2023")
