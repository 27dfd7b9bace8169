"""Topics, and a topic's sessions and latest quotes."""

from django.shortcuts import get_object_or_404, render

from ...models import Quote, Topic
from ..pagination import paginate

TOPIC_QUOTES = 10


def topic_list(request):
    topics = Topic.objects.public().with_public_panel_counts().by_local_name()
    return render(request, "articles/topic_list.html", {"topics": topics})


def topic_detail(request, slug):
    topic = get_object_or_404(Topic.objects.public(), slug=slug)
    panels = topic.panels.public().for_listing().order_by("-edition__year", "-date", "title")
    page, notice = paginate(request, panels)
    quotes = Quote.objects.in_context().public().filter(panel__topics=topic).latest_first()[:TOPIC_QUOTES]
    return render(
        request,
        "articles/topic_detail.html",
        {"topic": topic, "page": page, "notice": notice, "quotes": quotes},
    )
