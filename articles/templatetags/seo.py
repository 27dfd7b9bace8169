"""`{% json_ld node %}`: schema.org data for search engines (articles/structured_data.py), as a
<script type="application/ld+json"> block: data, never run, so the Content-Security-Policy allows it."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .. import structured_data

register = template.Library()

# Text from editors must not close the script element: <, > and & are written as JSON escapes.
SCRIPT_SAFE = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


def json_ld(node):
    data = json.dumps(structured_data.with_context(node), cls=DjangoJSONEncoder, ensure_ascii=False)
    script_safe = mark_safe(data.translate(SCRIPT_SAFE))
    return format_html('<script type="application/ld+json">{}</script>', script_safe)


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


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """This page's address without its query, but for the page number of a list past its first."""
    request = context["request"]
    page = request.GET.get("page", "")
    query = f"?page={page}" if page.isdigit() and page not in {"0", "1"} and len(page) < 7 else ""
    return request.build_absolute_uri(request.path) + query
