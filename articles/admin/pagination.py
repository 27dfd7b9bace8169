"""Paging the admin's lists of large tables (a million quotes) at the speed of a small one."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.functional import cached_property

from ..search import backend


class LargeTablePaginator(Paginator):
    """Unfiltered, the database's own estimate of the table's size stands for a count of every row
    (where it keeps one and it is past ARCHIVE_COUNT_LIMIT); and a page finds its ids in an index
    before fetching those rows with everything they join, so that a late page does not join every
    row before it."""

    @cached_property
    def count(self):
        queryset = self.object_list
        if not queryset.query.where:
            estimate = backend().estimated_count(queryset.model)
            if estimate is not None and estimate > settings.ARCHIVE_COUNT_LIMIT:
                return estimate
        return queryset.count()

    def page(self, number):
        number = self.validate_number(number)
        first = (number - 1) * self.per_page
        ids = list(self.object_list.values_list("pk", flat=True)[first : first + self.per_page])
        rows = self.object_list.order_by().in_bulk(ids)
        return self._get_page([rows[pk] for pk in ids if pk in rows], number, self)
