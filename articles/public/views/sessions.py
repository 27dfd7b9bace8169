"""A session: who was on stage, what each said, the coverage, and the sessions to read next."""

from django.shortcuts import get_object_or_404

from ...models import Panel, Participation
from ..previews import render_with_preview, viewable

ONWARD_LINKS = 6


def panel_detail(request, slug, year, panel_slug):
    panel = get_object_or_404(
        viewable(request, Panel.objects).with_edition(),
        edition__festival__slug=slug,
        edition__year=year,
        slug=panel_slug,
    )
    participations = list(panel.participations.select_related("person"))
    articles = list(viewable(request, panel.articles))
    quotes = viewable(request, panel.quotes).with_article().order_by("article", "position", "pk")
    return render_with_preview(
        request,
        "articles/panel_detail.html",
        {
            "panel": panel,
            "preview": not panel.is_public,
            "participations": participations,
            "quotes_by_speaker": group_by_speaker(participations, quotes),
            "topics": panel.topics.all(),
            "articles": articles,
            "single_source": len(articles) == 1,
            **onward_sessions(panel),
        },
    )


def group_by_speaker(participations, quotes):
    """[(participation, [quotes])] in stage order, for the speakers who were quoted."""
    by_person = {}
    for quote in quotes:
        by_person.setdefault(quote.speaker_id, []).append(quote)
    return [(p, by_person[p.person_id]) for p in participations if p.person_id in by_person]


def onward_sessions(panel):
    """Other sessions to read next: of the same edition, of the same people elsewhere, and on the
    same topics. Each is listed once: a session of the same edition or with the same people is
    not repeated among those on the same topics."""
    same_edition = list(Panel.objects.public().in_same_edition_as(panel)[:ONWARD_LINKS])
    same_people = people_elsewhere(panel)
    listed = {other.pk for other in same_edition} | {other.pk for other, _people in same_people}
    same_topics = [
        other
        for other in Panel.objects.public().on_topics_of(panel)[: ONWARD_LINKS + len(listed)]
        if other.pk not in listed
    ]
    return {
        "same_edition": same_edition,
        "same_topics": same_topics[:ONWARD_LINKS],
        "same_people": same_people,
    }


def people_elsewhere(panel):
    """[(panel, [people])]: other sessions of the people on this stage, latest first."""
    sessions = {}
    for participation in Participation.objects.elsewhere_for_people_on(panel)[: ONWARD_LINKS * 3]:
        sessions.setdefault(participation.panel_id, (participation.panel, []))[1].append(participation.person)
    return list(sessions.values())[:ONWARD_LINKS]
