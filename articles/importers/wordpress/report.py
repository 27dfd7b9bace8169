"""What a WordPress import did, or would have done: counts by kind, the items left out and why, and
every error. With any error, nothing was written."""

from collections import Counter
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..coverage.report import RecordError, Tally

KIND_NAMES = {
    "articles": gettext_lazy("Articles"),
    "topics": gettext_lazy("Topics"),
    "comments": gettext_lazy("Comments"),
    "redirects": gettext_lazy("Old addresses"),
}


@dataclass
class WordPressReport:
    counts: dict = field(default_factory=lambda: {kind: Tally() for kind in KIND_NAMES})
    # Items read but not imported, each with why (a password-protected post, an unknown post type,
    # a reply to a comment the export does not hold): RecordError(item, "", reason).
    skipped: list = field(default_factory=list)
    # What an export holds that is not coverage, counted only: attachments, pages, menu items…
    ignored: Counter = field(default_factory=Counter)
    errors: list = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self):
        return not self.errors

    @property
    def written(self):
        return self.ok and not self.dry_run and any(t.created or t.updated for t in self.counts.values())

    def count(self, kind, created=False, changed=False):
        tally = self.counts[kind]
        if created:
            tally.created += 1
        elif changed:
            tally.updated += 1
        else:
            tally.unchanged += 1

    def skip(self, item, reason):
        self.skipped.append(RecordError(item, "", str(reason)))

    def summary(self):
        done = "; ".join(
            _("%(kind)s: %(created)s created, %(updated)s updated, %(unchanged)s unchanged")
            % {
                "kind": KIND_NAMES[kind],
                "created": tally.created,
                "updated": tally.updated,
                "unchanged": tally.unchanged,
            }
            for kind, tally in self.counts.items()
            if tally.total
        ) or _("nothing to import")
        if self.skipped:
            done += "; " + _("%(count)s left out (listed below)") % {"count": len(self.skipped)}
        return done

    def ignored_summary(self):
        """`attachment: 37, nav_menu_item: 70`: what the export held that is not coverage."""
        return ", ".join(f"{kind}: {count}" for kind, count in sorted(self.ignored.items()))
