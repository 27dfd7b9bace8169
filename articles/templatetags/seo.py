"""`{% json_ld node %}`: schema.org data for search engines (articles/public/structured_data.py), as a
<script type="application/ld+json"> block: data, never run, so the Content-Security-Policy allows it."""

import json

from django import template
from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import languages
from ..public import structured_data

register = template.Library()

# Text from editors must not close the script element: <, > and & are written as JSON escapes.
SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def json_ld(node):
    data = json.dumps(structured_data.with_context(node), cls=DjangoJSONEncoder, ensure_ascii=False)
    script_safe = mark_safe(data.translate(SCRIPT_SAFE))
    return format_html('<script type="application/ld+json">{}</script>', script_safe)


register.simple_tag(structured_data.article_description, name="article_description")
register.simple_tag(structured_data.session_description, name="session_description")


@register.simple_tag(takes_context=True)
def article_json_ld(context, article, panels):
    return json_ld(structured_data.article_node(context["request"], article, panels))


@register.simple_tag(takes_context=True)
def event_json_ld(context, panel, participations):
    return json_ld(structured_data.event_node(context["request"], panel, participations))


@register.simple_tag(takes_context=True)
def person_json_ld(context, person):
    return json_ld(structured_data.person_page_node(context["request"], person))


@register.simple_tag(takes_context=True)
def quotation_json_ld(context, quote):
    return json_ld(structured_data.quotation_node(context["request"], quote))


def absolute(request, path):
    """The full address of `path` on this site; only the path when the request named a host this
    site does not serve (the 400 page it gets must not fail in turn)."""
    try:
        return request.build_absolute_uri(path)
    except DisallowedHost:
        return path


def canonical_query(request):
    """What of the query belongs in a page's canonical address: the page number of a list past its first."""
    page = request.GET.get("page", "")
    return f"?page={page}" if page.isdigit() and page not in {"0", "1"} and len(page) < 7 else ""


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without its query, but for the page number of a list past its first."""
    request = context["request"]
    return absolute(request, request.path) + canonical_query(request)


@register.simple_tag(takes_context=True)
def page_languages(context):
    """This page in every language of the interface: for the switcher, the same page with the same
    filters; for search engines (hreflang), the canonical address of each version."""
    request = context["request"]
    current = translation.get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": url,
            "canonical": absolute(request, languages.address_in(code, request.path))
            + canonical_query(request),
            "current": code == current,
            "default": code == settings.LANGUAGE_CODE,
        }
        for code, name, url in languages.addresses_in_each_language(request.get_full_path())
    ]
