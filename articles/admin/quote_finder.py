"""“Find quotes” in the article admin: the quoted passages of the body are proposed, each with a
guessed speaker and panel, for the editor to keep, correct or discard on one page."""

from django import forms
from django.contrib import messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from simple_history.utils import bulk_update_with_history

from .. import quote_finder
from ..models import Panel, Participation, Person, Quote
from .forms import TextWithNewlines


class ProposalForm(forms.Form):
    keep = forms.BooleanField(label=_("keep"), required=False)
    text = TextWithNewlines(
        label=_("words as reported"), required=False, widget=forms.Textarea(attrs={"rows": 4, "cols": 70})
    )
    speaker = forms.ModelChoiceField(
        label=_("speaker"), queryset=Person.objects.none(), required=False, empty_label=_("— who said it? —")
    )
    panel = forms.ModelChoiceField(label=_("session"), queryset=Panel.objects.none(), required=False)

    def __init__(self, *args, people, panels, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["speaker"].queryset = people
        self.fields["panel"].queryset = panels
        if len(panels) == 1:
            self.fields["panel"].empty_label = None

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("keep"):
            if not cleaned_data.get("text"):
                self.add_error("text", _("Give the words."))
            if not cleaned_data.get("speaker") and "speaker" not in self.errors:
                self.add_error("speaker", _("Pick who said it."))
        return cleaned_data


ProposalFormSet = forms.formset_factory(ProposalForm, extra=0)


def find_quotes_urls(model_admin):
    """The page's address, to go before the ModelAdmin's own (whose last one takes any path)."""
    info = model_admin.opts.app_label, model_admin.opts.model_name

    def view(request, object_id):
        return find_quotes(model_admin, request, object_id)

    return [
        path(
            "<path:object_id>/find-quotes/",
            model_admin.admin_site.admin_view(view),
            name="{}_{}_find_quotes".format(*info),
        )
    ]


def find_quotes(model_admin, request, object_id):
    article = model_admin.get_object(request, unquote(object_id))
    if article is None:
        raise Http404(_("No article with this ID."))
    if not model_admin.has_change_permission(request, article) or not request.user.has_perm(
        "articles.add_quote"
    ):
        raise PermissionDenied
    panels = article.panels.select_related("edition__festival")
    on_stage = Participation.objects.filter(panel__in=panels)
    people = Person.objects.filter(pk__in=on_stage.values("person")).order_by("name")
    new_proposals, already_entered = _proposals(article, people)
    form_kwargs = {"people": people, "panels": panels}
    if request.method == "POST":
        formset = ProposalFormSet(request.POST, form_kwargs=form_kwargs)
        quotes = _checked_quotes(article, formset, new_proposals) if formset.is_valid() else None
        if quotes is not None:
            _add(article, quotes, already_entered)
            message = ngettext("%d quote added.", "%d quotes added.", len(quotes)) % len(quotes)
            model_admin.message_user(request, message, messages.SUCCESS)
            return redirect(reverse(f"admin:{article._meta.app_label}_article_change", args=[article.pk]))
    else:
        panels_of = {}
        for person_id, panel_id in on_stage.values_list("person_id", "panel_id"):
            panels_of.setdefault(person_id, []).append(panel_id)
        initial = [_initial(proposal, list(panels), panels_of) for proposal in new_proposals]
        formset = ProposalFormSet(initial=initial, form_kwargs=form_kwargs)
    context = {
        **model_admin.admin_site.each_context(request),
        "title": _("Find quotes"),
        "subtitle": str(article),
        "opts": model_admin.opts,
        "article": article,
        "formset": formset,
        # The passage each form was proposed for; after the body changed, no passages.
        "rows": list(zip(formset.forms, new_proposals, strict=True))
        if len(formset.forms) == len(new_proposals)
        else [(form, None) for form in formset.forms],
        "already_entered": already_entered,
        "minimum_words": quote_finder.MINIMUM_WORDS,
        "media": model_admin.media + formset.media,
    }
    return TemplateResponse(request, "admin/articles/article/find_quotes.html", context)


def _proposals(article, people):
    """The passages of the article's body: (those no quote of the article holds yet, those it does)."""
    entered = list(article.quotes.values_list("text", flat=True))
    new_proposals, already_entered = [], []
    for proposal in quote_finder.find_quotes(article.body, list(people)):
        if any(quote_finder.is_same_passage(proposal.text, text) for text in entered):
            already_entered.append(proposal)
        else:
            new_proposals.append(proposal)
    return new_proposals, already_entered


def _add(article, quotes, already_entered):
    with transaction.atomic():
        for quote in quotes:
            quote._change_reason = _("Found in the article’s text")
            quote.save()
        number_in_reading_order(article, already_entered, added=quotes)


def number_in_reading_order(article, entered, added):
    """Number the article's quotes in the order its body prints them, so that a quote added later
    takes its place among the others. `entered`: the passages matched by quotes already there;
    `added`: the new quotes, each with `found_at`. Quotes not found in the body follow, in order."""
    found_at = {quote.pk: quote.found_at for quote in added if quote.found_at is not None}

    def place(quote):
        if quote.pk in found_at:
            return (0, found_at[quote.pk])
        starts = [found.start for found in entered if quote_finder.is_same_passage(found.text, quote.text)]
        return (0, min(starts)) if starts else (1, 0)

    moved = []
    for position, quote in enumerate(sorted(article.quotes.order_by("position", "pk"), key=place), start=1):
        if quote.position != position:
            quote.position = position
            moved.append(quote)
    # Out of their places first, so that each may take another's (QuoteQuerySet.make_room); then one
    # UPDATE, with a version of each: a position changes nothing readers can or cannot see.
    Quote.objects.filter(pk__in=[quote.pk for quote in moved]).make_room()
    bulk_update_with_history(
        moved, Quote, ["position"], default_change_reason=_("Numbered in the order the article prints them")
    )


def _initial(proposal, panels, panels_of):
    """The form's starting values: kept when someone is named as its speaker; the panel the article
    covers, or of several the one the speaker was on stage at."""
    speaker = proposal.speaker
    if len(panels) == 1:
        panel = panels[0]
    else:
        speaker_panels = [panel for panel in panels if speaker and panel.pk in panels_of.get(speaker.pk, [])]
        panel = speaker_panels[0] if len(speaker_panels) == 1 else None
    return {"keep": speaker is not None, "text": proposal.text, "speaker": speaker, "panel": panel}


def _checked_quotes(article, formset, proposals):
    """The kept proposals as unsaved quotes, each checked as the model checks it and with where its
    passage was found (`found_at`, when the body is as it was proposed from); None, with the errors
    on the forms, if any is refused."""
    if len(proposals) != len(formset.forms):
        proposals = [None] * len(formset.forms)
    quotes = []
    for form, proposal in zip(formset, proposals, strict=True):
        if not form.cleaned_data.get("keep"):
            continue
        quote = Quote(
            article=article,
            text=form.cleaned_data["text"],
            speaker=form.cleaned_data["speaker"],
            panel=form.cleaned_data["panel"],
        )
        quote.found_at = proposal.start if proposal else None
        try:
            quote.full_clean()
        except ValidationError as error:
            for field, field_errors in error.message_dict.items():
                form.add_error(
                    field if field in form.fields and field != NON_FIELD_ERRORS else None, field_errors
                )
        quotes.append(quote)
    if any(form.errors for form in formset):
        return None
    return quotes
