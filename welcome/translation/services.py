"""The translation engine's operations: called by views, hooks, commands and other apps.

Public API (stable):

- ``request_translation(obj, languages, *, requested_by, assignee=None, due=None,
  priority=Priority.NORMAL, subtree=False, note="")`` → list of ``TranslationRequest``
- ``save_unit(unit, text, *, version, user, origin=UnitOrigin.MANUAL)`` → ``Unit``
  (raises ``Conflict`` when ``version`` is stale, ``InvalidTranslation`` for bad text)
- ``submit_for_review(units, *, user)``, ``approve(units, *, user)`` → number of units changed
- ``apply_translation(source, locale, *, user)`` (see ``welcome.translation.apply``)
- ``sync_source(obj, minor=None)``, ``minor_edit()`` (see ``welcome.translation.sources``)
- ``units_for(obj, locale)`` → the current units of an object in a language, in order

Every operation that acts for a user checks that user's roles (``roles``) itself.
"""

from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from welcome.core import pagecache

from . import memory, notifications, quality, registry, roles, segments
from .apply import TranslationIncomplete, apply_translation  # noqa: F401 (public API)
from .models import (
    Priority,
    RequestStatus,
    SegmentKind,
    TranslationRequest,
    Unit,
    UnitOrigin,
    UnitState,
)
from .sources import ensure_units, minor_edit, sync_source  # noqa: F401 (public API)


class Conflict(Exception):
    """The unit changed since the editor loaded it; ``unit`` is the stored version."""

    def __init__(self, unit):
        super().__init__(_("Someone else saved this segment in the meantime."))
        self.unit = unit


class InvalidTranslation(Exception):
    """The text cannot be stored (markup lost, too long); the message says why."""


def _locales(languages):
    codes = [getattr(language, "language_code", language) for language in languages]
    if not codes:
        raise ValueError(_("Choose at least one language."))
    found = {
        locale.language_code: locale for locale in Locale.objects.filter(language_code__in=codes)
    }
    unknown = [code for code in codes if code not in found]
    if unknown:
        raise ValueError(_("Not an active language: %(codes)s.") % {"codes": ", ".join(unknown)})
    source = registry.source_locale()
    if source.language_code in codes:
        raise ValueError(_("The source language cannot be a translation target."))
    return [found[code] for code in dict.fromkeys(codes)]


def _objects(obj, subtree):
    obj = registry.specific(obj)
    if not registry.is_source(obj):
        raise ValueError(_("Only Danish source content can be translated."))
    if not registry.is_translatable(type(obj)):
        raise ValueError(_("This kind of content is not translated."))
    found = [obj]
    if subtree and isinstance(obj, Page):
        models = [m for m in registry.translatable_models() if registry.is_page_model(m)]
        found += list(obj.get_descendants().type(*models).filter(locale=obj.locale).specific())
    return found


def _title(obj):
    return str(getattr(obj, "title", None) or obj)[:255]


@transaction.atomic
def request_translation(
    obj,
    languages,
    *,
    requested_by,
    assignee=None,
    due=None,
    priority=Priority.NORMAL,
    subtree=False,
    note="",
    prefill=False,
):
    """Ask for ``obj`` (with its descendants when ``subtree``) in ``languages``. Creates the
    units, one open request per object and language (an open one is updated), and tells the
    assignee. ``requested_by=None`` is the system (commands). With ``prefill``, segments whose
    Danish text has an approved translation in the language start as drafts from memory."""
    if requested_by is not None:
        roles.require_request(requested_by)
    locales = _locales(languages)
    if assignee is not None:
        assignee_roles = roles.roles_for(assignee)
        codes = [locale.language_code for locale in locales]
        refused = [code for code in codes if not assignee_roles.can_translate(code)]
        if refused:
            raise ValueError(
                _("%(user)s does not translate into %(codes)s.")
                % {"user": assignee.get_username(), "codes": ", ".join(refused)}
            )
    made = []
    for item in _objects(obj, subtree):
        content_type = registry.content_type_of(item)
        for locale in locales:
            ensure_units(item, locale)
            if prefill:
                memory.prefill(list(units_for(item, locale)))
            request, created = TranslationRequest.objects.open().get_or_create(
                content_type=content_type,
                translation_key=item.translation_key,
                locale=locale,
                defaults={
                    "title": _title(item),
                    "requested_by": requested_by,
                    "assignee": assignee,
                    "due": due,
                    "priority": priority,
                    "note": note,
                },
            )
            if not created:
                request.assignee = assignee or request.assignee
                request.due = due or request.due
                request.priority = max(priority, request.priority)
                request.note = note or request.note
                request.save()
            made.append(request)
    notifications.work_assigned(made)
    return made


def units_for(obj, locale):
    obj = registry.specific(obj)
    return Unit.objects.for_object(
        registry.content_type_of(obj), obj.translation_key, locale
    ).current()


