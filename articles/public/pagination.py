"""Pagination that answers a bad ?page= with a note instead of an error, and that counts at most
ARCHIVE_COUNT_LIMIT items: on a large archive an exact count of every quote or person costs more
than the page itself, and nobody pages past the first few hundred pages; filters narrow instead."""

from django.conf import settings
from django.core.paginator import Paginator
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
