"""When each thing in the archive becomes public, stored on it as `public_since`.

The rule (see models/base.py) follows published coverage: an article is public once it is published
and its `published_at` has come; its quotes from that moment; a panel from the earliest such moment
of the articles covering it; editions, festivals, topics and people from the earliest moment of
their panels. Storing the moment, rather than working it out through the join tables on every
page, lets public pages and quote search test one indexed column (`public_since <= now`), and an
article scheduled for later needs no job to appear: the moment simply arrives.

`refresh()` recomputes the moments of what a change touches; signals.py calls it on every save,
delete and change of links, and code that writes with `update()` must call it too.
"""

from django.apps import apps as installed_apps
from django.db.models import F, Func, OuterRef, Q, Subquery

# In the order they must be recomputed: each depends only on those before it.
DEPENDENT_MODELS = ["Quote", "Panel", "Person", "Edition", "Topic", "Festival"]


def refresh(
    articles=(), quotes=(), panels=(), people=(), editions=(), festivals=(), topics=(), apps=installed_apps
):
    """Recompute `public_since` of the given things (ids) and of everything that depends on them."""
    Article, Edition, Panel, Participation = (
        apps.get_model("articles", name) for name in ["Article", "Edition", "Panel", "Participation"]
    )
    articles, quotes, panels, people, editions, festivals, topics = (
        set(ids) - {None} for ids in [articles, quotes, panels, people, editions, festivals, topics]
    )
    panels |= set(Article.panels.through.objects.filter(article__in=articles).values_list("panel", flat=True))
    people |= set(Participation.objects.filter(panel__in=panels).values_list("person", flat=True))
    editions |= set(Panel.objects.filter(pk__in=panels).values_list("edition", flat=True))
    topics |= set(Panel.topics.through.objects.filter(panel__in=panels).values_list("topic", flat=True))
    festivals |= set(Edition.objects.filter(pk__in=editions).values_list("festival", flat=True))
    which = {
        "Quote": (Q(article__in=articles) | Q(pk__in=quotes)) if articles or quotes else None,
        "Panel": Q(pk__in=panels) if panels else None,
        "Person": Q(pk__in=people) if people else None,
        "Edition": Q(pk__in=editions) if editions else None,
        "Topic": Q(pk__in=topics) if topics else None,
        "Festival": Q(pk__in=festivals) if festivals else None,
    }
    _update(apps, {name: rows for name, rows in which.items() if rows is not None})


def refresh_all(apps=installed_apps, models=DEPENDENT_MODELS):
    """Recompute every moment of `models`: after a bulk load that bypassed the models, or in a
    migration."""
    _update(apps, dict.fromkeys(models, Q()))


def _update(apps, which):
    """Set `public_since` on the rows of each model named in `which` (a Q of which rows)."""
    model = {name: apps.get_model("articles", name) for name in ["Article", *DEPENDENT_MODELS]}
    live_articles = model["Article"].objects.filter(status="published", published_at__isnull=False)
    moments = {
        "Quote": live_articles.filter(pk=OuterRef("article")).values("published_at"),
        "Panel": _earliest(live_articles.filter(panels=OuterRef("pk")), "published_at"),
        "Person": _earliest(model["Panel"].objects.filter(participations__person=OuterRef("pk"))),
        "Edition": _earliest(model["Panel"].objects.filter(edition=OuterRef("pk"))),
        "Topic": _earliest(model["Panel"].objects.filter(topics=OuterRef("pk"))),
        "Festival": _earliest(model["Edition"].objects.filter(festival=OuterRef("pk"))),
    }
    for name in DEPENDENT_MODELS:
        if name in which:
            model[name].objects.filter(which[name]).update(public_since=Subquery(moments[name]))


def _earliest(things, field="public_since"):
    """MIN(field) of `things` as a subquery. Not ORDER BY … LIMIT 1, which PostgreSQL may answer by
    walking the whole index on `field` for each row updated."""
    return things.order_by().annotate(earliest=Func(F(field), function="MIN")).values("earliest")
