"""Paging the admin's lists of large tables (a million quotes) at the speed of a small one."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from ..search import backend


class LargeTablePaginator(Paginator):
    """Past ARCHIVE_COUNT_LIMIT rows, the database's own estimate stands for a count of every row
    (where it keeps one): of the table's size, unfiltered; of what the filters and search find,
    once they are counted to more than the limit (counting a search for a common word, some
    700,000 quotes of a million, took longer than the page's 300 ms). And a page finds its ids in
    an index before fetching those rows with everything they join, so that a late page does not
    join every row before it."""

    @cached_property
    def count(self):
        queryset, limit = self.object_list, settings.ARCHIVE_COUNT_LIMIT
        if not queryset.query.where:
            estimate = backend().estimated_count(queryset.model)
            if estimate is not None and estimate > limit:
                return estimate
            return queryset.count()
        # Only whether rows match matters: no order, no subqueries for what the page shows.
        counted = queryset.order_by().values("pk")[: limit + 1].count()
        if counted <= limit:
            return counted
        return max(counted, backend().estimated_rows(queryset) or 0)

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[first : first + self.per_page])
        rows = self.object_list.order_by().in_bulk(ids)
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
