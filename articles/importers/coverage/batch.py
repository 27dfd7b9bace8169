"""What an import writes, gathered while every record is checked and written only once all of them
passed: each kind in a few statements (bulk_create, bulk_update, the history of the kinds that keep
one), in the order records refer to one another, then the moments things become public
(visibility.py) and the page cache renewed once for the whole import.

Bulk writes skip save() and the signals: what save() fills in is filled in by the models'
prepare_fields(), and what the signals would do for each record is done here once."""

import operator
from collections import defaultdict
from functools import reduce

from django.db.models import Q
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from ... import visibility
from ...http.page_cache import start_new_generation
from ...models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic

# Each kind after those it refers to; links after both of their ends.
ORDER = [Festival, Edition, Topic, Person, Panel, Participation, Article, Quote]
BATCH_SIZE = 500
# What visibility.refresh() calls each kind.
REFRESHED_AS = {
    Festival: "festivals",
    Edition: "editions",
    Topic: "topics",
    Person: "people",
    Panel: "panels",
    Article: "articles",
    Quote: "quotes",
}
# Ids a refresh: within what SQLite takes as parameters.
REFRESH_CHUNK = 5_000


class Link:
    """A many-to-many field of a record (an article's sessions, a session's topics) to set to
    exactly `targets`; `stored`: the ids it links to now."""

    def __init__(self, owner, field, targets, stored):
        self.owner, self.field, self.targets, self.stored = owner, field, targets, stored


class Batch:
    def __init__(self):
        self.new = defaultdict(list)
        self.changed = defaultdict(dict)  # model → {id(record): (record, names of changed fields)}
        self.links = defaultdict(list)  # model → [Link]

    def create(self, record):
        self.new[type(record)].append(record)

    def update(self, record, fields):
        _, known = self.changed[type(record)].setdefault(id(record), (record, set()))
        known.update(fields)

    def link(self, owner, field, targets, stored):
        self.links[type(owner)].append(Link(owner, field, targets, stored))

    @property
    def empty(self):
        return not (self.new or self.changed or self.links)

    def write(self, user=None, reason=""):
        """Write everything gathered; `user` and `reason` go into the change history."""
        touched = defaultdict(set)
        history = {"default_user": user, "default_change_reason": reason, "batch_size": BATCH_SIZE}
        now = timezone.now()
        for model in ORDER:
            created = self.new.get(model, [])
            for record in created:
                _prepare(record)
            if created:
                if hasattr(model, "history"):
                    bulk_create_with_history(created, model, **history)
                else:
                    model.objects.bulk_create(created, batch_size=BATCH_SIZE)
            changed = [record for record, _ in self.changed.get(model, {}).values()]
            if changed:
                fields = set().union(*(names for _, names in self.changed[model].values()))
                for record in changed:
                    fields |= set(_prepare(record))
                    record.updated_at = now
                fields = sorted(fields | {"updated_at"} if hasattr(model, "updated_at") else fields)
                if hasattr(model, "history"):
                    bulk_update_with_history(changed, model, fields, **history)
                else:
                    model.objects.bulk_update(changed, fields, batch_size=BATCH_SIZE)
            for record in created + changed:
                _note(touched, record)
            self.write_links(model, touched)
        self.refresh(touched)
        if not self.empty:
            start_new_generation()

    def write_links(self, model, touched):
        """The links of `model`'s records: one insert for all that are new; a delete for each record
        that loses some."""
        rows, gone_rows = defaultdict(list), defaultdict(list)
        for link in self.links.get(model, []):
            field = model._meta.get_field(link.field)
            through = field.remote_field.through
            source, target = field.m2m_field_name() + "_id", field.m2m_reverse_field_name() + "_id"
            wanted = {record.pk for record in link.targets}
            gone = link.stored - wanted
            if gone:
                gone_rows[through].append(Q(**{source: link.owner.pk, f"{target}__in": gone}))
            rows[through] += [through(**{source: link.owner.pk, target: pk}) for pk in wanted - link.stored]
            touched[REFRESHED_AS[model]].add(link.owner.pk)
            touched[REFRESHED_AS[field.related_model]].update(wanted | link.stored)
        for through, conditions in gone_rows.items():
            for start in range(0, len(conditions), BATCH_SIZE):
                through.objects.filter(reduce(operator.or_, conditions[start : start + BATCH_SIZE])).delete()
        for through, new in rows.items():
            through.objects.bulk_create(new, batch_size=BATCH_SIZE)

    @staticmethod
    def refresh(touched):
        if sum(len(ids) for ids in touched.values()) <= REFRESH_CHUNK:
            if touched:
                visibility.refresh(**touched)
            return
        for kind, ids in touched.items():
            ids = sorted(ids)
            for start in range(0, len(ids), REFRESH_CHUNK):
                visibility.refresh(**{kind: ids[start : start + REFRESH_CHUNK]})


def _prepare(record):
    """What the model's save() would fill in; the names of the fields it may have set."""
    if hasattr(record, "prepare_fields"):
        record.prepare_fields()
        return record.prepared_fields
    return []


def _note(touched, record):
    if isinstance(record, Participation):
        touched["people"].add(record.person_id)
        touched["panels"].add(record.panel_id)
    else:
        touched[REFRESHED_AS[type(record)]].add(record.pk)
