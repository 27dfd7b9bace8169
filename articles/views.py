"""Public pages. Each view fetches what its page shows in a fixed number of queries; the querysets
in querysets.py decide what is public."""

import re

from django.conf import settings
from django.contrib import messages
from django.contrib.sites.shortcuts import get_current_site
from django.db.models import Prefetch
from django.http import HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.html import escape
from django.utils.translation import gettext as _
from django_comments.signals import comment_was_posted, comment_will_be_posted

from . import comments, exporters, languages, page_cache, search
from .filters import QuoteFilter
from .models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic
from .pagination import paginate

HOME_ARTICLES = 6
HOME_QUOTES = 5
HOME_FESTIVALS = 12
TOPIC_QUOTES = 10
PEOPLE_PER_PAGE = 60
A_TO_Z = [*"ABCDEFGHIJKLMNOPQRSTUVWXYZ", "#"]


def page_not_found(request, exception):
    """The 404 page, with a search for the words of the address the reader tried: a mistyped or
    outdated link still names the person, festival or session they were after."""
    path = languages.address_in(settings.LANGUAGE_CODE, request.path)
    section, *rest = [part for part in path.split("/") if part] or [""]
    words = " ".join(re.findall(r"[^\W_]{2,}", " ".join(rest or [section]))[:8])
    return render(request, "404.html", {"search_words": words[:200]}, status=404)


def home(request):
    return render(
        request,
        "articles/home.html",
        {
            "articles": Article.objects.public()[:HOME_ARTICLES],
            "festivals": Festival.objects.public().by_local_name()[:HOME_FESTIVALS],
            "topics": Topic.objects.public().by_local_name(),
            "quotes": Quote.objects.in_context().public().latest_first()[:HOME_QUOTES],
        },
    )


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


ONWARD_LINKS = 6


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


def viewable(request, things):
    """What the request may see of `things` (a manager or queryset): what is public, and for staff
    everything, so that editors can preview a draft, scheduled or uncovered page at its address."""
    return things.all() if request.user.is_staff else things.public()


def render_with_preview(request, template, context, status=200):
    """render(); a preview (`preview` in the context) is for the editor who asked, never for a cache."""
    response = render(request, template, context, status=status)
    if context.get("preview"):
        add_never_cache_headers(response)
    return response


def group_by_speaker(participations, quotes):
    """[(participation, [quotes])] in stage order, for the speakers who were quoted."""
    by_person = {}
    for quote in quotes:
        by_person.setdefault(quote.speaker_id, []).append(quote)
    return [(p, by_person[p.person_id]) for p in participations if p.person_id in by_person]


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


def article_list(request):
    covered_panels = Prefetch("panels", queryset=Panel.objects.with_edition())
    page, notice = paginate(request, Article.objects.public().prefetch_related(covered_panels))
    return render(request, "articles/article_list.html", {"page": page, "notice": notice})


def article_detail(request, slug):
    article = get_object_or_404(viewable(request, Article.objects), slug=slug)
    return article_page(request, article, comments.CommentForm(article, initial=reply_to(request)))


def reply_to(request):
    """The comment a reader chose to answer (?reply_to=id): checked when the reply is sent."""
    value = request.GET.get("reply_to", "")
    return {"parent": int(value)} if value.isdigit() and len(value) < 19 else {}


def article_page(request, article, comment_form, status=200):
    panels = list(article.panels.for_listing())
    participants = {}
    for panel in panels:
        for participation in panel.participations.all():
            participants.setdefault(participation.person_id, participation)
    quotes = article.quotes.with_context()
    return render_with_preview(
        request,
        "articles/article_detail.html",
        {
            "article": article,
            "preview": not article.is_public,
            "panels": panels,
            "participants": participants.values(),
            "quotes": quotes,
            "comments": comments.shown_comments(article),
            "comment_form": comment_form,
        },
        status=status,
    )


def post_comment(request, slug):
    """A reader's comment (or reply) on a published article: held for moderation, then back to the
    article with a message. Problems show the form again with what the reader typed."""
    article = Article.objects.filter(slug=slug).first()
    if request.method != "POST":
        return redirect(article.get_absolute_url() + "#comments" if article else "article-list")
    if article is None or not article.is_public:
        return comment_refused(request, _("This article is not published, so it cannot take comments."), 404)
    if not article.comments_open:
        return comment_refused(request, _("Comments are closed on this article."), 403, article)
    form = comments.CommentForm(article, data=request.POST)
    if not form.is_valid():
        return article_page(request, article, form.renew_security_data(), status=400)
    client = comments.client_hash(request)
    if comments.over_rate_limit(client):
        form.renew_security_data().add_error(
            None,
            _(
                "You have sent several comments in the last few minutes. "
                "Wait a little, then send your comment again."
            ),
        )
        return article_page(request, article, form, status=429)
    comment = form.get_comment_object(site_id=get_current_site(request).id)
    comment.client_hash = client
    if request.user.is_authenticated:
        comment.user = request.user
    answers = comment_will_be_posted.send(sender=comment.__class__, comment=comment, request=request)
    if any(answer is False for _receiver, answer in answers):
        return comment_refused(request, _("Comments are closed on this article."), 403, article)
    comment.save()
    comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)
    comments.count_posted(client)
    if comment.is_public:
        messages.success(request, _("Your comment is published."))
    else:
        messages.success(
            request, _("Thank you. Your comment awaits moderation and will appear once approved.")
        )
    return redirect(article.get_absolute_url() + "#comments")


