"""Old addresses keep working. When a save changes the address of a page (its slug, or the festival
or year above it), the old address answers 301 to the new one, through Django's redirects app, which
serves a redirect only where the site would otherwise answer 404. Each move is kept in every
language of the interface (/people/old/, /fr/people/old/, /de/people/old/)."""

from django.conf import settings
from django.contrib.redirects.models import Redirect
from django.contrib.sites.models import Site
from django.utils import translation

from .languages import address_in
from .models import Article, Edition, Festival, Panel, Person, Topic

MOVABLE = (Festival, Edition, Panel, Person, Topic, Article)


def addresses(instance):
    """The addresses that depend on `instance` as the database has it: its page and the pages under
    it, in the default language (whatever language the editor's admin speaks)."""
    with translation.override(settings.LANGUAGE_CODE):
        return addresses_in_default_language(instance)


def addresses_in_default_language(instance):
    found = {(type(instance), instance.pk): instance.get_absolute_url()}
    if isinstance(instance, Festival):
        editions = instance.editions.select_related("festival")
        found |= {(Edition, edition.pk): edition.get_absolute_url() for edition in editions}
    if isinstance(instance, Festival | Edition):
        panels = Panel.objects.filter(
            **{"edition__festival" if isinstance(instance, Festival) else "edition": instance}
        )
        found |= {
            (Panel, panel.pk): panel.get_absolute_url()
            for panel in panels.select_related("edition__festival")
        }
    return found


def addresses_before_save(instance):
    if instance.pk is None:
        return {}
    saved = type(instance).objects.filter(pk=instance.pk).first()
    return addresses(saved) if saved else {}


def redirect_moved(before, after):
    """A 301 from each address in `before` that changed to its address in `after`, straight to the
    newest one (earlier redirects to it are updated, so there are never chains)."""
    site = Site.objects.get_current()
    longest = Redirect._meta.get_field("old_path").max_length
    moves = [
        (address_in(language, old), address_in(language, after[key]))
        for key, old in before.items()
        if after.get(key) and after[key] != old
        for language in dict(settings.LANGUAGES)
    ]
    for old_path, new_path in moves:
        if len(old_path) > longest or len(new_path) > longest:
            continue
        Redirect.objects.filter(site=site, new_path=old_path).update(new_path=new_path)
        Redirect.objects.filter(site=site, old_path=new_path).delete()  # an address taken back
        Redirect.objects.update_or_create(site=site, old_path=old_path, defaults={"new_path": new_path})


def plain_address_target(request):
    """Where `/?p=<number>`, a WordPress post's plain address, now is (the WordPress import keeps
    them with the other redirects), or None. Other parameters (a campaign's utm_…) do not matter."""
    number = request.GET.get("p", "")
    if not number.isdigit():
        return None
    redirect = Redirect.objects.filter(site=Site.objects.get_current(), old_path=f"/?p={int(number)}").first()
    return redirect.new_path if redirect and redirect.new_path else None
