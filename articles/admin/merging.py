"""The admin's “Merge people” page: two records of one person made one, the editor choosing which
to keep and, for each session both were on, whose role and affiliation stay; and the likely
duplicates of a person, shown on their page."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .. import search
from ..merging import merge_people, shared_sessions
from ..models import Person

# How alike two names must be for the admin to suggest that they are one person's.
DUPLICATE_SIMILARITY = 0.6
DUPLICATES_SHOWN = 5


def likely_duplicates(person):
    """Other people whose names, or other spellings, match the person's name forgivingly, best
    first: one query."""
    matches = search.suggest_people(Person.objects.exclude(pk=person.pk), person.name, DUPLICATES_SHOWN)
    return [match for match in matches if match.similarity >= DUPLICATE_SIMILARITY]


class MergeForm(forms.Form):
    keep = forms.ChoiceField(label=gettext_lazy("Keep"), widget=forms.RadioSelect)

    def __init__(self, first, second, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.people = {str(first.pk): first, str(second.pk): second}
        self.fields["keep"].choices = [(str(person.pk), person.name) for person in (first, second)]
        self.fields["keep"].initial = str(first.pk)
        self.shared = shared_sessions(first, second)
        for panel, (one, other) in self.shared.items():
            self.fields[f"stage_{panel.pk}"] = forms.ChoiceField(
                label=panel.title,
                widget=forms.RadioSelect,
                choices=[(str(p.person_id), _on_stage(p)) for p in (one, other)],
                initial=str(one.person_id),
            )

    def stage_fields(self):
        """The choices for the sessions both were on, in the form's order."""
        return [self[name] for name in self.fields if name.startswith("stage_")]

    def merge(self):
        kept = self.people[self.cleaned_data["keep"]]
        other = next(person for key, person in self.people.items() if key != self.cleaned_data["keep"])
        from_other = {
            panel.pk for panel in self.shared if self.cleaned_data[f"stage_{panel.pk}"] == str(other.pk)
        }
        return merge_people(kept, other, stage_taken_from_other=from_other), other


def _on_stage(participation):
    """`Jo Smith: Moderator, Studio X`: how someone was on a session's stage."""
    affiliation = participation.affiliation or "—"
    return f"{participation.person.name}: {participation.get_role_display()}, {affiliation}"


def merge_page(model_admin, request):
    if not (model_admin.has_change_permission(request) and model_admin.has_delete_permission(request)):
        raise PermissionDenied
    ids = [part for part in request.GET.get("ids", "").split(",") if part.isdigit()]
    people = list(Person.objects.filter(pk__in=ids).order_by("pk"))
    changelist = reverse("admin:articles_person_changelist")
    if len(ids) == 2 and ids[0] == ids[1]:
        messages.error(request, _("A person cannot be merged with themself: choose two different people."))
        return HttpResponseRedirect(changelist)
    if len(ids) != 2 or len(people) != 2:
        messages.error(request, _("Choose two people to merge."))
        return HttpResponseRedirect(changelist)
    form = MergeForm(*people, data=request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            kept, other = form.merge()
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request, _("%(other)s is now %(kept)s.") % {"other": other.name, "kept": kept.name}
            )
            return HttpResponseRedirect(reverse("admin:articles_person_change", args=[kept.pk]))
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Merge people"),
        "opts": model_admin.model._meta,
        "form": form,
        "people": [(person, person.participations.count(), person.quotes.count()) for person in people],
    }
    return TemplateResponse(request, "admin/articles/person/merge.html", context)


def merge_urls(model_admin):
    def view(request):
        return merge_page(model_admin, request)

    return [path("merge/", model_admin.admin_site.admin_view(view), name="articles_person_merge")]
