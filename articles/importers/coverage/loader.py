"""Loading coverage files: what each kind of record holds and refers to, in the order the format
lists them (each may refer to those before it), all in one transaction."""

import json

from django.db import transaction
from django.utils.translation import gettext as _

from ...models import Article, Edition, Festival, Panel, Participation, Person, Quote, Topic, shared_positions
from ...models.people import default_sort_name
from .convert import AND, either, json_type
from .records import RecordLoader, reference
from .report import CoverageReport, RecordError, label
from .schema import TOP_LEVEL


def load_coverage(data, *, may_publish=True, dry_run=False):
    """Create or update everything in `data` (the parsed JSON of one file); return a CoverageReport.
    Nothing is written when the report has errors, or for a dry run. `may_publish`: whether the
    articles may be published ones (editors), or only drafts and articles in review (contributors)."""
    return load_documents([("", data)], may_publish=may_publish, dry_run=dry_run)


def load_files(files, *, may_publish=True, dry_run=False):
    """Load coverage files, given as (name, raw bytes or text), all in one transaction: all or nothing.
    A file that is not valid JSON is one error in the report."""
    report = CoverageReport()
    documents = []
    for name, raw in files:
        data, error = parse(raw, name or "file")
        if error:
            report.errors.append(error)
        else:
            documents.append((name if len(files) > 1 else "", data))
    return load_documents(documents, may_publish=may_publish, dry_run=dry_run, report=report)