def comment_refused(request, reason, status, article=None):
    return render(
        request, "articles/comment_refused.html", {"reason": reason, "article": article}, status=status
    )


def quote_list(request):
    shown = Quote.objects.in_context().public()
    quote_filter = QuoteFilter(request.GET, queryset=shown)
    valid = quote_filter.is_valid()
    quotes = listed_quotes(quote_filter, shown) if valid else Quote.objects.none()
    page, notice = paginate(request, quotes)
    chosen = {name: value for name, value in quote_filter.form.cleaned_data.items() if value} if valid else {}
    return render(
        request,
        "articles/quote_list.html",
        {
            "filter": quote_filter,
            "page": page,
            "notice": notice,
            "heading": quote_list_heading(chosen.get("speaker"), chosen.get("topic")),
            "speaker": chosen.get("speaker"),
            "panel": chosen.get("panel"),
            "search_text": chosen.get("q", ""),
            "filtered": bool(set(chosen) - {"sort"}),
            "narrow_search": quote_filter.searching
            and page.paginator.count >= settings.QUOTE_SEARCH_CANDIDATES,
            "phrase_partly_checked": quote_filter.searching and quote_filter.qs.phrase_partly_checked,
            "phrase_checks": settings.QUOTE_PHRASE_CHECKS,
            "export_limit": exporters.PUBLIC_EXPORT_LIMIT,
        },
    )


def listed_quotes(quote_filter, shown):
    """What the quote search lists, in its order: the matches of the words typed, ranked or sorted,
    or else the filtered quotes."""
    if quote_filter.searching:
        return search.RankedResults(quote_filter.qs, rows=shown, order=quote_filter.order)
    return quote_filter.qs


def quote_list_heading(speaker, topic):
    if speaker and topic:
        return _("Quotes by %(speaker)s on %(topic)s") % {"speaker": speaker.name, "topic": topic.local_name}
    if speaker:
        return _("Quotes by %(speaker)s") % {"speaker": speaker.name}
    if topic:
        return _("Quotes on %(topic)s") % {"topic": topic.local_name}
    return _("Quotes")


def quote_detail(request, pk):
    quote = get_object_or_404(Quote.objects.in_context().public(), pk=pk)
    return render(
        request,
        "articles/quote_detail.html",
        {"quote": quote, "page_url": request.build_absolute_uri(quote.get_absolute_url())},
    )


SUGGESTIONS = 8


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


SITE_SEARCH_RESULTS = 5


def site_search(request):
    """Everything that matches, grouped by kind: people, sessions, articles and quotes."""
    text = request.GET.get("q", "").strip()
    notice = None
    if len(text) > 500:
        notice = _("Searches are limited to 500 characters; the rest was left out.")
        text = text[:500]
    results = {}
    quotes = Quote.objects.in_context().public()
    panels, articles = Panel.objects.public().with_edition(), Article.objects.public()
    if search.has_words(text):
        results = {
            "festivals": search.search_festivals(Festival.objects.public().by_local_name(), text)[
                :SITE_SEARCH_RESULTS
            ],
            "people": search.suggest_people(Person.objects.public(), text, limit=SITE_SEARCH_RESULTS),
            "panels": search.first_found(
                search.search_panels(panels, text), rows=panels, count=SITE_SEARCH_RESULTS
            ),
            "articles": search.first_found(
                search.search_articles(articles, text), rows=articles, count=SITE_SEARCH_RESULTS
            ),
            "quotes": search.RankedResults(
                search.search_quotes(quotes, text), rows=quotes, order=["-search_rank", "-pk"]
            )[:SITE_SEARCH_RESULTS],
        }
    elif text:
        notice = _("Type at least one word to search for.")
    return render(
        request,
        "articles/site_search.html",
        {
            "search_text": text,
            "results": results,
            "found_anything": any(results.values()),
            "notice": notice,
        },
    )


def quote_export(request, export_format):
    """The quotes of the quote search, with the same filters (same GET parameters), as a CSV or JSON
    download: public quotes only, at most exporters.PUBLIC_EXPORT_LIMIT of them (a text search
    exports its ranked candidates, at most QUOTE_SEARCH_CANDIDATES)."""
    shown = Quote.objects.in_context().public()
    quote_filter = QuoteFilter(request.GET, queryset=shown)
    if not quote_filter.is_valid():
        problems = "\n".join(
            f"- {name}: {' '.join(messages)}" for name, messages in quote_filter.form.errors.items()
        )
        return HttpResponseBadRequest(
            _("These filters cannot be used, so nothing was exported:\n%(problems)s\n")
            # Escaped although plain text: a value typed into the address must never come back as markup.
            % {"problems": escape(problems)},
            content_type="text/plain; charset=utf-8",
        )
    quotes = listed_quotes(quote_filter, shown)[: exporters.PUBLIC_EXPORT_LIMIT]
    base_url = request.build_absolute_uri("/").rstrip("/")
    return exporters.download(quotes, export_format, base_url=base_url)