def validate_text(unit, text):
    """Raise ``InvalidTranslation`` if ``text`` cannot replace ``unit``'s source."""
    if unit.kind == SegmentKind.RICH:
        missing, extra = segments.tag_problems(unit.source_text, text)
        if missing or extra:
            raise InvalidTranslation(
                _("Keep the marked-up parts: missing %(missing)s, unexpected %(extra)s.")
                % {"missing": ", ".join(missing) or "–", "extra": ", ".join(extra) or "–"}
            )
    if unit.max_length and len(text) > unit.max_length:
        raise InvalidTranslation(
            _("%(length)d characters; at most %(limit)d are allowed here.")
            % {"length": len(text), "limit": unit.max_length}
        )
    refused = quality.blocking(unit, text)
    if refused:
        raise InvalidTranslation(quality.message(refused))


def save_unit(unit, text, *, version, user, origin=UnitOrigin.MANUAL, submit=False):
    """Store ``text`` as the translation of ``unit`` if nobody changed it since ``version``.
    The unit becomes a draft (or goes to review with ``submit``)."""
    roles.require_translate(user, unit.locale.language_code)
    text = text.replace("\r\n", "\n")
    if text.strip():
        validate_text(unit, text)
        state = UnitState.REVIEW if submit else UnitState.DRAFT
    else:
        text, state = "", UnitState.UNTRANSLATED
    now = timezone.now()
    changed = Unit.objects.filter(pk=unit.pk, version=version, archived_at__isnull=True).update(
        target_text=text,
        state=state,
        origin=origin,
        translated_by=user,
        translated_at=now,
        version=F("version") + 1,
        updated_at=now,
        **({"critical": False} if unit.state == UnitState.OUTDATED else {}),
    )
    stored = Unit.objects.select_related("locale").get(pk=unit.pk)
    if not changed:
        raise Conflict(stored)
    return stored


def _transition(units, user, *, check, from_states, to_state, stamp):
    by_locale = {}
    for unit in units:
        by_locale.setdefault(unit.locale.language_code, []).append(unit)
    for code in by_locale:
        check(user, code)
    now = timezone.now()
    done = 0
    with transaction.atomic():
        for unit in units:
            if unit.state not in from_states or not unit.target_text.strip():
                continue
            values = {"state": to_state, "version": F("version") + 1, "updated_at": now}
            values.update(stamp(unit, now))
            done += Unit.objects.filter(pk=unit.pk, version=unit.version).update(**values)
    return done


def submit_for_review(units, *, user):
    """Drafts (and outdated units whose translation still holds) go to review. Returns how many
    did."""
    count = _transition(
        units,
        user,
        check=roles.require_translate,
        from_states={UnitState.DRAFT, UnitState.OUTDATED},
        to_state=UnitState.REVIEW,
        stamp=lambda unit, now: {},
    )
    if count:
        notifications.ready_for_review(units)
    return count


def approve(units, *, user):
    """Units in review (or drafts) become approved, at the version the reviewer saw. Approving an
    outdated unit confirms that its translation still fits the changed source and ends the public
    notice on its page, so the page cache is cleared. Not approved (``InvalidTranslation``, and
    none of ``units`` is): a translation that fails a blocking quality check, and an outdated unit
    whose source changed a fact (critical): its translation still states the old one, so it must
    be updated first."""
    for unit in units:
        if unit.state == UnitState.OUTDATED and unit.critical:
            problems = _("Critical: a fact (number, date, address) changed in Danish.")
        else:
            refused = quality.blocking(unit) if unit.target_text.strip() else []
            problems = quality.message(refused) if refused else ""
        if problems:
            raise InvalidTranslation(
                _("Segment “%(context)s” cannot be approved: %(problems)s")
                % {"context": unit.context or unit.key, "problems": problems}
            )
    was_outdated = any(unit.state == UnitState.OUTDATED for unit in units)
    count = _transition(
        units,
        user,
        check=roles.require_review,
        from_states={UnitState.DRAFT, UnitState.REVIEW, UnitState.OUTDATED},
        to_state=UnitState.APPROVED,
        stamp=lambda unit, now: {
            "reviewed_by": user,
            "reviewed_at": now,
            "approved_text": unit.target_text,
            "approved_hash": unit.source_hash,
            "critical": False,
            "previous_source": "",
            "previous_target": "",
        },
    )
    if count and was_outdated:
        pagecache.bump_generation()
    return count


def close_requests_if_done(translation):
    """Close the open requests for ``translation`` (a published target-language object) when
    every one of its segments is approved."""
    content_type = registry.content_type_of(translation)
    units = Unit.objects.for_object(
        content_type, translation.translation_key, translation.locale_id
    ).current()
    if units.exists() and not units.exclude(state=UnitState.APPROVED).exists():
        TranslationRequest.objects.open().filter(
            content_type=content_type,
            translation_key=translation.translation_key,
            locale_id=translation.locale_id,
        ).update(status=RequestStatus.DONE, updated_at=timezone.now())