def parse(raw, name="file"):
    """(data, None) for a coverage file's text, or (None, RecordError) saying why it cannot be read."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            return None, RecordError(name, "", _("The file is not UTF-8 text; save it as UTF-8 JSON."))
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        # Translators: %(error)s is Python's own description of the mistake, in English.
        message = _("This is not valid JSON: %(error)s (line %(line)s, column %(column)s).") % {
            "error": error.msg,
            "line": error.lineno,
            "column": error.colno,
        }
        return None, RecordError(name, "", message)
    if not isinstance(data, dict):
        message = _(
            # Translators: “%(festivals)s” and “%(articles)s” are names of the file format's lists.
            "The file must hold one JSON object with lists such as “%(festivals)s” and “%(articles)s”, "
            "not %(found)s."
        ) % {"festivals": "festivals", "articles": "articles", "found": json_type(data)}
        return None, RecordError(name, "", message)
    return data, None


def load_documents(documents, *, may_publish=True, dry_run=False, report=None):
    """Load parsed files, given as (name, data), in one transaction; names label their records."""
    importer = CoverageImport(may_publish=may_publish, report=report)
    importer.report.dry_run = dry_run
    with transaction.atomic():
        for name, data in documents:
            importer.load(data, prefix=f"{name}: " if name else "")
        if importer.report.errors or dry_run:
            transaction.set_rollback(True)
    return importer.report


class CoverageImport(RecordLoader):
    """One load_<kind> for each list of the format; a session brings its participants and an
    article its quotes."""

    def load(self, data, prefix=""):
        # Translators: where an error is in a coverage file: outside the lists of records.
        top_level = prefix + _("top level")
        for key in data:
            if key not in TOP_LEVEL:
                message = _("Unknown key; a file holds only %(keys)s.") % {"keys": either(TOP_LEVEL, AND)}
                self.error(top_level, key, message)
        for kind in TOP_LEVEL:
            items = data.get(kind)
            if items is None:
                continue
            if not isinstance(items, list):
                message = _("Must be a list of objects, not %(found)s.") % {"found": json_type(items)}
                self.error(top_level, kind, message)
                continue
            for index, item in enumerate(items):
                getattr(self, f"load_{kind}")(item, label(f"{prefix}{kind}[{index}]", kind, item))

    def load_festivals(self, item, where):
        values = self.read("festivals", item, where)

        def save():
            return self.save(Festival, {"slug": values["slug"]}, values)

        self.record("festivals", where, values, save, key=reference("festivals", item))

    def load_editions(self, item, where):
        values = self.read("editions", item, where)
        if values is not None:
            values["festival"] = self.find(where, "festival", Festival, "festivals", values["festival"])

        def save():
            return self.save(Edition, {"festival": values["festival"], "year": values["year"]}, values)

        self.record("editions", where, values, save, key=reference("editions", item))

    def load_topics(self, item, where):
        values = self.read("topics", item, where)

        def save():
            return self.save(Topic, {"slug": values["slug"]}, values)

        self.record("topics", where, values, save, key=reference("topics", item))

    def load_people(self, item, where):
        values = self.read("people", item, where)

        def save():
            person = Person.objects.filter(slug=values["slug"]).first()
            if "sort_name" in values and not (values["sort_name"] or "").strip():
                # Left empty, the sort name is the one Person.save gives: compare with that.
                values["sort_name"] = default_sort_name(values["name"])
            return self.save(Person, {"slug": values["slug"]}, values, instance=person)

        self.record("people", where, values, save, key=reference("people", item))

    def load_panels(self, item, where):
        values = self.read("panels", item, where)
        save = None
        if values is not None:
            edition = self.find_edition(where, values["festival"], values["year"])
            topics = [
                self.find(where, "topics", Topic, "topics", slug) for slug in values.get("topics") or []
            ]

            def save():
                panel, changes = self.save(Panel, {"edition": edition, "slug": values["slug"]}, values)
                if "topics" in values and _set_links(panel.topics, topics) and changes is not None:
                    changes.append("topics")
                return panel, changes

        panel = self.record("panels", where, values, save, key=reference("panels", item))
        participants = item.get("participants") if isinstance(item, dict) else None
        if isinstance(participants, list):
            seen = {}
            for index, participant in enumerate(participants):
                where_participant = label(f"{where}.participants[{index}]", "participants", participant)
                self.load_participant(panel, participant, where_participant, seen)

    def load_participant(self, panel, item, where, seen):
        """A participant of `panel` (None when the panel itself failed: then only checked)."""
        values = self.read("participants", item, where)
        if values is None:
            return
        if values["person"] in seen:
            message = _("Already among this session's participants (%(record)s).")
            self.error(where, "person", message % {"record": seen[values["person"]]})
            return
        seen[values["person"]] = where
        values["person"] = self.find(where, "person", Person, "people", values["person"])
        if not values.get("order"):
            values.pop("order", None)  # 0 or left out: where they already are, or after the others
        if panel is None:
            return

        def save():
            return self.save(Participation, {"panel": panel, "person": values["person"]}, values)

        self.record("participants", where, values, save, key=None)

    def load_articles(self, item, where):
        values = self.read("articles", item, where)
        known = values if values is not None else self.partly_read.get(where, {})
        panels = [self.find_panel(where, "panels", written) for written in known.get("panels") or []]
        save = None
        if values is not None:
            if values.get("published_at") is None:
                # Left out: as stored; a published article without one is public from now (Article.save).
                values.pop("published_at", None)
            stored = Article.objects.filter(slug=values["slug"]).first()
            if not self.may_publish:
                self.check_may_change(where, values, stored)

            def save():
                article, changes = self.save(Article, {"slug": values["slug"]}, values, instance=stored)
                if "panels" in values and _set_links(article.panels, panels) and changes is not None:
                    changes.append("panels")
                return article, changes

        article = self.record("articles", where, values, save, key=reference("articles", item))
        quotes = item.get("quotes") if isinstance(item, dict) else None
        if isinstance(quotes, list):
            covered_panel_ids = None
            if article is None and all(panels) and (values is not None or where in self.partly_read):
                # An article that failed cannot be saved, but its quotes are still checked against its
                # language and sessions, so that the editor hears of every problem at once.
                article = Article(language=known.get("language") or "")
                covered_panel_ids = [panel.pk for panel in panels]
            placed = []
            for index, quote in enumerate(quotes):
                where_quote = label(f"{where}.quotes[{index}]", "quotes", quote)
                self.load_quote(article, quote, where_quote, placed, covered_panel_ids)

    def check_may_change(self, where, values, stored):
        """Who may not publish (contributors) may import drafts and articles in review only."""
        if values.get("status") == Article.Status.PUBLISHED:
            message = _(
                # Translators: "%(key)s": "%(draft)s" or "%(in_review)s" is what to write in the file.
                'Only editors may publish: import it with "%(key)s": "%(draft)s" or "%(in_review)s".'
            )
            statuses = {"key": "status", "draft": Article.Status.DRAFT, "in_review": Article.Status.IN_REVIEW}
            self.error(where, "status", message % statuses)
        elif stored and stored.status == Article.Status.PUBLISHED:
            self.error(where, "status", _("This article is published already; only editors may change it."))

    def load_quote(self, article, item, where, placed, covered_panel_ids=None):
        """A quote reported by `article`. Of an article that failed, unsaved (and covering the
        sessions `covered_panel_ids`) or None, the quote is only checked. `placed`: (record,
        position) of the article's quotes read before it."""
        values = self.read("quotes", item, where)
        if values is None or not self.placed(where, values["position"], placed):
            return
        values["speaker"] = self.find(where, "speaker", Person, "people", values["speaker"])
        if values.get("panel"):
            values["panel"] = self.find_panel(where, "panel", values["panel"])
        else:
            values.pop("panel", None)  # the article's only session, if it covers one (Quote.session_errors)
        if article is None:
            return
        own_language = bool(values.get("language"))
        if not own_language:
            values["language"] = article.language  # left empty: the article's language (Quote.save)
        if article.pk is None:
            if where not in self.records_with_errors:
                # The article's own language, if wrong, is reported with the article.
                unchecked = ["article"] if own_language else ["article", "language"]
                self.check(where, Quote, values, unchecked, covered_panel_ids=covered_panel_ids)
            return

        def save():
            return self.save(Quote, {"article": article, "position": values["position"]}, values)

        self.record("quotes", where, values, save, key=None)

    def placed(self, where, position, placed):
        """Whether the quote at `where` may take `position` among the article's quotes `placed` so far
        (the import finds a quote by its position); it is placed there if so."""
        if position < 1:
            self.error(where, "position", _("Must be 1 or more: the quote's place in the article."))
            return False
        shared = shared_positions([*placed, (where, position)])
        if shared:
            message = _("Another quote of this article has this position (%(record)s).")
            self.error(where, "position", message % {"record": shared[-1][1]})
            return False
        placed.append((where, position))
        return True


def _set_links(related, wanted):
    """Make a many-to-many field hold exactly `wanted`; whether that changed anything."""
    current = set(related.values_list("pk", flat=True))
    if current == {thing.pk for thing in wanted}:
        return False
    related.set(wanted)
    return True
