"""Quotes: the quote search with its filters, its downloads, and a quote's own page."""

from django.conf import settings
from django.http import HttpResponseBadRequest
from django.shortcuts import get_object_or_404, render
from django.utils.html import escape
from django.utils.translation import gettext as _

from ... import exporters, search
from ...models import Quote
from ..citations import citation
from ..filters import QuoteFilter
from ..pagination import paginate


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
    page_url = request.build_absolute_uri(quote.get_absolute_url())
    return render(
        request,
        "articles/quote_detail.html",
        {"quote": quote, "citation": citation(quote, page_url)},
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
