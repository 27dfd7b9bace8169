"""Pagination that answers a bad ?page= with a note instead of an error, and that counts at most
ARCHIVE_COUNT_LIMIT items: on a large archive an exact count of every quote or person costs more
than the page itself, and nobody pages past the first few hundred pages; filters narrow instead."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.translation import gettext as _


class BoundedPaginator(Paginator):
    @cached_property
    def count(self):
        bound = settings.ARCHIVE_COUNT_LIMIT
        if isinstance(self.object_list, QuerySet):
            # Only whether there are rows matters: no order, no joins or subqueries for what pages show.
            counted = self.object_list.order_by().values("pk")[: bound + 1].count()
        else:
            counted = len(self.object_list)
        self.more_than_counted = counted > bound
        return min(counted, bound)


class LargeTablePaginator(Paginator):
    """For the admin's lists of large tables. Unfiltered, PostgreSQL's own estimate of the table's
    size stands for a count of every row; and a page finds its ids in an index before fetching
    those rows with everything they join, so that a late page does not join every row before it."""

    @cached_property
    def count(self):
        queryset = self.object_list
        if connection.vendor == "postgresql" and not queryset.query.where:
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                    [queryset.model._meta.db_table],
                )
                estimate = cursor.fetchone()[0]
            if estimate > settings.ARCHIVE_COUNT_LIMIT:
                return estimate
        return queryset.count()

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[first : first + self.per_page])
        rows = self.object_list.order_by().in_bulk(ids)
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)


def paginate(request, object_list, per_page=None):
    """Return (page, notice). A page number that is not a number or out of range shows the nearest
    real page, and the notice tells the reader why."""
    paginator = BoundedPaginator(object_list, per_page or settings.ARCHIVE_PAGE_SIZE)
    requested = request.GET.get("page", "1")
    page = paginator.get_page(requested)
    # The numbers the page links to: the first, the last, two either side of this one, "…" between.
    page.numbers = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    notice = None
    if requested != str(page.number):
        if requested.isdigit():
            notice = _("There is no page %(requested)s; showing page %(page)s of %(pages)s.") % {
                "requested": requested[:12],
                "page": page.number,
                "pages": paginator.num_pages,
            }
        else:
            notice = _("“page” must be a page number; showing the first page.")
    return page, notice
