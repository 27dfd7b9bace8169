"""Pagination that answers a bad ?page= with a note instead of an error."""

from django.conf import settings
from django.core.paginator import Paginator
from django.utils.translation import gettext as _


def paginate(request, object_list, per_page=None):
    """Return (page, notice). A page number that is not a number or out of range shows the nearest
    real page, and the notice tells the reader why."""
    paginator = Paginator(object_list, per_page or settings.ARCHIVE_PAGE_SIZE)
    requested = request.GET.get("page", "1")
    page = paginator.get_page(requested)
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
