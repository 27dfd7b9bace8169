"""Searching quotes as a reader does: the texts of the quotes the search page lists."""


def found(client, **params):
    response = client.get("/quotes/", params)
    assert response.status_code == 200
    return [quote.text for quote in response.context["page"].object_list]
