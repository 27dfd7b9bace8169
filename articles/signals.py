"""Keep `public_since` (visibility.py) right whenever coverage, sessions or who was on stage change,
old addresses redirecting (redirects.py) whenever a page moves, and the change history readable.
(The page cache is emptied by receivers of its own: http/page_cache.py.)"""

from django.db.models.signals import m2m_changed, post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from simple_history.signals import pre_create_historical_record

from . import redirects, visibility
from .models import Article, Edition, Panel, Participation, Quote


@receiver(post_save, sender=Article)
def article_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility.refresh(articles=[instance.pk])


@receiver(pre_delete, sender=Article)
@receiver(pre_delete, sender=Panel)
def remember_links(sender, instance, **kwargs):
    """Links through join tables are deleted without signals: note what they reached beforehand."""
    if sender is Article:
        instance.linked = {"panels": list(instance.panels.values_list("pk", flat=True))}
    else:
        instance.linked = {
            "topics": list(instance.topics.values_list("pk", flat=True)),
            "editions": [instance.edition_id],
        }


@receiver(post_delete, sender=Article)
@receiver(post_delete, sender=Panel)
def linked_thing_deleted(sender, instance, **kwargs):
    visibility.refresh(**getattr(instance, "linked", {}))


@receiver(post_save, sender=Quote)
def quote_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility.refresh(quotes=[instance.pk])


@receiver(post_save, sender=Panel)
def panel_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility.refresh(panels=[instance.pk], editions=[instance.saved_values.get("edition_id")])


@receiver(post_save, sender=Edition)
def edition_saved(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility.refresh(editions=[instance.pk], festivals=[instance.saved_values.get("festival_id")])


@receiver(post_save, sender=Participation)
@receiver(post_delete, sender=Participation)
def participation_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        visibility.refresh(people=[instance.person_id, instance.saved_values.get("person_id")])


@receiver(m2m_changed, sender=Article.panels.through)
@receiver(m2m_changed, sender=Panel.topics.through)
def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    """article.panels and panel.topics, changed from either side."""
    forward = "panels" if sender is Article.panels.through else "topics"
    if action == "pre_clear" and not reverse:
        # Which links a clear() removes is known only before it.
        instance.cleared = list(getattr(instance, forward).values_list("pk", flat=True))
    if action not in {"post_add", "post_remove", "post_clear"}:
        return
    # From the reverse side (panel.articles, topic.panels) the instance is what to refresh.
    changed = [instance.pk] if reverse else instance.cleared if action == "post_clear" else pk_set
    visibility.refresh(**{forward: changed})


@receiver(pre_save)
def note_addresses(sender, instance, raw=False, **kwargs):
    if sender in redirects.MOVABLE and not raw:
        instance.addresses_before = redirects.addresses_before_save(instance)


@receiver(post_save)
def redirect_moved_addresses(sender, instance, raw=False, created=False, **kwargs):
    if sender in redirects.MOVABLE and not raw and not created:
        redirects.redirect_moved(getattr(instance, "addresses_before", {}), redirects.addresses(instance))


@receiver(pre_create_historical_record)
def no_reason_given(sender, history_instance, **kwargs):
    if history_instance.history_change_reason is None:
        history_instance.history_change_reason = ""  # the history shows nothing rather than "None"
