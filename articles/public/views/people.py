"""People: the A–Z, a person's sessions and quotes, and the type-ahead of the speaker filter."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from ... import search
from ...http import page_cache
from ...models import Panel, Person, Quote
from ..pagination import paginate

PEOPLE_PER_PAGE = 60
A_TO_Z = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]
SUGGESTIONS = 8


def person_list(request):
    people = Person.objects.public()
    letter = request.GET.get("letter", "")
    notice = None
    if letter:
        if len(letter) == 1 and (letter.isascii() and letter.isalpha() or letter == "#"):
            people = people.filter(index_letter=letter.upper())
        else:
            notice = _("“letter” must be a single letter from A to Z, or #.")
            letter = ""
    page, page_notice = paginate(request, people.with_latest_affiliation(), PEOPLE_PER_PAGE)
    # Letters nobody files under are shown, not linked. Kept like the pages (page_cache).
    in_use = page_cache.remember("people-letters", Person.objects.public().index_letters)
    return render(
        request,
        "articles/person_list.html",
        {
            "page": page,
            "letters": [(initial, initial in in_use) for initial in A_TO_Z],
            "letter": letter.upper(),
            "notice": notice or page_notice,
        },
    )


def person_detail(request, slug):
    person = get_object_or_404(Person.objects.public(), slug=slug)
    participations = (
        person.participations.filter(panel__in=Panel.objects.public())
        .select_related("panel__edition__festival")
        .order_by("-panel__edition__year", "-panel__date", "panel__title")
    )
    quotes = Quote.objects.in_context().public().filter(speaker=person).latest_first()
    page, notice = paginate(request, quotes)
    return render(
        request,
        "articles/person_detail.html",
        {"person": person, "participations": participations, "page": page, "notice": notice},
    )


def person_suggest(request):
    """Type-ahead for the speaker filter: people whose names match what has been typed so far."""
    people = search.suggest_people(Person.objects.public(), request.GET.get("q", ""), limit=SUGGESTIONS)
    return JsonResponse(
        {
            "results": [
                {"name": person.name, "slug": person.slug, "url": person.get_absolute_url()}
                for person in people
            ]
        }
    )
