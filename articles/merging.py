"""Two records of one person (“Jo Smith” and “Joanna Smith”, entered by two editors or by an
import) made one: everything of the other moves to the one kept, which then answers at the other's
address too."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from . import redirects, visibility
from .models import Person, Quote


def shared_sessions(kept, other):
    """The sessions both were on stage at, each with the two participations: {panel: (kept's, other's)}."""
    theirs = {participation.panel_id: participation for participation in other.participations.all()}
    return {
        participation.panel: (participation, theirs[participation.panel_id])
        for participation in kept.participations.select_related("panel__edition__festival")
        if participation.panel_id in theirs
    }


@transaction.atomic
def merge_people(kept, other, stage_taken_from_other=()):
    """Move `other`'s participations, quotes, other spellings and change history to `kept`, make
    `other`'s address answer 301 to `kept`'s, and delete `other`. On a session both were on, `kept`'s
    participation stays, with the role and affiliation of `other`'s where its panel is in
    `stage_taken_from_other`. Raises ValidationError for a person merged with themself."""
    if kept.pk == other.pk:
        raise ValidationError(_("A person cannot be merged with themself: choose two different people."))
    kept, other = (Person.objects.select_for_update().get(pk=person.pk) for person in (kept, other))
    old_addresses = redirects.addresses(other)
    for panel, (mine, theirs) in shared_sessions(kept, other).items():
        if panel.pk in stage_taken_from_other:
            mine.role, mine.affiliation = theirs.role, theirs.affiliation
            mine.save()
        theirs.delete()
    other.participations.update(person=kept)
    reason = _("Merged with %(name)s (%(slug)s)") % {"name": other.name, "slug": other.slug}
    for quote in Quote.objects.filter(speaker=other):
        quote.speaker, quote._change_reason = kept, reason
        quote.save(update_fields=["speaker", "updated_at"])
    _take_details(kept, other)
    # The other's versions become the kept one's, as the quotes' versions name their speaker.
    Person.history.filter(id=other.pk).update(id=kept.pk)
    Quote.history.filter(speaker_id=other.pk).update(speaker_id=kept.pk)
    other.delete()
    kept._change_reason = reason
    kept.save()
    with translation.override(settings.LANGUAGE_CODE):
        redirects.redirect_moved(old_addresses, dict.fromkeys(old_addresses, kept.get_absolute_url()))
    visibility.refresh(people=[kept.pk])
    return kept


def _take_details(kept, other):
    """The other's name and spellings as the kept one's other spellings; its bio, photo, website
    where the kept one has none."""
    spellings = kept.spellings
    for name in other.spellings:
        if name.casefold() not in {spelling.casefold() for spelling in spellings}:
            spellings.append(name)
    kept.other_names = "\n".join(spellings[1:])
    for field in ("bio", "photo", "website"):
        if not getattr(kept, field) and getattr(other, field):
            setattr(kept, field, getattr(other, field))
