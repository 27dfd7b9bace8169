"""Festivals, a festival's editions, and an edition's programme."""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render

from ...models import Edition, Festival


def festival_list(request):
    public_editions = Edition.objects.public()
    festivals = (
        Festival.objects.public()
        .by_local_name()
        .prefetch_related(Prefetch("editions", queryset=public_editions))
    )
    return render(request, "articles/festival_list.html", {"festivals": festivals})


def festival_detail(request, slug):
    festival = get_object_or_404(Festival.objects.public(), slug=slug)
    # Counted, they are grouped: Django leaves Meta.ordering out of such queries.
    editions = festival.editions.public().with_public_panel_counts().order_by("-year")
    return render(request, "articles/festival_detail.html", {"festival": festival, "editions": editions})


def edition_detail(request, slug, year):
    edition = get_object_or_404(
        Edition.objects.public().select_related("festival"), festival__slug=slug, year=year
    )
    panels = edition.panels.public().for_listing()
    return render(request, "articles/edition_detail.html", {"edition": edition, "panels": panels})
