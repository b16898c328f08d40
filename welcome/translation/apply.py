"""Apply and publish: build a target-language object from the live source, the approved units and
the synchronised fields, save it as a new revision of the target-locale object (created with
Wagtail's copy-for-translation the first time) and publish it — directly when the user may publish
in that language, else through that language's review workflow.

Only the target-locale object gets a revision: a pending Danish draft is neither read (the source
is taken from its live revision) nor published.
"""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Page

from . import registry, roles, segments
from .models import Unit


class TranslationIncomplete(Exception):
    """Some segments have no approved translation yet; ``keys`` names them."""

    def __init__(self, keys):
        super().__init__(
            _("%(count)d segments have no approved translation yet.") % {"count": len(keys)}
        )
        self.keys = keys


def approved_texts(source, locale):
    """``{key: approved text}`` for the current units; raise if any segment lacks one."""
    units = Unit.objects.for_object(
        registry.content_type_of(source), source.translation_key, locale
    ).current()
    texts, missing = {}, []
    for key, text in units.values_list("key", "approved_text"):
        if text is None:
            missing.append(key)
        else:
            texts[key] = text
    if missing or not texts:
        raise TranslationIncomplete(missing or ["*"])
    return texts


def _target(source, locale):
    target = source.get_translation_or_none(locale)
    if target is not None:
        return registry.specific(target)
    if isinstance(source, Page):
        return source.copy_for_translation(locale, copy_parents=True).specific
    target = source.copy_for_translation(locale)
    if hasattr(target, "live"):
        target.live = False
    target.save()
    return target


def build(source, locale, texts, target=None):
    """The target object with ``texts`` substituted into the live source and the synchronised
    fields copied; not saved. Without ``target`` an unsaved in-memory copy (for previews)."""
    live = registry.live_version(source)
    if target is None:
        target = registry.live_version(source)
        target.locale = locale
    segments.ingest(target, texts, source=live)
    segments.synchronise(target, live)
    return target


def may_publish(user, target):
    """Whether ``user`` publishes ``target`` directly (else it goes through the workflow)."""
    if isinstance(target, Page):
        return target.permissions_for_user(user).can_publish()
    return roles.roles_for(user).can_review(target.locale.language_code)


@transaction.atomic
def apply_translation(source, locale, *, user):
    """Build and save the ``locale`` version of ``source``; publish it or submit it for review.
    Returns ``(target, published)``."""
    source = registry.specific(source)
    if not registry.is_source(source):
        raise ValueError(_("Only Danish source content can be translated."))
    roles.require_translate(user, locale.language_code)
    if getattr(source, "live", True) is False:
        raise ValueError(_("Publish the Danish version first."))
    texts = approved_texts(source, locale)
    target = build(source, locale, texts, target=_target(source, locale))
    revision = target.save_revision(user=user, log_action=True)
    if may_publish(user, target):
        # Snippet permissions are not per language in Wagtail; ours are (checked just above).
        # Its requests are closed by the ``published`` receiver (also after a workflow approval).
        revision.publish(user=user, skip_permission_checks=not isinstance(target, Page))
        return target, True
    workflow = target.get_workflow() if hasattr(target, "get_workflow") else None
    if workflow is not None:
        workflow.start(target, user)
    return target, False
