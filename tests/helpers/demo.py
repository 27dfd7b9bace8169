"""Addresses of the demo coverage (the `demo` fixture) that several test modules open."""

PANEL_URL = "/festivals/berlinale/2024/ai-and-world-building-in-film-and-tv/"
