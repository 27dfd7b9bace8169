"""Load coverage written in the archive's JSON format (docs/coverage-format.md).

Records are matched by their slugs (a panel by "festival/year/panel-slug", a quote by its article and
position), so loading the same file twice changes nothing. Every record is validated as the admin
would validate it, and the whole file loads in one transaction: a bad record leaves the database as
it was.
"""

import datetime

from django.db import transaction

from ..models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic


def load_coverage(data):
    """Create or update everything in `data`; return how many records of each kind it holds."""
    with transaction.atomic():
        festivals = {
            item["slug"]: _upsert(
                Festival,
                {"slug": item["slug"]},
                item,
                ["name", "short_name", "city", "country", "website", "description"],
            )
            for item in data.get("festivals", [])
        }
        for item in data.get("editions", []):
            festival = festivals.get(item["festival"]) or Festival.objects.get(slug=item["festival"])
            _upsert(
                Edition,
                {"festival": festival, "year": item["year"]},
                {
                    **item,
                    "start_date": _date(item.get("start_date")),
                    "end_date": _date(item.get("end_date")),
                },
                ["start_date", "end_date"],
            )
        for item in data.get("topics", []):
            _upsert(Topic, {"slug": item["slug"]}, item, ["name", "description"])
        for item in data.get("people", []):
            _upsert(Person, {"slug": item["slug"]}, item, ["name", "sort_name", "bio", "website"])
        for item in data.get("panels", []):
            _load_panel(item)
        for item in data.get("articles", []):
            _load_article(item)
    return {
        kind: len(data.get(kind, []))
        for kind in ("festivals", "editions", "topics", "people", "panels", "articles")
    } | {"quotes": sum(len(article.get("quotes", [])) for article in data.get("articles", []))}


def _load_panel(item):
    edition = Edition.objects.get(festival__slug=item["festival"], year=item["year"])
    panel = _upsert(
        Panel,
        {"edition": edition, "slug": item["slug"]},
        {
            **item,
            "date": _date(item.get("date")),
            "start_time": _time(item.get("start_time")),
            "end_time": _time(item.get("end_time")),
        },
        ["title", "kind", "date", "start_time", "end_time", "venue", "description"],
    )
    panel.topics.set(Topic.objects.filter(slug__in=item.get("topics", [])))
    for participant in item.get("participants", []):
        _upsert(
            Participation,
            {"panel": panel, "person": Person.objects.get(slug=participant["person"])},
            participant,
            ["role", "affiliation", "order"],
        )


def _load_article(item):
    article = _upsert(
        Article,
        {"slug": item["slug"]},
        {**item, "published_on": _date(item["published_on"])},
        [
            "title",
            "publication",
            "author",
            "published_on",
            "language",
            "source_url",
            "summary",
            "body",
            "status",
        ],
    )
    article.panels.set([_panel(reference) for reference in item.get("panels", [])])
    for quote in item.get("quotes", []):
        _upsert(
            Quote,
            {"article": article, "position": quote["position"]},
            {**quote, "speaker": Person.objects.get(slug=quote["speaker"]), "panel": _panel(quote["panel"])},
            [
                "text",
                "language",
                "spoken_text",
                "spoken_language",
                "translation",
                "translation_language",
                "speaker",
                "panel",
                "context",
            ],
        )


def _panel(reference):
    """A panel named as "festival-slug/year/panel-slug"."""
    festival, year, slug = reference.split("/")
    return Panel.objects.get(edition__festival__slug=festival, edition__year=int(year), slug=slug)


def _upsert(model, lookup, values, fields):
    """Create the record, or update it only where the file differs from what is stored."""
    instance = model.objects.filter(**lookup).first() or model(**lookup)
    changed = instance._state.adding
    for field in fields:
        if field in values:
            value = values[field] if values[field] is not None else _empty(model, field)
            if instance._state.adding or getattr(instance, field) != value:
                setattr(instance, field, value)
                changed = True
    if changed:
        instance.full_clean()
        instance.save()
    return instance


def _empty(model, field):
    return None if model._meta.get_field(field).null else ""


def _date(value):
    return datetime.date.fromisoformat(value) if value else None


def _time(value):
    return datetime.time.fromisoformat(value) if value else None
